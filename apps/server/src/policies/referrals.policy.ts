import { hasRole, type Actor } from './actor';
import { canListChildren } from './children.policy';

/**
 * Referrals to departments (issue 5 item 3). A department liaison sees and answers those of their own department
 * (scope kind 'department'); the county sees all; case workers see the referrals of cases in their scope.
 */
export const isLiaisonOf = (a: Actor, department: string) => hasRole(a, 'dept_liaison') && a.scope.departments.includes(department);

export const canListReferrals = (a: Actor) => hasRole(a, 'dept_liaison') || canListChildren(a);

/** The 转介 menu: department liaisons and the county (case workers see referrals on the case page). */
export const canSeeReferralMenu = (a: Actor) => hasRole(a, 'dept_liaison') || (a.scope.county && canListChildren(a));

/** Only the liaison of the referral's department answers it. */
export const canRespondReferral = (a: Actor, department: string) => isLiaisonOf(a, department);

export const referralAbilities = (a: Actor, r: { department: string; status: string }) => ({
  respond: canRespondReferral(a, r.department) && (r.status === 'sent' || r.status === 'accepted'),
});
