import { DEPARTMENTS, type ScopeKind } from '@notoneless/shared';
import { AppError, notFound } from '../../http/app-error';
import type { Ctx } from '../../http/context';
import { authorize, canManageClassesOf, canReadOrg } from '../../policies/org.policy';
import { canManageUsers, grantableFilter } from '../../policies/users.policy';
import { countyName, isUuid } from '../auth/auth.repository';
import { classSchoolIds, findVisibleSchool } from '../schools/schools.repository';
import * as repo from './scope-options.repository';

export type ScopeOptionKind = ScopeKind | 'teacher';
export type ScopeOptionQuery = { kind: ScopeOptionKind; q?: string; schoolId?: string };

const LIMIT = 50;
const matches = (name: string, q: string | undefined) => !q || name.toLowerCase().includes(q.toLowerCase());

/**
 * What the user form's scope picker and the class form's 班主任 picker may offer: the scopes the actor may grant a
 * role on (the whole county for a county admin, the classes of their school for a school admin), or the teachers of a
 * school whose classes the actor manages.
 */
export async function scopeOptions(ctx: Ctx, q: ScopeOptionQuery): Promise<repo.ScopeOption[]> {
  const a = ctx.actor;
  const c = a.countyCode;
  if (q.schoolId !== undefined && !isUuid(q.schoolId)) throw new AppError('VALIDATION', '学校编号格式不正确', { field: 'schoolId' });
  if (q.kind === 'teacher') {
    if (!q.schoolId) throw new AppError('VALIDATION', '请先选择学校', { field: 'schoolId' });
    const visible =
      canReadOrg(a) && (await findVisibleSchool(ctx.db, a.scope, await classSchoolIds(ctx.db, c, a.scope.classIds), q.schoolId));
    if (!visible) throw notFound('学校');
    authorize(canManageClassesOf(a, q.schoolId), '您不能为该学校的班级指定班主任');
    return repo.teacherOptions(ctx.db, c, q.schoolId, q.q, LIMIT);
  }
  authorize(canManageUsers(a), '您的角色不能分配用户角色');
  const grantable = grantableFilter(a);
  if (!grantable.any) {
    if (q.kind !== grantable.scopeKind || !grantable.roles.length) return [];
    const schoolIds = q.schoolId ? grantable.classSchoolIds.filter((s) => s === q.schoolId) : grantable.classSchoolIds;
    return repo.classOptions(ctx.db, c, schoolIds, q.q, LIMIT);
  }
  switch (q.kind) {
    case 'county': {
      const name = await countyName(ctx.db, c);
      return matches(name, q.q) ? [{ id: c, name }] : [];
    }
    case 'unit':
      return repo.unitOptions(ctx.db, c, q.q, LIMIT);
    case 'township':
    case 'village':
      return repo.divisionOptions(ctx.db, c, q.kind, q.q, LIMIT);
    case 'school':
      return repo.schoolOptions(ctx.db, c, q.q, LIMIT);
    case 'class':
      return repo.classOptions(ctx.db, c, q.schoolId ? [q.schoolId] : null, q.q, LIMIT);
    case 'department':
      return DEPARTMENTS.filter((d) => matches(d, q.q)).map((d) => ({ id: d, name: d }));
  }
}
