import { describe, expect, it } from 'vitest';
import { RESUME_PLAN_KINDS } from '@notoneless/shared';
import { resumeNotice } from './documents.fixtures';
import { SEED_004_RETURN_PLAN_RULES } from './legal-texts';
import { renderResumeNoticeDocx, renderResumeNoticeHtml, RESUME_PLACEMENTS } from './resume-notice';
import { cellTexts, docxPart, htmlText, paragraphTexts } from './test-support';

describe('复学通知 with its 复学方案 (seed 004)', () => {
  it('DOCX: report date, placement, grade and class, mentor and the plan', async () => {
    const xml = await docxPart(await renderResumeNoticeDocx(resumeNotice()));
    const cells = cellTexts(xml);
    const after = (label: string) => cells[cells.indexOf(label) + 1];
    expect(after('复学学生')).toBe('王小明');
    expect(after('到校报到日期')).toBe('2026年12月7日');
    expect(after('安置方式')).toBe('进入原来的年级及班级就读');
    expect(after('编入年级班级')).toBe('八年级（2）班');
    expect(after('一对一帮扶教师')).toBe('李老师（数学）');
    expect(after('复学方案')).toBe(resumeNotice().plan);
    const text = paragraphTexts(xml).join('\n');
    expect(text).toContain('你的孩子王小明自2026年11月16日起离校，经劝返同意返校复学。');
    expect(text).toContain('“一人一案、一生一策”');
    expect(text).toContain(`安置依据：${SEED_004_RETURN_PLAN_RULES[0]}`);
    expect(text).toContain('请你于2026年12月7日送孩子到荥阳市第二初级中学报到');
  });

  it.each([
    ['单独编班', 1],
    ['送教上门', 2],
  ] as const)('cites the seed rule of the placement %s', async (placement, rule) => {
    const text = paragraphTexts(await docxPart(await renderResumeNoticeDocx(resumeNotice({ placement })))).join('\n');
    expect(text).toContain(SEED_004_RETURN_PLAN_RULES[rule]);
  });

  it('words every 复学方案 kind of the case contracts in the seed’s terms', () => {
    expect(Object.keys(RESUME_PLACEMENTS).sort()).toEqual([...RESUME_PLAN_KINDS].sort());
  });

  it('HTML: the plan escaped, line breaks kept', () => {
    const html = renderResumeNoticeHtml(resumeNotice({ plan: '第一周：<单独辅导>\n第二周起：编入原班' }));
    expect(html).toContain('第一周：&lt;单独辅导&gt;<br>第二周起：编入原班');
    expect(htmlText(html)).toContain('复学通知');
  });
});
