import { describe, expect, it } from 'vitest';
import { renderCaseSummaryDocx, renderCaseSummaryHtml, TEAM_HEADERS, TIMELINE_HEADERS } from './case-summary';
import { caseSummary } from './documents.fixtures';
import { cellTexts, docxPart, htmlCellTexts, paragraphTexts } from './test-support';

describe('一生一表 case summary', () => {
  it('DOCX: identity block, case status, a timeline row per action and the team', async () => {
    const xml = await docxPart(await renderCaseSummaryDocx(caseSummary()));
    const cells = cellTexts(xml);
    const after = (label: string) => cells[cells.indexOf(label) + 1];
    expect(after('学生姓名')).toBe('王小明');
    expect(after('身份证号')).toBe('410182********1234');
    expect(after('重点群体')).toBe('监测户、留守儿童');
    expect(after('个案状态')).toBe('劝返中');
    expect(after('所在台账')).toBe('辍学学生台账');
    expect(after('建档日期')).toBe('2026年11月16日');

    const t = cells.indexOf(TIMELINE_HEADERS[0]);
    expect(cells.slice(t, t + 4)).toEqual([...TIMELINE_HEADERS]);
    // prettier-ignore
    expect(cells.slice(t + 4, t + 16)).toEqual([
      '2026年11月17日', '李老师（班主任）', '电话联系家长', '家长称孩子不愿上学',
      '2026年11月18日', '李老师、张校长', '家访，送达劝返通知书', '家长签收',
      '2026年11月22日', '赵镇长等四包一专班', '联合劝返', '家长同意送返',
    ]);

    const m = cells.indexOf(TEAM_HEADERS[0], t + 16);
    expect(cells.slice(m, m + 12)).toEqual([
      ...TEAM_HEADERS,
      '赵镇长',
      '乡镇干部',
      '豫龙镇人民政府',
      '13600003333',
      '孙书记',
      '村干部',
      '槐西村村委会',
      '',
    ]);

    const paras = paragraphTexts(xml);
    expect(paras).toContain('个案编号：AJ-410182-2026-0042');
    expect(paras).toContain('制表人：李老师　制表日期：2026年11月23日');
  });

  it('DOCX: an empty timeline says so, and a closed case shows its 销号', async () => {
    const cells = cellTexts(
      await docxPart(await renderCaseSummaryDocx(caseSummary({ timeline: [], team: [], closedOn: '2026-12-08', closeReason: '已复学' }))),
    );
    expect(cells).toContain('暂无工作记录');
    expect(cells).toContain('尚未组建工作专班');
    expect(cells[cells.indexOf('销号日期') + 1]).toBe('2026年12月8日');
    expect(cells[cells.indexOf('销号原因') + 1]).toBe('已复学');
  });

  it('HTML: timeline cells escaped', () => {
    const html = renderCaseSummaryHtml(
      caseSummary({ timeline: [{ date: '2026-11-17', actor: '李老师', action: '<img src=x onerror=alert(1)>', result: 'ok' }] }),
    );
    expect(html).not.toContain('<img');
    expect(htmlCellTexts(html)).toContain('<img src=x onerror=alert(1)>');
  });
});
