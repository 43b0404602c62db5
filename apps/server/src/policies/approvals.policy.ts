import { CASE_ACTION_RULES, refuseDeferralDecision, refuseWithdrawal, type ApprovalState } from '@notoneless/shared';
import { hasRole, type Actor } from './actor';

/**
 * 延缓入学/休学 approvals (issue 5 item 5; seed 002). Who may apply is the transition table's deferral_request row; who
 * decides is by approval right (deferral_verify: 县教育局核实; deferral_agree: 县乡村振兴领导小组同意), never the requester.
 */
export const canRequestDeferral = (a: Actor) => hasRole(a, ...CASE_ACTION_RULES.deferral_request.roles);

export const canDecideDeferrals = (a: Actor) => a.approvalRights.includes('deferral_verify') || a.approvalRights.includes('deferral_agree');

/** The approvals page: whoever may apply or decide. */
export const canSeeApprovals = (a: Actor) => canRequestDeferral(a) || canDecideDeferrals(a);

export function approvalAbilities(a: Actor, state: ApprovalState) {
  return {
    decide: refuseDeferralDecision(state, { userId: a.userId, rights: a.approvalRights }) === null,
    withdraw: refuseWithdrawal(state, a.userId) === null,
  };
}
