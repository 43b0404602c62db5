import { forbidden } from '../http/app-error';
import { hasRole, type Actor } from './actor';

/** Divisions, units: the county admin keeps the county's own lists; every signed-in user of the county reads them. */
export const canManageDivisions = (a: Actor) => hasRole(a, 'county_admin');
export const canManageUnits = (a: Actor) => hasRole(a, 'county_admin');

/** Schools: created and re-assigned by the county admin. */
export const canManageSchools = (a: Actor) => hasRole(a, 'county_admin');

/**
 * Units, schools and classes are read by the county's staff; a department liaison who holds nothing else only sees
 * what is referred to them. What each reader sees is limited further by schoolScopeSql/classScopeSql.
 */
export const canReadOrg = (a: Actor) => a.grants.some((g) => g.role !== 'dept_liaison');

/** Classes: the county admin, the 中心校 for its schools, the school for itself. */
export function canManageClassesOf(a: Actor, schoolId: string): boolean {
  if (hasRole(a, 'county_admin')) return true;
  if (!hasRole(a, 'unit_admin', 'school_admin')) return false;
  return a.scope.schoolIds.includes(schoolId) && !onlyReadOnlyOn(a, schoolId);
}
export const canManageSomeClasses = (a: Actor) => hasRole(a, 'county_admin', 'unit_admin', 'school_admin');

/** Township officials see their township's schools but do not administer them. */
function onlyReadOnlyOn(a: Actor, schoolId: string): boolean {
  return !a.grants.some((g) => (g.role === 'school_admin' && g.scopeId === schoolId) || g.role === 'unit_admin');
}

/** What the web may offer on one school (style.md 5). */
export function schoolAbilities(a: Actor, schoolId: string) {
  return { update: canManageSchools(a), manageClasses: canManageClassesOf(a, schoolId) };
}

/** What the web may offer on one class. */
export function classAbilities(a: Actor, schoolId: string) {
  return { update: canManageClassesOf(a, schoolId) };
}

export function authorize(allowed: boolean, message?: string): void {
  if (!allowed) throw forbidden(message);
}
