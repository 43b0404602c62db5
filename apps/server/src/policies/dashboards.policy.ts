import { hasRole, type Actor } from './actor';

/**
 * 数据看板 (issue 7, item 5): the county's leaders and staff see any level; a 中心校 or a township its township and
 * its schools; a school its own school. Class teachers, village officials and liaisons have no dashboard.
 */
export const canSeeDashboard = (a: Actor) => hasRole(a, 'county_admin', 'county_leader', 'unit_admin', 'school_admin', 'township_official');

export const canSeeCountyDashboard = (a: Actor) => canSeeDashboard(a) && a.scope.county;

export const canSeeTownshipDashboard = (a: Actor, townshipCode: string) =>
  canSeeDashboard(a) && (a.scope.county || a.scope.townshipCodes.includes(townshipCode));

export const canSeeSchoolDashboard = (a: Actor, schoolId: string) =>
  canSeeDashboard(a) && (a.scope.county || a.scope.schoolIds.includes(schoolId));

/** Recompute now (the page's 立即更新): the county admin. */
export const canRefreshDashboards = (a: Actor) => hasRole(a, 'county_admin');
