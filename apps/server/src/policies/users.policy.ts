import type { Role } from '@notoneless/shared';
import { hasRole, type Actor, type Grant } from './actor';

/** County admins manage every account of the county; a school admin manages the 班主任 accounts of their school. */
export const canManageUsers = (a: Actor) => hasRole(a, 'county_admin', 'school_admin');

const SCHOOL_ADMIN_MAY_GRANT: Role[] = ['head_teacher'];

/** May the actor give (or take away) this grant? classSchool maps a class id to its school id. */
export function canGrant(a: Actor, g: Grant, classSchool: (classId: string) => string | null): boolean {
  if (hasRole(a, 'county_admin')) return true;
  if (!SCHOOL_ADMIN_MAY_GRANT.includes(g.role) || g.scopeKind !== 'class') return false;
  const school = classSchool(g.scopeId);
  return school !== null && a.grants.some((x) => x.role === 'school_admin' && x.scopeId === school);
}

/** A target user is visible/manageable when every one of their grants is one the actor may give. */
export function canManageUser(a: Actor, target: Grant[], classSchool: (classId: string) => string | null): boolean {
  if (hasRole(a, 'county_admin')) return true;
  if (!hasRole(a, 'school_admin')) return false;
  return target.length > 0 && target.every((g) => canGrant(a, g, classSchool));
}

/** Approval rights are county business. */
export const canGrantApprovalRights = (a: Actor) => hasRole(a, 'county_admin');

/** The schools an actor is 学校管理员 of (whose classes' 班主任 accounts they keep). */
const adminSchoolIds = (a: Actor) => a.grants.filter((g) => g.role === 'school_admin').map((g) => g.scopeId);

/**
 * canGrant() as data a repository can turn into SQL (user lists, scope pickers): any grant of the county, or only
 * these roles on classes of these schools. Must agree with canGrant(); users.int.test.ts checks the list against it.
 */
export type GrantableFilter = { any: true } | { any: false; roles: Role[]; scopeKind: 'class'; classSchoolIds: string[] };
export function grantableFilter(a: Actor): GrantableFilter {
  if (hasRole(a, 'county_admin')) return { any: true };
  if (!hasRole(a, 'school_admin')) return { any: false, roles: [], scopeKind: 'class', classSchoolIds: [] };
  return { any: false, roles: SCHOOL_ADMIN_MAY_GRANT, scopeKind: 'class', classSchoolIds: adminSchoolIds(a) };
}

/** Guard rails on one's own account: nobody deactivates themselves or drops their own county admin grant. */
export function selfChangeProblem(a: Actor, targetId: string, change: { active?: boolean; roles?: Grant[] }): string | null {
  if (targetId !== a.userId) return null;
  if (change.active === false) return '不能停用自己的账号';
  const isCountyAdmin = (gs: Grant[]) =>
    gs.some((g) => g.role === 'county_admin' && g.scopeKind === 'county' && g.scopeId === a.countyCode);
  if (change.roles && isCountyAdmin(a.grants) && !isCountyAdmin(change.roles))
    return '不能取消自己的县级管理员角色，请由其他县级管理员操作';
  return null;
}

/** What the web may offer on one account (style.md 5). */
export function userAbilities(a: Actor, targetId: string, target: Grant[], classSchool: (classId: string) => string | null) {
  const manage = canManageUser(a, target, classSchool);
  return {
    update: manage,
    resetPassword: manage,
    unlock: manage,
    deactivate: manage && targetId !== a.userId,
    grantApprovalRights: manage && canGrantApprovalRights(a),
  };
}
