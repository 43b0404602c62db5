import { DEFERRAL_TYPE_LABELS } from '@notoneless/shared';
import type { DeferralFormData, Opinion } from './document-data';
import { formatChineseDate } from './format';
import { label, para, value, type DocSpec, type Row } from './layout';
import { LAW, quoteArticle, SEED_002_DEFERRAL_CONDITIONS, SEED_002_HEALTH } from './legal-texts';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';

export const DEFERRAL_FORM_TITLE = '义务教育阶段学生延缓入学/休学申请审批表';
export const deferralFormTitle = (countyName: string) => `${countyName}${DEFERRAL_FORM_TITLE}`;

const box = (checked: boolean) => (checked ? '☑' : '☐');

const CHINESE_NUMBERS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const chineseCount = (n: number) => CHINESE_NUMBERS[n] ?? String(n);

/**
 * The seed-002 conditions as boxes, ticked from the facts the caller gives (whether they suffice is decided by
 * refuseDeferral() in packages/shared/src/rules/cases/deferral.ts, not here).
 */
export function deferralConditionLines(d: DeferralFormData): string[] {
  const refusal = !d.health;
  const required = chineseCount(d.requiredJointPersuasions);
  return [
    `${box(refusal && d.jointPersuasions >= d.requiredJointPersuasions)} 经相关部门联合劝返${required}次以上（已联合劝返 ${d.jointPersuasions} 次）`,
    `${box(refusal && Boolean(d.courtRuling))} 经司法部门判决裁定${d.courtRuling ? `（${d.courtRuling}）` : ''}`,
    `${box(refusal && d.guardianDutyDone)} 监护人已履行相应法定义务`,
    `${box(refusal && d.childStillRefuses)} 学生本人拒不返校`,
    `${box(d.health)} 身体原因不具备学习条件${d.medicalCertificate ? `（医疗证明：${d.medicalCertificate}）` : '（附医疗证明）'}`,
  ];
}

export const DEFERRAL_OPINIONS = [
  { key: 'schoolOpinion', heading: '学校意见', signerLabel: '负责人签名（盖章）' },
  { key: 'bureauOpinion', heading: '县级教育行政部门核实意见', signerLabel: '负责人签名（盖章）' },
  { key: 'leadingGroupOpinion', heading: '县级扶贫（乡村振兴）工作领导小组意见', signerLabel: '负责人签名（盖章）' },
] as const;

function opinionRows(heading: string, signerLabel: string, o: Opinion): Row[] {
  return [
    { cells: [label(heading), value(o.text ?? '', 7)], minHeight: 12 },
    { cells: [label(signerLabel), value(o.signer ?? '', 3), label('日期'), value(formatChineseDate(o.date), 3)] },
  ];
}

export function deferralFormSpec(d: DeferralFormData): DocSpec {
  const c = d.child;
  const rows: Row[] = [
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
    { cells: [label('就读学校'), value(c.school, 3), label('年级班级'), value(`${c.grade}${c.className ?? ''}`, 3)] },
    {
      cells: [
        label('监护人'),
        value(d.guardian.name),
        label('关系'),
        value(d.guardian.relation),
        label('联系电话'),
        value(d.guardian.phone, 3),
      ],
    },
    { cells: [label('家庭住址'), value(d.guardian.address, 7)] },
    {
      cells: [
        label('申请类别'),
        value(
          `${box(d.type === 'deferral')} ${DEFERRAL_TYPE_LABELS.deferral}　${box(d.type === 'suspension')} ${DEFERRAL_TYPE_LABELS.suspension}`,
          3,
        ),
        label('申请期限'),
        value(`${formatChineseDate(d.fromDate)}至${formatChineseDate(d.toDate)}`, 3),
      ],
    },
    { cells: [label('申请情形'), value(deferralConditionLines(d).join('\n'), 7)] },
    { cells: [label('监护人申请'), value(d.application.text, 7)], minHeight: 12 },
    { cells: [label('监护人签名'), value('', 3), label('日期'), value(formatChineseDate(d.application.date), 3)] },
    ...DEFERRAL_OPINIONS.flatMap((s) => opinionRows(s.heading, s.signerLabel, d[s.key])),
  ];
  return {
    title: `${deferralFormTitle(d.countyName)}（${c.name}）`,
    layout: 'form',
    pages: [
      [
        { kind: 'title', text: deferralFormTitle(d.countyName) },
        { kind: 'table', cols: [16, 13, 10, 12, 12, 12, 11, 14], rows },
        para([`说明：1. ${SEED_002_DEFERRAL_CONDITIONS}`], { small: true }),
        para([`2. ${SEED_002_HEALTH}${quoteArticle(LAW.cel11)}`], { small: true }),
      ],
    ],
  };
}

export const renderDeferralFormDocx = (d: DeferralFormData): Promise<Buffer> => renderDocx(deferralFormSpec(d));
export const renderDeferralFormHtml = (d: DeferralFormData): string => renderHtml(deferralFormSpec(d));
