import { APPROVAL_RIGHT_LABELS, type ApprovalRight } from '../../roles';
import type { CountySettings } from '../../settings';
import type { IsoDate } from '../dates';

/**
 * 延缓入学 / 休学 (issue 5, item 5; seed 002):
 * 「对于少数经相关部门联合劝返三次以上或经司法部门判决裁定、监护人已履行相应法定义务、但学生本人拒不返校的辍学学生，
 *   由其所在学校指导督促其父母或者其他法定监护人提出申请，经县级教育行政部门核实、县级扶贫（乡村振兴）工作领导小组
 *   同意后，办理延缓入学或休学手续，建立档案并继续做好劝返复学工作。」
 * 「属于身体原因不具备学习条件的，可以办理延缓入学或休学。」
 */

export const DEFERRAL_TYPES = ['deferral', 'suspension'] as const;
export type DeferralType = (typeof DEFERRAL_TYPES)[number];
export const DEFERRAL_TYPE_LABELS: Record<DeferralType, string> = { deferral: '延缓入学', suspension: '休学' };

/** What the guardians' application says and carries (the server resolves the attachment ids before calling). */
export type DeferralApplication = {
  type: DeferralType;
  /** health-based (身体原因不具备学习条件): a medical certificate replaces the persuasion conditions */
  health: boolean;
  fromDate: IsoDate;
  toDate: IsoDate;
  guardianDutyDone: boolean;
  childStillRefuses: boolean;
  hasCourtRuling: boolean;
  hasGuardianApplication: boolean;
  hasMedicalCertificate: boolean;
};

/** What the case file shows: joint persuasions recorded (case_events of type 'joint_persuasion'). */
export type DeferralFacts = { jointPersuasions: number };

/**
 * Every condition the application lacks, in Chinese, one message each (empty: the application may be filed).
 * seed 002: ≥ N joint persuasions (N = settings.deferralJointPersuasions, default 3) OR a court ruling; AND the guardians
 * did their legal duty; AND the child still refuses; AND the guardians applied. Health-based: a medical certificate and
 * the application.
 */
export function refuseDeferral(
  app: DeferralApplication,
  facts: DeferralFacts,
  settings: Pick<CountySettings, 'deferralJointPersuasions'>,
): string[] {
  const missing: string[] = [];
  const label = DEFERRAL_TYPE_LABELS[app.type];
  if (app.toDate < app.fromDate) missing.push(`${label}起止日期有误：结束日期不能早于开始日期`);
  if (app.health) {
    if (!app.hasMedicalCertificate) missing.push('因身体原因申请的，须上传医疗机构出具的诊断证明（医疗证明）');
  } else {
    const need = settings.deferralJointPersuasions;
    if (facts.jointPersuasions < need && !app.hasCourtRuling) {
      missing.push(
        `相关部门联合劝返记录不足：本个案已记录 ${facts.jointPersuasions} 次，须满 ${need} 次；或上传司法部门判决裁定书（seed 002）`,
      );
    }
    if (!app.guardianDutyDone) missing.push('未确认监护人已履行送子女接受义务教育的法定义务');
    if (!app.childStillRefuses) missing.push('未确认学生本人仍拒不返校（学生愿意返校的应办理复学）');
  }
  if (!app.hasGuardianApplication) missing.push(`未上传父母或其他法定监护人的${label}书面申请`);
  return missing;
}

/** The two approval steps (seed 002): 县级教育行政部门核实, then 县级乡村振兴工作领导小组同意. */
export const DEFERRAL_APPROVAL_STEPS: readonly { stepNo: number; right: ApprovalRight; label: string }[] = [
  { stepNo: 1, right: 'deferral_verify', label: '县教育局核实' },
  { stepNo: 2, right: 'deferral_agree', label: '县乡村振兴领导小组同意' },
];

export type ApprovalState = {
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  requesterId: string;
  steps: readonly { stepNo: number; deciderId: string }[];
};

export const APPROVAL_STATUS_LABELS: Record<ApprovalState['status'], string> = {
  pending: '审批中',
  approved: '已批准',
  rejected: '未批准',
  withdrawn: '已撤回',
};

/** The step waiting for a decision, or null when the approval is no longer pending. */
export function nextDeferralStep(a: Pick<ApprovalState, 'status' | 'steps'>) {
  if (a.status !== 'pending') return null;
  return DEFERRAL_APPROVAL_STEPS[a.steps.length] ?? null;
}

/**
 * Why this person may not decide the waiting step (null: they may). `kind` tells the server the answer:
 * state → 409 (already decided), right → 403 (lacks the approval right), person → 422 (the requester, or the person who
 * decided the previous step: two steps by two other people, style.md 7 "the decider is not the requester").
 */
export function refuseDeferralDecision(
  a: ApprovalState,
  actor: { userId: string; rights: readonly ApprovalRight[] },
): { kind: 'state' | 'right' | 'person'; message: string } | null {
  const step = nextDeferralStep(a);
  if (!step) return { kind: 'state', message: `该申请${APPROVAL_STATUS_LABELS[a.status]}，不能再审批` };
  if (!actor.rights.includes(step.right))
    return { kind: 'right', message: `「${step.label}」需要审批权限「${APPROVAL_RIGHT_LABELS[step.right]}」` };
  if (a.requesterId === actor.userId) return { kind: 'person', message: '申请人不能审批自己提交的申请，请由其他有审批权限的人员办理' };
  if (a.steps.some((s) => s.deciderId === actor.userId))
    return { kind: 'person', message: '核实与同意须由不同人员办理：您已审批过上一步，请由其他有审批权限的人员办理' };
  return null;
}

/** The approval's status after a decision on its waiting step. */
export function approvalStatusAfter(a: Pick<ApprovalState, 'steps'>, decision: 'approve' | 'reject'): ApprovalState['status'] {
  if (decision === 'reject') return 'rejected';
  return a.steps.length + 1 >= DEFERRAL_APPROVAL_STEPS.length ? 'approved' : 'pending';
}

/** Only the requester withdraws, and only while the application is pending (even after the first step). */
export function refuseWithdrawal(a: ApprovalState, userId: string): string | null {
  if (a.status !== 'pending') return `该申请${APPROVAL_STATUS_LABELS[a.status]}，不能撤回`;
  if (a.requesterId !== userId) return '只有申请人本人可以撤回申请';
  return null;
}
