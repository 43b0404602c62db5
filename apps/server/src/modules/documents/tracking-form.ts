import type { TrackingFormData, TrackingWork } from './document-data';
import { formatChineseDate, formatChineseMonth } from './format';
import { label, para, value, type DocSpec, type Row } from './layout';
import { SEED_000_TRACKING_FORM_NOTE } from './legal-texts';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';

export const TRACKING_FORM_TITLE = '义务教育学校“控辍保学”跟踪记录表';
export const trackingFormTitle = (countyName: string) => `${countyName}${TRACKING_FORM_TITLE}`;

/** The labels of seed 000 附件2 (and 学校, which the seed writes above the table), each in a cell of its own. */
export const TRACKING_FORM_LABELS = {
  studentName: '学生姓名',
  gender: '性别',
  ethnicity: '民族',
  birthDate: '出生年月',
  school: '学校',
  grade: '年级',
  className: '班级',
  idNumber: '身份证号',
  studentNo: '学籍号',
  guardianName: '监护人',
  relation: '关系',
  occupation: '职业',
  employer: '单位',
  address: '家庭地址',
  phone: '联系电话',
  dropoutCause: '辍学原因',
} as const;

/** The three work sections: heading, who signs. */
export const TRACKING_WORK_SECTIONS = [
  { key: 'teacherWork', heading: '班主任做工作情况', signerLabel: '班主任签名' },
  { key: 'schoolWork', heading: '学校做工作情况', signerLabel: '校长签名' },
  { key: 'townshipWork', heading: '当地镇（办）人民政府（或中心校）做工作情况及意见', signerLabel: '镇负责人签名' },
] as const;

export const GUARDIAN_SIGNATURE_LABEL = '家长或监护人签字';
export const DATE_LABEL = '日期';

function workRows(heading: string, signerLabel: string, w: TrackingWork): Row[] {
  return [
    { cells: [label(heading), value(w.text, 7)], minHeight: 26 },
    { cells: [label(GUARDIAN_SIGNATURE_LABEL), value('', 3), label(signerLabel), value(w.signer ?? '', 3)] },
    { cells: [label(DATE_LABEL), value(formatChineseDate(w.date), 7, 'right')] },
  ];
}

export function trackingFormSpec(d: TrackingFormData): DocSpec {
  const L = TRACKING_FORM_LABELS;
  const rows: Row[] = [
    {
      cells: [
        label(L.studentName),
        value(d.studentName),
        label(L.gender),
        value(d.gender),
        label(L.ethnicity),
        value(d.ethnicity ?? ''),
        label(L.birthDate),
        value(formatChineseMonth(d.birthDate)),
      ],
    },
    { cells: [label(L.school), value(d.school, 3), label(L.grade), value(d.grade), label(L.className), value(d.className)] },
    { cells: [label(L.idNumber), value(d.idNumber, 3), label(L.studentNo), value(d.studentNo, 3)] },
    {
      cells: [
        label(L.guardianName),
        value(d.guardianName),
        label(L.relation),
        value(d.relation),
        label(L.occupation),
        value(d.occupation),
        label(L.employer),
        value(d.employer ?? ''),
      ],
    },
    { cells: [label(L.address), value(d.address, 5), label(L.phone), value(d.phone)] },
    { cells: [label(L.dropoutCause), value(d.dropoutCause, 7)], minHeight: 14 },
    ...TRACKING_WORK_SECTIONS.flatMap((s) => workRows(s.heading, s.signerLabel, d[s.key])),
  ];
  return {
    title: `${trackingFormTitle(d.countyName)}（${d.studentName}）`,
    layout: 'form',
    pages: [
      [
        { kind: 'title', text: trackingFormTitle(d.countyName) },
        para([`学校（盖章）：${d.school}`], { align: 'left', small: true }),
        { kind: 'table', cols: [15, 14, 10, 11, 10, 12, 12, 16], rows },
        para([SEED_000_TRACKING_FORM_NOTE], { small: true }),
      ],
    ],
  };
}

export const renderTrackingFormDocx = (d: TrackingFormData): Promise<Buffer> => renderDocx(trackingFormSpec(d));
export const renderTrackingFormHtml = (d: TrackingFormData): string => renderHtml(trackingFormSpec(d));
