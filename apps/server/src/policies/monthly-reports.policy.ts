import { hasRole, type Actor } from './actor';

/**
 * 月报 (issue 7 item 2): schools fill in and submit their own month; the 中心校 (unit_admin of the school's unit) reviews
 * its schools; a 局属 school (its unit is the bureau) is reviewed by the county; county roles see everything. Head
 * teachers, village and township officials and liaisons have no 月报.
 */
export const canOpenMonthlyReports = (a: Actor) => hasRole(a, 'school_admin', 'unit_admin', 'county_admin', 'county_leader');

/** The schools whose reports the actor sees: null = the whole county. */
export function monthlyReportSchools(a: Actor): string[] | null {
  if (!canOpenMonthlyReports(a)) return [];
  if (a.scope.county && hasRole(a, 'county_admin', 'county_leader')) return null;
  return a.scope.schoolIds;
}

export function monthlyReportVisible(a: Actor, schoolId: string): boolean {
  const ids = monthlyReportSchools(a);
  return ids === null || ids.includes(schoolId);
}

/** The school fills in explanations, submits, and asks for a correction. */
export const canFillMonthlyReport = (a: Actor, schoolId: string) =>
  a.grants.some((g) => g.role === 'school_admin' && g.scopeKind === 'school' && g.scopeId === schoolId);

/** The reviewer: the 中心校 of the school (unit_admin of its unit), or the county (county_admin) — always for 局属 schools. */
export const canReviewMonthlyReport = (a: Actor, school: { unitId: string; unitKind: string }) =>
  hasRole(a, 'county_admin') ||
  (school.unitKind !== 'bureau' && a.grants.some((g) => g.role === 'unit_admin' && g.scopeKind === 'unit' && g.scopeId === school.unitId));

/** A correction (new version) is started by the school or the county. */
export const canCorrectMonthlyReport = (a: Actor, schoolId: string) => canFillMonthlyReport(a, schoolId) || hasRole(a, 'county_admin');
