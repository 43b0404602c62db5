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

/**
 * The 中心校's own report of its township to the county (seed 002: 各乡镇中心校…每月上报): seen by the 中心校 and the
 * county roles; never the bureau's (局属 schools report to the county themselves).
 */
export const unitReportVisible = (a: Actor, unitId: string) =>
  monthlyReportSchools(a) === null || a.grants.some((g) => g.role === 'unit_admin' && g.scopeKind === 'unit' && g.scopeId === unitId);

/** Submitted by the 中心校 (unit_admin of the unit); county_admin may act for it. */
export const canSubmitUnitReport = (a: Actor, unit: { id: string; kind: string }) =>
  unit.kind !== 'bureau' &&
  (hasRole(a, 'county_admin') || a.grants.some((g) => g.role === 'unit_admin' && g.scopeKind === 'unit' && g.scopeId === unit.id));

/** Accepted or returned by the county (county_admin). */
export const canReviewUnitReport = (a: Actor) => hasRole(a, 'county_admin') && a.scope.county;
