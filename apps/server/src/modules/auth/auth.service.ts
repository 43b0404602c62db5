import { randomBytes } from 'node:crypto';
import type { Me } from '@notoneless/shared';
import type { Database } from '../../db/client';
import { AppError } from '../../http/app-error';
import { hashToken } from '../../http/authenticate';
import { audit, inTx, type Ctx } from '../../http/context';
import { capabilities } from '../../policies/capabilities';
import { insertAudit } from '../audit/audit.repository';
import { scopeNameOf, scopeNames } from '../users/scope-names.repository';
import * as repo from './auth.repository';
import { afterFailure, afterSuccess, isLocked, minutesLeft } from './login.rules';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';

/** Failed logins for unknown user names are audited under this placeholder county code. */
export const NO_COUNTY = '000000';

export type LoginInput = { username: string; password: string; ip: string; userAgent: string | null };
export type LoginResult = { token: string; csrfToken: string; expiresAt: Date; userId: string };

export async function login(database: Database, now: Date, sessionHours: number, input: LoginInput): Promise<LoginResult> {
  const db = database.db;
  const user = await repo.findUserByUsername(db, input.username);
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  const base = { at: now, ip: input.ip, actorName: input.username };
  if (!user || !user.active) {
    await insertAudit(db, {
      ...base,
      countyCode: user?.countyCode ?? NO_COUNTY,
      actorId: user?.id ?? null,
      action: 'auth.login_failed',
      data: { username: input.username, reason: user ? 'inactive' : 'unknown_user' },
    });
    throw new AppError('UNAUTHENTICATED', '用户名或密码错误');
  }
  const state = { failedLogins: user.failedLogins, lockedUntil: user.lockedUntil };
  if (isLocked(state, now)) {
    await insertAudit(db, {
      ...base,
      countyCode: user.countyCode,
      actorId: user.id,
      action: 'auth.login_failed',
      data: { reason: 'locked' },
    });
    throw new AppError('LOCKED', `账号已被临时锁定，请 ${minutesLeft(state, now)} 分钟后再试，或联系管理员解锁`);
  }
  if (!ok) {
    const next = afterFailure(state, now);
    await inTx({ db }, async (tx) => {
      await repo.updateLoginState(tx, user.id, { failedLogins: next.failedLogins, lockedUntil: next.lockedUntil });
      await insertAudit(tx, {
        ...base,
        countyCode: user.countyCode,
        actorId: user.id,
        action: next.lockedNow ? 'auth.locked' : 'auth.login_failed',
        data: { reason: 'wrong_password' },
      });
    });
    if (next.lockedNow) throw new AppError('LOCKED', `密码错误次数过多，账号已被临时锁定 ${minutesLeft(next, now)} 分钟`);
    throw new AppError('UNAUTHENTICATED', '用户名或密码错误');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + sessionHours * 3600_000);
  await inTx({ db }, async (tx) => {
    await repo.insertSession(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken,
      createdAt: now,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await repo.updateLoginState(tx, user.id, { ...afterSuccess(), lastLoginAt: now });
    await insertAudit(tx, { ...base, countyCode: user.countyCode, actorId: user.id, actorName: user.displayName, action: 'auth.login' });
    await repo.purgeExpiredSessions(tx, user.countyCode, now);
  });
  return { token, csrfToken, expiresAt, userId: user.id };
}

export async function me(ctx: Ctx): Promise<Me> {
  const a = ctx.actor;
  const names = await scopeNames(ctx.db, a.countyCode, a.grants);
  return {
    id: a.userId,
    username: a.username,
    displayName: a.displayName,
    countyCode: a.countyCode,
    countyName: await repo.countyName(ctx.db, a.countyCode),
    roles: a.grants.map((g) => ({ ...g, scopeName: scopeNameOf(names, g) })),
    approvalRights: a.approvalRights,
    mustChangePassword: a.mustChangePassword,
    can: capabilities(a),
  };
}

export async function logout(ctx: Ctx): Promise<void> {
  await inTx(ctx, async (tx) => {
    await repo.deleteSession(tx, ctx.actor.sessionId);
    await audit(tx, ctx, { action: 'auth.logout' });
  });
}

export async function changePassword(ctx: Ctx, oldPassword: string, newPassword: string): Promise<void> {
  const user = await repo.findUserById(ctx.db, ctx.actor.userId);
  if (!user || !(await verifyPassword(oldPassword, user.passwordHash))) {
    throw new AppError('VALIDATION', '原密码不正确', { field: 'oldPassword' });
  }
  if (oldPassword === newPassword) throw new AppError('VALIDATION', '新密码不能与原密码相同', { field: 'newPassword' });
  const hash = await hashPassword(newPassword);
  await inTx(ctx, async (tx) => {
    await repo.setPassword(tx, user.id, hash, false, ctx.now);
    await repo.deleteUserSessions(tx, user.id, ctx.actor.sessionId);
    await audit(tx, ctx, { action: 'auth.password_changed', targetType: 'user', targetId: user.id });
  });
}
