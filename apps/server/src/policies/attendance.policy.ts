import type { LeaveStep } from '@notoneless/shared';
import { hasRole, type Actor, type Scope } from './actor';

/**
 * Daily watch (issue 6): who reports, sees, approves and decides. A class outside the actor's scope answers 404 (the
 * services check classVisible first); a visible class the actor may not act on answers 403.
 */

/** 日常管理 menu: 班主任, schools, 中心校 and the county. */
export const canUseAttendance = (a: Actor) => hasRole(a, 'head_teacher', 'school_admin', 'unit_admin', 'county_admin', 'county_leader');
export const canUseLeave = canUseAttendance;

export type ClassPlace = { id: string; schoolId: string };

/** A class the actor sees: the county, its school (school, 中心校, township grants) or the class itself (班主任). */
export function classVisible(scope: Scope, c: ClassPlace): boolean {
  return scope.county || scope.schoolIds.includes(c.schoolId) || scope.classIds.includes(c.id);
}

const isHeadTeacherOf = (a: Actor, classId: string | null) =>
  classId !== null && a.grants.some((g) => g.role === 'head_teacher' && g.scopeKind === 'class' && g.scopeId === classId);
const isSchoolAdminOf = (a: Actor, schoolId: string | null) =>
  schoolId !== null && a.grants.some((g) => g.role === 'school_admin' && g.scopeKind === 'school' && g.scopeId === schoolId);

/** 到校日报 is submitted by the class's 班主任 or the school (issue 6, item 1). */
export const canReportClass = (a: Actor, c: ClassPlace) => isHeadTeacherOf(a, c.id) || isSchoolAdminOf(a, c.schoolId);

/**
 * Whether the actor may enter a leave at all (the 新建请假 button, `me.can['leave.enter']`): a 班主任 of a class or a
 * school administrator. 中心校 and county users see and file leaves but never enter them (seed 002: the parent asks the
 * teacher). canEnterLeave then checks the child's own class or school.
 */
export const canEnterSomeLeave = (a: Actor) =>
  a.grants.some((g) => (g.role === 'head_teacher' && g.scopeKind === 'class') || (g.role === 'school_admin' && g.scopeKind === 'school'));

/** A leave is entered (and 销假 recorded) by the child's 班主任 or the school. */
export const canEnterLeave = (a: Actor, p: { classId: string | null; schoolId: string | null }) =>
  isHeadTeacherOf(a, p.classId) || isSchoolAdminOf(a, p.schoolId);

/**
 * Who acts on a leave step (seed 002): the 班主任 of the class; leave_principal in the school; leave_unit_filing in
 * the 中心校 (its schools); leave_county_filing in the county.
 */
export function canDecideLeaveStep(a: Actor, by: LeaveStep['by'], p: { classId: string | null; schoolId: string | null }): boolean {
  if (by === 'head_teacher') return isHeadTeacherOf(a, p.classId);
  if (!a.approvalRights.includes(by)) return false;
  if (by === 'leave_county_filing') return a.scope.county;
  return a.scope.county || (p.schoolId !== null && a.scope.schoolIds.includes(p.schoolId));
}

/** The school confirms an absence alert (→ 疑似辍学 case) or dismisses it (issue 6, item 4). */
export const canDecideAlert = (a: Actor, schoolId: string | null) => isSchoolAdminOf(a, schoolId);

/** The term-start check (seed 001) is read by whoever uses attendance (the 开学报到核查 page, `attendance.termStart`). */
export const canSeeTermStart = canUseAttendance;

/** Term start (seed 001): the school turns what is still unexplained after the first week into cases. */
export const canOpenTermStartCases = (a: Actor) => hasRole(a, 'school_admin');

/** The schools whose alerts and term-start lists the actor decides on. */
export const schoolsAdministered = (a: Actor) =>
  a.grants.filter((g) => g.role === 'school_admin' && g.scopeKind === 'school').map((g) => g.scopeId);

/** The classes the actor is 班主任 of. */
export const classesTaught = (a: Actor) =>
  a.grants.filter((g) => g.role === 'head_teacher' && g.scopeKind === 'class').map((g) => g.scopeId);
