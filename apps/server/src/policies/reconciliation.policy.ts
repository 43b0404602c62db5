import { hasRole, type Actor } from './actor';

/** The county runs 四查三比对 for the county; a 中心校 or township official for its own township (issue 4, item 4). */
export function canRunReconciliation(a: Actor, scope: { kind: 'county' | 'township'; id: string }): boolean {
  if (hasRole(a, 'county_admin')) return true;
  return scope.kind === 'township' && a.scope.townshipCodes.includes(scope.id) && hasRole(a, 'unit_admin', 'township_official');
}

export const canSeeRuns = (a: Actor) => hasRole(a, 'county_admin', 'county_leader', 'unit_admin', 'township_official');

/** Findings are reviewed by whoever holds their jurisdiction (scope applies), except read-only roles. */
export const canReviewFindings = (a: Actor) =>
  hasRole(a, 'county_admin', 'unit_admin', 'school_admin', 'township_official', 'village_official');
export const canReadFindings = (a: Actor) => canReviewFindings(a) || hasRole(a, 'county_leader');

/** A person's merge/split of identities (issue 4, item 5): whoever reviews the finding (scope applies). */
export const canDecideIdentity = (a: Actor) => canReviewFindings(a);
