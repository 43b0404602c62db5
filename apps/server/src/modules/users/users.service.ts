import type { z } from 'zod';
import {
  DEPARTMENTS,
  ROLE_LABELS,
  ROLE_SCOPE_KIND,
  SCOPE_KIND_LABELS,
  type RoleGrant,
  type User,
  type userCreateSchema,
  type userQuerySchema,
  type userUpdateSchema,
} from '@notoneless/shared';
import { uuidv7 } from 'uuidv7';
import { AppError, forbidden, notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import type { DbOrTx } from '../../db/client';
import { offsetOf, pageResult } from '../../lib/paging';
import type { Grant } from '../../policies/actor';
import { authorize } from '../../policies/org.policy';
import {
  canGrant,
  canGrantApprovalRights,
  canManageUser,
  canManageUsers,
  grantableFilter,
  selfChangeProblem,
  userAbilities,
} from '../../policies/users.policy';
import { deleteUserSessions, setPassword, updateLoginState } from '../auth/auth.repository';
import { hashPassword } from '../auth/password';
import { scopeNameOf, scopeNames } from './scope-names.repository';
import * as repo from './users.repository';

type Query = z.infer<typeof userQuerySchema>;
type CreateBody = z.infer<typeof userCreateSchema>;
type UpdateBody = z.infer<typeof userUpdateSchema>;

const MANAGE_ONLY = '您的角色不能管理用户账号';

/** Users, each with their grants (and the grants' names), approval rights and whether they are locked out now. */
async function present(ctx: Ctx, rows: repo.UserRow[]): Promise<User[]> {
  const ids = rows.map((u) => u.id);
  const [grants, rights] = await Promise.all([repo.grantsOf(ctx.db, ids), repo.approvalRightsOf(ctx.db, ids)]);
  const names = await scopeNames(ctx.db, ctx.actor.countyCode, [...grants.values()].flat());
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    phone: u.phone,
    active: u.active,
    locked: u.lockedUntil !== null && u.lockedUntil.getTime() > ctx.now.getTime(),
    roles: (grants.get(u.id) ?? []).map((g) => ({ ...g, scopeName: scopeNameOf(names, g) })),
    approvalRights: rights.get(u.id) ?? [],
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  }));
}

export async function list(ctx: Ctx, q: Query) {
  authorize(canManageUsers(ctx.actor), MANAGE_ONLY);
  const { limit, offset } = offsetOf(q);
  const r = await repo.listUsers(
    ctx.db,
    ctx.actor.countyCode,
    grantableFilter(ctx.actor),
    { q: q.q, role: q.role, includeInactive: q.includeInactive },
    limit,
    offset,
  );
  return pageResult(await present(ctx, r.items), r.total, q);
}

const classSchoolOf = (m: Map<string, string>) => (classId: string) => m.get(classId) ?? null;

/** A user the actor may manage, with their grants; any other user (or none) answers 404. */
async function getManageable(ctx: Ctx, id: string) {
  authorize(canManageUsers(ctx.actor), MANAGE_ONLY);
  const user = await repo.findUserInCounty(ctx.db, ctx.actor.countyCode, id);
  if (!user) throw notFound('用户');
  const grants = (await repo.grantsOf(ctx.db, [id])).get(id) ?? [];
  const classSchool = await repo.classSchoolMap(
    ctx.db,
    ctx.actor.countyCode,
    grants.filter((g) => g.scopeKind === 'class').map((g) => g.scopeId),
  );
  if (!canManageUser(ctx.actor, grants, classSchoolOf(classSchool))) throw notFound('用户');
  return { user, grants, classSchool };
}

export async function detail(ctx: Ctx, id: string) {
  const { user, grants, classSchool } = await getManageable(ctx, id);
  const [u] = await present(ctx, [user]);
  return { ...u, abilities: userAbilities(ctx.actor, id, grants, classSchoolOf(classSchool)) };
}

const grantKey = (g: Grant) => `${g.role}|${g.scopeKind}|${g.scopeId}`;
const grantLabel = (g: Grant) => `角色「${ROLE_LABELS[g.role]}」`;

/**
 * The grants as given, checked: each on its role's scope kind, each one the actor may give, each scope in the county.
 * Duplicates are dropped.
 */
async function checkGrants(ctx: Ctx, given: RoleGrant[]): Promise<Grant[]> {
  const a = ctx.actor;
  const c = a.countyCode;
  const grants = [
    ...new Map(given.map((g) => [grantKey(g), { role: g.role, scopeKind: g.scopeKind, scopeId: g.scopeId.trim() }])).values(),
  ];
  for (const g of grants) {
    const kind = ROLE_SCOPE_KIND[g.role];
    if (g.scopeKind !== kind)
      throw new AppError('VALIDATION', `${grantLabel(g)}的范围应为「${SCOPE_KIND_LABELS[kind]}」`, { field: 'roles' });
  }
  const ofKind = (k: Grant['scopeKind']) => grants.filter((g) => g.scopeKind === k).map((g) => g.scopeId);
  const classSchool = await repo.classSchoolMap(ctx.db, c, ofKind('class'));
  for (const g of grants) {
    if (!canGrant(a, g, classSchoolOf(classSchool))) {
      throw forbidden(g.role === 'head_teacher' ? '您只能为本校的班级设置班主任' : `您不能授予${grantLabel(g)}`);
    }
  }
  const [units, townships, villages, schoolIds] = await Promise.all([
    repo.existingScopeIds(ctx.db, c, 'unit', ofKind('unit')),
    repo.existingScopeIds(ctx.db, c, 'township', ofKind('township')),
    repo.existingScopeIds(ctx.db, c, 'village', ofKind('village')),
    repo.existingScopeIds(ctx.db, c, 'school', ofKind('school')),
  ]);
  const exists = (g: Grant): boolean => {
    switch (g.scopeKind) {
      case 'county':
        return g.scopeId === c;
      case 'unit':
        return units.has(g.scopeId);
      case 'township':
        return townships.has(g.scopeId);
      case 'village':
        return villages.has(g.scopeId);
      case 'school':
        return schoolIds.has(g.scopeId);
      case 'class':
        return classSchool.has(g.scopeId);
      case 'department':
        return (DEPARTMENTS as readonly string[]).includes(g.scopeId);
    }
  };
  const missing = grants.find((g) => !exists(g));
  if (missing) {
    throw new AppError(
      'VALIDATION',
      `${grantLabel(missing)}的${SCOPE_KIND_LABELS[missing.scopeKind]}「${missing.scopeId}」不存在或不属于本县`,
      { field: 'roles' },
    );
  }
  return grants;
}

const headTeacherClasses = (grants: Grant[]) =>
  grants.filter((g) => g.role === 'head_teacher' && g.scopeKind === 'class').map((g) => g.scopeId);

const sameSet = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v) => y.includes(v));

export async function create(ctx: Ctx, body: CreateBody) {
  authorize(canManageUsers(ctx.actor), MANAGE_ONLY);
  const grants = await checkGrants(ctx, body.roles);
  const rights = [...new Set(body.approvalRights)];
  if (rights.length && !canGrantApprovalRights(ctx.actor)) throw forbidden('只有县级管理员可以授予审批权限');
  if (await repo.usernameTaken(ctx.db, body.username))
    throw new AppError('CONFLICT', `用户名 ${body.username} 已存在`, { field: 'username' });
  const passwordHash = await hashPassword(body.password);
  const id = uuidv7();
  const c = ctx.actor.countyCode;
  await inTx(ctx, async (tx) => {
    await repo.insertUser(tx, {
      id,
      countyCode: c,
      username: body.username,
      displayName: body.displayName,
      phone: body.phone,
      passwordHash,
      mustChangePassword: true,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await repo.replaceGrants(tx, id, grants);
    await repo.replaceApprovalRights(tx, id, rights);
    await repo.syncHeadTeacherOf(tx, c, id, headTeacherClasses(grants));
    await audit(tx, ctx, {
      action: 'user.created',
      targetType: 'user',
      targetId: id,
      data: { username: body.username, displayName: body.displayName, phone: body.phone, roles: grants, approvalRights: rights },
    });
  });
  return detail(ctx, id);
}

export async function update(ctx: Ctx, id: string, body: UpdateBody) {
  const { user, grants: before } = await getManageable(ctx, id);
  const problem = selfChangeProblem(ctx.actor, id, { active: body.active, roles: body.roles });
  if (problem) throw forbidden(problem);
  const grants = body.roles ? await checkGrants(ctx, body.roles) : null;
  const currentRights = (await repo.approvalRightsOf(ctx.db, [id])).get(id) ?? [];
  const rights = body.approvalRights ? [...new Set(body.approvalRights)] : null;
  if (rights && !sameSet(rights, currentRights) && !canGrantApprovalRights(ctx.actor)) throw forbidden('只有县级管理员可以授予审批权限');
  const c = ctx.actor.countyCode;
  await inTx(ctx, async (tx) => {
    await repo.updateUser(tx, id, { displayName: body.displayName, phone: body.phone, active: body.active, updatedAt: ctx.now });
    if (grants) {
      await repo.replaceGrants(tx, id, grants);
      await repo.syncHeadTeacherOf(tx, c, id, headTeacherClasses(grants));
    }
    if (rights) await repo.replaceApprovalRights(tx, id, rights);
    if (body.active === false) await deleteUserSessions(tx, id);
    await audit(tx, ctx, {
      action: 'user.updated',
      targetType: 'user',
      targetId: id,
      data: {
        before: { displayName: user.displayName, phone: user.phone, active: user.active, roles: before, approvalRights: currentRights },
        change: body,
      },
    });
  });
  return detail(ctx, id);
}

export async function resetPassword(ctx: Ctx, id: string, newPassword: string) {
  await getManageable(ctx, id);
  const hash = await hashPassword(newPassword);
  await inTx(ctx, async (tx) => {
    await setPassword(tx, id, hash, true, ctx.now);
    // one's own reset keeps the session it was made from
    await deleteUserSessions(tx, id, id === ctx.actor.userId ? ctx.actor.sessionId : undefined);
    await audit(tx, ctx, { action: 'user.password_reset', targetType: 'user', targetId: id });
  });
  return detail(ctx, id);
}

export async function unlock(ctx: Ctx, id: string) {
  const { user } = await getManageable(ctx, id);
  await inTx(ctx, async (tx) => {
    await updateLoginState(tx, id, { failedLogins: 0, lockedUntil: null });
    await audit(tx, ctx, {
      action: 'user.unlocked',
      targetType: 'user',
      targetId: id,
      data: { lockedUntil: user.lockedUntil?.toISOString() ?? null },
    });
  });
  return detail(ctx, id);
}

/**
 * Give a user the 班主任 grant on a class, or take it away (the class form's 班主任 picker), audited on the user.
 * Called by the classes service inside its transaction.
 */
export async function setHeadTeacherGrant(tx: DbOrTx, ctx: Ctx, userId: string, classId: string, holds: boolean) {
  const g: Grant = { role: 'head_teacher', scopeKind: 'class', scopeId: classId };
  const changed = holds ? await repo.addGrant(tx, userId, g) : await repo.removeGrant(tx, userId, g);
  if (changed) {
    await audit(tx, ctx, {
      action: 'user.updated',
      targetType: 'user',
      targetId: userId,
      data: holds ? { addedRoles: [g], via: 'class' } : { removedRoles: [g], via: 'class' },
    });
  }
}
