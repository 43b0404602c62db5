import type { ResumePlanKind } from '@notoneless/shared';
import type { ResumeNoticeData } from './document-data';
import { formatChineseDate } from './format';
import { fill, label, para, value, type Block, type DocSpec, type Row } from './layout';
import { SEED_004_RETURN_PLAN_RULES } from './legal-texts';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';

export const RESUME_NOTICE_TITLE = '复学通知';

/** Each 复学方案 kind in the words of seed 004, and which of its three rules (一是/二是/三是) it follows. */
export const RESUME_PLACEMENTS: Record<ResumePlanKind, { text: string; rule: 0 | 1 | 2 }> = {
  原年级原班: { text: '进入原来的年级及班级就读', rule: 0 },
  调整年级: { text: '适当调整年级完成义务教育学习任务', rule: 0 },
  中职: { text: '到中职学校接受教育', rule: 0 },
  短期补习后随班: { text: '短期单独辅导后编入原班级', rule: 1 },
  单独编班: { text: '集中单独编班', rule: 1 },
  送教上门: { text: '由责任学校送教上门', rule: 2 },
};

export function resumeNoticeSpec(d: ResumeNoticeData): DocSpec {
  const rows: Row[] = [
    { cells: [label('复学学生'), value(d.childName)] },
    { cells: [label('到校报到日期'), value(formatChineseDate(d.reportDate))] },
    { cells: [label('安置方式'), value(RESUME_PLACEMENTS[d.placement].text)] },
    { cells: [label('编入年级班级'), value(`${d.grade}${d.className}`)] },
    ...(d.mentor ? [{ cells: [label('一对一帮扶教师'), value(d.mentor)] }] : []),
    { cells: [label('复学方案'), value(d.plan)], minHeight: 18 },
  ];
  const blocks: Block[] = [
    { kind: 'title', text: RESUME_NOTICE_TITLE },
    para([fill(d.guardianName), '：']),
    para(
      [
        '你的孩子',
        fill(d.childName),
        ...(d.dropoutSince ? ['自', fill(formatChineseDate(d.dropoutSince)), '起离校，'] : []),
        '经劝返同意返校复学。学校按照“一人一案、一生一策”的要求，结合其学业层次和健康状况，为其制定了复学方案，现通知如下：',
      ],
      { indent: true },
    ),
    { kind: 'table', cols: [28, 72], rows },
    para([`安置依据：${SEED_004_RETURN_PLAN_RULES[RESUME_PLACEMENTS[d.placement].rule]}`], { indent: true, small: true }),
    para(
      [
        '请你于',
        fill(formatChineseDate(d.reportDate)),
        '送孩子到',
        fill(d.school),
        '报到，配合学校做好学习辅导和关心关爱工作，保证其接受并完成义务教育。',
      ],
      { indent: true },
    ),
    para(['特此通知。'], { indent: true }),
    ...(d.contact ? [para([`联系人及电话：${d.contact}`], { indent: true })] : []),
    para([`${d.issuer}（盖章）`], { align: 'right' }),
    para([formatChineseDate(d.issueDate)], { align: 'right' }),
  ];
  return { title: `${RESUME_NOTICE_TITLE}（${d.childName}）`, layout: 'notice', pages: [blocks] };
}

export const renderResumeNoticeDocx = (d: ResumeNoticeData): Promise<Buffer> => renderDocx(resumeNoticeSpec(d));
export const renderResumeNoticeHtml = (d: ResumeNoticeData): string => renderHtml(resumeNoticeSpec(d));
