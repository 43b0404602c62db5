import { DEFERRAL_TYPE_LABELS, type DeferralType } from '@notoneless/shared';

/** The application's fields as the approval's `data` keeps them (deferralBodySchema), with the words of seed 002. */
export const APPLICATION_FIELDS: { key: string; label: string; render?: (v: unknown) => string }[] = [
  {
    key: 'type',
    label: '申请类型',
    render: (v) => (typeof v === 'string' && v in DEFERRAL_TYPE_LABELS ? DEFERRAL_TYPE_LABELS[v as DeferralType] : String(v)),
  },
  { key: 'health', label: '因身体原因', render: (v) => (v === true ? '是（凭医疗证明）' : '否') },
  { key: 'fromDate', label: '起始日期' },
  { key: 'toDate', label: '截止日期' },
  { key: 'reason', label: '申请理由' },
  { key: 'text', label: '说明' },
];

/** The conditions of seed 002 and whether the application meets them. */
export const CONDITION_FIELDS: { key: string; label: string }[] = [
  { key: 'guardianDutyDone', label: '监护人已履行法定义务' },
  { key: 'childStillRefuses', label: '学生本人仍拒绝返校' },
];

/** Documents attached to the application: the id key and what it is. */
export const DOCUMENT_FIELDS: { key: string; label: string }[] = [
  { key: 'guardianApplicationAttachmentId', label: '监护人申请书' },
  { key: 'courtRulingAttachmentId', label: '法院判决书' },
  { key: 'medicalCertificateAttachmentId', label: '医疗证明' },
];

export const DECISION_LABELS: Record<string, string> = { approve: '同意', approved: '同意', reject: '不同意', rejected: '不同意' };
