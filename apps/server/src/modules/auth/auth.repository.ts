import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { ApprovalRight } from '@notoneless/shared';
import { preparedRows, type DbOrTx } from '../../db/client';
import { counties, managementUnits, schools, sessions, userApprovalRights, userRoles, users } from '../../db/schema/index';
import type { Grant, ScopeExpansion } from '../../policies/actor';

export async function findUserByUsername(db: DbOrTx, username: string) {
  const [u] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return u ?? null;
}

export async function findUserById(db: DbOrTx, id: string) {
  const [u] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return u ?? null;
}

export async function loadGrants(db: DbOrTx, userId: string): Promise<Grant[]> {
  const r = await db
    .select({ role: userRoles.role, scopeKind: userRoles.scopeKind, scopeId: userRoles.scopeId })
    .from(userRoles)
    .where(eq(userRoles.userId, userId));
  return r as Grant[];
}

export async function loadApprovalRights(db: DbOrTx, userId: string): Promise<ApprovalRight[]> {
  const r = await db.select({ right: userApprovalRights.right }).from(userApprovalRights).where(eq(userApprovalRights.userId, userId));
  return r.map((x) => x.right as ApprovalRight);
}

/** The facts buildScope() needs: which schools a unit or township holds. */
export async function loadScopeExpansion(db: DbOrTx, countyCode: string, grants: Grant[]): Promise<ScopeExpansion> {
  const unitIds = grants.filter((g) => g.scopeKind === 'unit').map((g) => g.scopeId);
  const townships = grants.filter((g) => g.scopeKind === 'township').map((g) => g.scopeId);
  const exp: ScopeExpansion = { units: {}, townships: {} };
  if (unitIds.length) {
    const validIds = unitIds.filter(isUuid);
    const us = validIds.length
      ? await db
          .select({ id: managementUnits.id, townshipCode: managementUnits.townshipCode, kind: managementUnits.kind })
          .from(managementUnits)
          .where(and(eq(managementUnits.countyCode, countyCode), inArray(managementUnits.id, validIds)))
      : [];
    const ss = validIds.length
      ? await db
          .select({ id: schools.id, unitId: schools.unitId })
          .from(schools)
          .where(and(eq(schools.countyCode, countyCode), inArray(schools.unitId, validIds)))
      : [];
    for (const u of us) {
      exp.units[u.id] = {
        schoolIds: ss.filter((s) => s.unitId === u.id).map((s) => s.id),
        townshipCode: u.kind === 'central_school' ? u.townshipCode : null,
      };
    }
  }
  if (townships.length) {
    const ss = await db
      .select({ id: schools.id, townshipCode: schools.townshipCode })
      .from(schools)
      .where(and(eq(schools.countyCode, countyCode), inArray(schools.townshipCode, townships)));
    for (const t of townships) exp.townships[t] = ss.filter((s) => s.townshipCode === t).map((s) => s.id);
  }
  return exp;
}

export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

export type SessionActorRow = {
  csrfToken: string;
  userId: string;
  username: string;
  displayName: string;
  countyCode: string;
  active: boolean;
  mustChangePassword: boolean;
  grants: Grant[];
  approvalRights: ApprovalRight[];
};

/**
 * The unexpired session's user with its grants and approval rights, in one round trip (every API request asks this
 * first; the morning burst of 到校日报, issue 6 "Load", makes it the hottest query there is).
 */
const sessionActor = preparedRows<SessionActorRow>(
  'nol_session_actor',
  () =>
    sql`select s.csrf_token as "csrfToken", u.id as "userId", u.username, u.display_name as "displayName", u.county_code as "countyCode",
          u.active, u.must_change_password as "mustChangePassword",
          coalesce((select json_agg(json_build_object('role', g.role, 'scopeKind', g.scope_kind, 'scopeId', g.scope_id))
            from user_roles g where g.user_id = u.id), '[]'::json) as grants,
          coalesce((select json_agg(a."right") from user_approval_rights a where a.user_id = u.id), '[]'::json) as "approvalRights"
        from sessions s join users u on u.id = s.user_id
        where s.token_hash = ${sql.placeholder('tokenHash')} and s.expires_at > ${sql.placeholder('now')}::timestamptz
        limit 1`,
);

export async function findSessionActor(db: DbOrTx, tokenHash: string, now: Date): Promise<SessionActorRow | null> {
  const [r] = await sessionActor(db, { tokenHash, now: now.toISOString() });
  return r ?? null;
}

export async function insertSession(db: DbOrTx, v: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(v);
}

export async function deleteSession(db: DbOrTx, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteUserSessions(db: DbOrTx, userId: string, exceptTokenHash?: string) {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), exceptTokenHash ? sql`${sessions.tokenHash} <> ${exceptTokenHash}` : sql`true`));
}

/** Expired sessions of one county's users go at a login there (each county cleans its own, as it will on Citus). */
export async function purgeExpiredSessions(db: DbOrTx, countyCode: string, now: Date) {
  await db
    .delete(sessions)
    .where(and(lt(sessions.expiresAt, now), sql`${sessions.userId} in (select u.id from users u where u.county_code = ${countyCode})`));
}

export async function updateLoginState(
  db: DbOrTx,
  userId: string,
  v: { failedLogins: number; lockedUntil: Date | null; lastLoginAt?: Date },
) {
  await db.update(users).set(v).where(eq(users.id, userId));
}

export async function setPassword(db: DbOrTx, userId: string, passwordHash: string, mustChange: boolean, now: Date) {
  await db.update(users).set({ passwordHash, mustChangePassword: mustChange, updatedAt: now }).where(eq(users.id, userId));
}

export async function countyName(db: DbOrTx, code: string): Promise<string> {
  const [c] = await db.select({ name: counties.name }).from(counties).where(eq(counties.code, code));
  return c?.name ?? code;
}
