import type { CaseSummaryData } from './document-data';
import { formatChineseDate } from './format';
import { label, para, value, type DocSpec, type Row } from './layout';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';

export const CASE_SUMMARY_TITLE = '控辍保学“一生一表”';

export const TIMELINE_HEADERS = ['日期', '经办人', '工作内容', '结果'] as const;
export const TEAM_HEADERS = ['姓名', '职责', '单位', '联系电话'] as const;

const COLS8 = [13, 12, 11, 12, 13, 13, 12, 14];

export function caseSummarySpec(d: CaseSummaryData): DocSpec {
  const c = d.child;
  const g = d.guardian;
  const identity: Row[] = [
    {
      cells: [
        label('学生姓名'),
        value(c.name),
        label('性别'),
        value(c.gender),
        label('出生日期'),
        value(formatChineseDate(c.birthDate), 3),
      ],
    },
    { cells: [label('身份证号'), value(c.idNumber, 3), label('学籍号'), value(c.studentNo ?? '', 3)] },
    { cells: [label('学校'), value(c.school, 3), label('年级班级'), value(`${c.grade}${c.className ?? ''}`, 3)] },
    { cells: [label('户籍地址'), value(c.householdAddress ?? '', 7)] },
    { cells: [label('重点群体'), value(c.keyGroups.length ? c.keyGroups.join('、') : '无', 7)] },
    { cells: [label('监护人'), value(g.name), label('关系'), value(g.relation), label('联系电话'), value(g.phone, 3)] },
    { cells: [label('家庭住址'), value(g.address, 7)] },
  ];
  const caseRows: Row[] = [
    { cells: [label('个案状态'), value(d.status, 3), label('所在台账'), value(d.ledger ?? '', 3)] },
    { cells: [label('线索来源'), value(d.source ?? '', 7)] },
    { cells: [label('辍学原因'), value(d.cause, 7)] },
    {
      cells: [
        label('建档日期'),
        value(formatChineseDate(d.openedOn), 3),
        label('销号日期'),
        value(d.closedOn ? formatChineseDate(d.closedOn) : '', 3),
      ],
    },
    ...(d.closeReason ? [{ cells: [label('销号原因'), value(d.closeReason, 7)] }] : []),
  ];
  const timeline: Row[] = [
    { cells: TIMELINE_HEADERS.map((h) => label(h)) },
    ...(d.timeline.length
      ? d.timeline.map((e) => ({
          cells: [value(formatChineseDate(e.date), 1, 'center'), value(e.actor), value(e.action), value(e.result)],
        }))
      : [{ cells: [value('暂无工作记录', 4, 'center')] }]),
  ];
  const team: Row[] = [
    { cells: TEAM_HEADERS.map((h) => label(h)) },
    ...(d.team.length
      ? d.team.map((m) => ({
          cells: [value(m.name, 1, 'center'), value(m.role, 1, 'center'), value(m.unit ?? ''), value(m.phone ?? '', 1, 'center')],
        }))
      : [{ cells: [value('尚未组建工作专班', 4, 'center')] }]),
  ];
  return {
    title: `${CASE_SUMMARY_TITLE}（${c.name}）`,
    layout: 'form',
    pages: [
      [
        { kind: 'title', text: CASE_SUMMARY_TITLE },
        { kind: 'line', text: `个案编号：${d.caseNo}`, align: 'right', small: true },
        { kind: 'heading', text: '一、学生基本情况' },
        { kind: 'table', cols: COLS8, rows: identity },
        { kind: 'heading', text: '二、个案情况' },
        { kind: 'table', cols: COLS8, rows: caseRows },
        { kind: 'heading', text: '三、工作记录' },
        { kind: 'table', cols: [19, 17, 38, 26], rows: timeline },
        { kind: 'heading', text: '四、工作专班' },
        { kind: 'table', cols: [18, 22, 38, 22], rows: team },
        para([`${d.generatedBy ? `制表人：${d.generatedBy}　` : ''}制表日期：${formatChineseDate(d.generatedOn)}`], {
          align: 'right',
          small: true,
        }),
      ],
    ],
  };
}

export const renderCaseSummaryDocx = (d: CaseSummaryData): Promise<Buffer> => renderDocx(caseSummarySpec(d));
export const renderCaseSummaryHtml = (d: CaseSummaryData): string => renderHtml(caseSummarySpec(d));
