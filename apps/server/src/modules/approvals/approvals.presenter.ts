import {
  APPROVAL_RIGHT_LABELS,
  CASE_STATUS_LABELS,
  DEFERRAL_TYPE_LABELS,
  maskIdNumber,
  nextDeferralStep,
  type ApprovalDto,
  type ApprovalListItem,
  type ApprovalRight,
  type CaseStatus,
} from '@notoneless/shared';
import type { Actor } from '../../policies/actor';
import { approvalAbilities } from '../../policies/approvals.policy';
import type { ApprovalListRow, ApprovalRow, ApprovalStepRow } from './approvals.repository';

const TYPE_LABELS: Record<string, string> = { ...DEFERRAL_TYPE_LABELS, closure: '销号确认' };

const stateOf = (a: ApprovalRow, steps: ApprovalStepRow[]) => ({
  status: a.status as ApprovalDto['status'],
  requesterId: a.requesterId,
  steps: steps.map((s) => ({ stepNo: s.stepNo, deciderId: s.deciderId })),
});

/** An approval as approvalSchema sends it, with what this actor may do (decide, withdraw). */
export function presentApproval(actor: Actor, a: ApprovalRow, steps: ApprovalStepRow[]): ApprovalDto {
  const state = stateOf(a, steps);
  const deferral = a.type === 'deferral' || a.type === 'suspension';
  return {
    id: a.id,
    type: a.type as ApprovalDto['type'],
    typeLabel: TYPE_LABELS[a.type] ?? a.type,
    status: state.status,
    requesterName: a.requesterName,
    createdAt: a.createdAt.toISOString(),
    data: a.data as Record<string, unknown>,
    steps: steps.map((s) => ({
      stepNo: s.stepNo,
      right: s.right,
      rightLabel: APPROVAL_RIGHT_LABELS[s.right as ApprovalRight] ?? s.right,
      deciderName: s.deciderName,
      decision: s.decision,
      comment: s.comment,
      at: s.at.toISOString(),
    })),
    nextRight: deferral ? (nextDeferralStep(state)?.right ?? null) : null,
    abilities: deferral ? approvalAbilities(actor, state) : { decide: false, withdraw: false },
  };
}

export function presentApprovalListItem(actor: Actor, r: ApprovalListRow, steps: ApprovalStepRow[]): ApprovalListItem {
  return {
    ...presentApproval(actor, r.approval, steps),
    caseId: r.approval.caseId,
    childId: r.childId,
    childName: r.childName,
    idNumberMasked: maskIdNumber(r.idNumber ?? ''),
    schoolName: r.schoolName,
    townshipName: r.townshipName,
    caseStatus: r.caseStatus as CaseStatus,
    caseStatusLabel: CASE_STATUS_LABELS[r.caseStatus as CaseStatus] ?? r.caseStatus,
    version: r.approval.version,
  };
}
