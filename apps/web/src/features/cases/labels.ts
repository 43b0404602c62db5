import { CASE_STATUS_LABELS, CASE_STATUSES, type CaseAction, type CaseDetail, type CaseStatus } from '@notoneless/shared';
import type { CaseDocumentKind, CaseStatusFilter } from './api';

export const STATUS_COLORS: Record<CaseStatus, string> = {
  suspected: 'volcano',
  verifying: 'orange',
  unreachable: 'magenta',
  confirmed: 'red',
  persuading: 'red',
  returned: 'green',
  closure_pending: 'cyan',
  home_teaching: 'blue',
  deferred: 'gold',
  closed: 'default',
  not_dropout: 'default',
};

export const STATUS_FILTER_OPTIONS: { value: CaseStatusFilter; label: string }[] = [
  { value: 'open', label: '未结案（全部）' },
  ...CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] })),
  { value: 'closed_all', label: '已结案（销号或非辍学）' },
  { value: 'all', label: '全部个案' },
];

export const isStatusFilter = (value: string | undefined): value is CaseStatusFilter =>
  STATUS_FILTER_OPTIONS.some((o) => o.value === value);

export const VERIFY_RESULT_LABELS: Record<string, string> = {
  in_progress: '仍在核实',
  dropout: '认定辍学/失学',
  not_dropout: '核实非辍学',
  unreachable: '无法联系（书面报告教育局）',
};

/** The documents of a case, in the order of the work, and when each makes sense. */
export const CASE_DOCUMENTS: { kind: CaseDocumentKind; title: string; when: (c: CaseDetail) => boolean }[] = [
  {
    kind: 'return-notice',
    title: '劝返通知书',
    when: (c) => c.status === 'confirmed' || c.status === 'persuading' || hasEvent(c, 'notice_issued'),
  },
  { kind: 'tracking-form', title: '控辍保学跟踪记录表', when: () => true },
  { kind: 'correction-order', title: '责令限期改正通知书', when: (c) => hasEvent(c, 'correction_order') },
  {
    kind: 'deferral-form',
    title: '延缓入学/休学申请审批表',
    when: (c) => c.status === 'deferred' || c.approvals.some((a) => a.type === 'deferral' || a.type === 'suspension'),
  },
  { kind: 'resume-notice', title: '复学通知', when: (c) => c.returnedOn !== null || hasEvent(c, 'return') },
  { kind: 'case-summary', title: '一生一表', when: () => true },
];

function hasEvent(c: CaseDetail, type: CaseAction): boolean {
  return c.events.some((e) => e.type === type);
}

/** Field names of the events' data, in the words of the tracking form. */
export const EVENT_DATA_LABELS: Record<string, string> = {
  reason: '核实原因',
  evidence: '依据',
  dropoutKind: '类别',
  cause: '辍学原因',
  report: '书面报告',
  visitorKind: '走访人',
  visitors: '走访人员',
  metWith: '见到',
  channel: '方式',
  contactWith: '联系对象',
  guardianName: '监护人',
  deliveredTo: '签收人',
  returnDeadline: '返校期限',
  dueOn: '改正期限',
  participants: '参加人员',
  department: '转介部门',
  subject: '转介事项',
  planKind: '复学方案',
  planReason: '调整理由',
  grade: '复学年级',
};
