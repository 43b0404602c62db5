import type { CaseActor, Role } from '@notoneless/shared';
import { hasRole, type Actor } from './actor';
import { canListChildren } from './children.policy';

/**
 * 一生一表一档案 (issue 5). Who acts on a case in which state is the transition table's business
 * (packages/shared/src/rules/cases/transitions.ts refuseCaseAction); here: who may open the pages, report, export, and
 * the actor as the table sees it. Which cases: scoped like children (cases.repository.ts loadCaseInScope).
 */
export const canReadCases = canListChildren;

/** A teacher's report (seed 000: 班主任发现学生未按时到校，要及时向学校报告): the 班主任 of the child's class, the school, 中心校, township, county. */
export const canReportCase = (a: Actor) => hasRole(a, 'head_teacher', 'school_admin', 'unit_admin', 'township_official', 'county_admin');

/** The 四包一 team and the school people of a case (seed 001). */
export const canManageCaseTeam = (a: Actor) =>
  hasRole(a, 'head_teacher', 'school_admin', 'unit_admin', 'township_official', 'county_admin');

export const canExportCases = (a: Actor) => hasRole(a, 'county_admin', 'unit_admin', 'school_admin', 'county_leader', 'township_official');

/** Photos and scans for a case's records: whoever works cases. */
export const canUploadAttachments = (a: Actor) =>
  hasRole(a, 'county_admin', 'unit_admin', 'school_admin', 'head_teacher', 'township_official', 'village_official');

/** The actor as the transition table sees it: roles from the grants, approval rights as granted. */
export function caseActorOf(a: Actor): CaseActor {
  return { userId: a.userId, roles: [...new Set(a.grants.map((g) => g.role as Role))], rights: a.approvalRights };
}

/** The role an event is signed with: the first of the actor's roles the action allows (or the first role). */
export function actingRole(a: Actor, allowed: readonly Role[]): Role | null {
  const roles = a.grants.map((g) => g.role);
  return roles.find((r) => allowed.includes(r)) ?? roles[0] ?? null;
}
