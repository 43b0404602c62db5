import { and, asc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { ApprovalRight } from '@notoneless/shared';
import type { DbOrTx } from '../../db/client';
import { classes, divisions, managementUnits, schools, userApprovalRights, userRoles, users } from '../../db/schema/index';
import type { Grant } from '../../policies/actor';
import type { GrantableFilter } from '../../policies/users.policy';
import { likeEscape } from '../../lib/paging';
import { isUuid } from '../auth/auth.repository';

export type UserRow = typeof users.$inferSelect;
export type UserFilter = { q?: string; role?: string; includeInactive?: boolean };

const FALSE = sql`false`;
const list = (values: string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * Users whose every grant the actor may give (canManageUser() as SQL, from grantableFilter()): all of the county for a
 * county admin; for a school admin, users holding at least one grant, each of them a grantable role on a class of
 * their schools.
 */
function manageableSql(countyCode: string, g: GrantableFilter): SQL | undefined {
  if (g.any) return undefined;
  if (!g.roles.length || !g.classSchoolIds.length) return FALSE;
  const classIds = sql`select ${classes.id}::text from ${classes} where ${classes.countyCode} = ${countyCode} and ${classes.schoolId} in (${list(g.classSchoolIds)})`;
  return sql`(exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id})
    and not exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id}
      and not (${userRoles.role} in (${list(g.roles)}) and ${userRoles.scopeKind} = ${g.scopeKind} and ${userRoles.scopeId} in (${classIds}))))`;
}

export async function listUsers(db: DbOrTx, countyCode: string, grantable: GrantableFilter, f: UserFilter, limit: number, offset: number) {
  const conds: (SQL | undefined)[] = [eq(users.countyCode, countyCode), manageableSql(countyCode, grantable)];
  if (!f.includeInactive) conds.push(eq(users.active, true));
  if (f.role)
    conds.push(sql`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${userRoles.role} = ${f.role})`);
  if (f.q) {
    const like = `%${likeEscape(f.q)}%`;
    conds.push(or(ilike(users.username, like), ilike(users.displayName, like), ilike(users.phone, like)));
  }
  const where = and(...conds);
  const [items, [{ total }]] = await Promise.all([
    db.select().from(users).where(where).orderBy(asc(users.username)).limit(limit).offset(offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(users)
      .where(where),
  ]);
  return { items, total };
}

export async function findUserInCounty(db: DbOrTx, countyCode: string, id: string): Promise<UserRow | null> {
  if (!isUuid(id)) return null;
  const [u] = await db
    .select()
    .from(users)
    .where(and(eq(users.countyCode, countyCode), eq(users.id, id)));
  return u ?? null;
}

export async function usernameTaken(db: DbOrTx, username: string): Promise<boolean> {
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`);
  return Boolean(u);
}

export async function grantsOf(db: DbOrTx, userIds: string[]): Promise<Map<string, Grant[]>> {
  const out = new Map<string, Grant[]>(userIds.map((id) => [id, []]));
  if (!userIds.length) return out;
  const rows = await db
    .select()
    .from(userRoles)
    .where(inArray(userRoles.userId, userIds))
    .orderBy(asc(userRoles.role), asc(userRoles.scopeKind), asc(userRoles.scopeId));
  for (const r of rows) out.get(r.userId)?.push({ role: r.role, scopeKind: r.scopeKind, scopeId: r.scopeId } as Grant);
  return out;
}

export async function approvalRightsOf(db: DbOrTx, userIds: string[]): Promise<Map<string, ApprovalRight[]>> {
  const out = new Map<string, ApprovalRight[]>(userIds.map((id) => [id, []]));
  if (!userIds.length) return out;
  const rows = await db
    .select()
    .from(userApprovalRights)
    .where(inArray(userApprovalRights.userId, userIds))
    .orderBy(asc(userApprovalRights.right));
  for (const r of rows) out.get(r.userId)?.push(r.right as ApprovalRight);
  return out;
}

/** class id → school id, for the class ids of the county among these. */
export async function classSchoolMap(db: DbOrTx, countyCode: string, classIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(classIds.filter(isUuid))];
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: classes.id, schoolId: classes.schoolId })
    .from(classes)
    .where(and(eq(classes.countyCode, countyCode), inArray(classes.id, ids)));
  return new Map(rows.map((r) => [r.id, r.schoolId]));
}

/** Which of these scope ids exist in the county for a scope kind (county and department are checked by the caller). */
export async function existingScopeIds(
  db: DbOrTx,
  countyCode: string,
  kind: 'unit' | 'township' | 'village' | 'school',
  ids: string[],
): Promise<Set<string>> {
  const uniq = [...new Set(ids)];
  if (!uniq.length) return new Set();
  if (kind === 'township' || kind === 'village') {
    const rows = await db
      .select({ id: divisions.code })
      .from(divisions)
      .where(and(eq(divisions.countyCode, countyCode), eq(divisions.level, kind), inArray(divisions.code, uniq)));
    return new Set(rows.map((r) => r.id));
  }
  const uuids = uniq.filter(isUuid);
  if (!uuids.length) return new Set();
  const t = kind === 'unit' ? managementUnits : schools;
  const rows = await db
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.countyCode, countyCode), inArray(t.id, uuids)));
  return new Set(rows.map((r) => r.id));
}

export async function insertUser(db: DbOrTx, v: typeof users.$inferInsert) {
  await db.insert(users).values(v);
}

export async function updateUser(db: DbOrTx, id: string, v: Partial<typeof users.$inferInsert>) {
  await db.update(users).set(v).where(eq(users.id, id));
}

export async function replaceGrants(db: DbOrTx, userId: string, grants: Grant[]) {
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
  if (grants.length)
    await db.insert(userRoles).values(grants.map((g) => ({ userId, role: g.role, scopeKind: g.scopeKind, scopeId: g.scopeId })));
}

export async function replaceApprovalRights(db: DbOrTx, userId: string, rights: ApprovalRight[]) {
  await db.delete(userApprovalRights).where(eq(userApprovalRights.userId, userId));
  if (rights.length) await db.insert(userApprovalRights).values(rights.map((right) => ({ userId, right })));
}

/** Add one grant unless the user holds it; true when it was added. */
export async function addGrant(db: DbOrTx, userId: string, g: Grant): Promise<boolean> {
  const r = await db
    .insert(userRoles)
    .values({ userId, role: g.role, scopeKind: g.scopeKind, scopeId: g.scopeId })
    .onConflictDoNothing()
    .returning({ userId: userRoles.userId });
  return r.length > 0;
}

/** Remove one grant; true when the user held it. */
export async function removeGrant(db: DbOrTx, userId: string, g: Grant): Promise<boolean> {
  const r = await db
    .delete(userRoles)
    .where(
      and(eq(userRoles.userId, userId), eq(userRoles.role, g.role), eq(userRoles.scopeKind, g.scopeKind), eq(userRoles.scopeId, g.scopeId)),
    )
    .returning({ userId: userRoles.userId });
  return r.length > 0;
}

/** classes.head_teacher_id follows the 班主任 grants: cleared where the user lost the grant, set where the class had none. */
export async function syncHeadTeacherOf(db: DbOrTx, countyCode: string, userId: string, headTeacherClassIds: string[]) {
  const keep = headTeacherClassIds.filter(isUuid);
  await db
    .update(classes)
    .set({ headTeacherId: null })
    .where(
      and(
        eq(classes.countyCode, countyCode),
        eq(classes.headTeacherId, userId),
        keep.length ? sql`${classes.id} not in (${list(keep)})` : undefined,
      ),
    );
  if (keep.length) {
    await db
      .update(classes)
      .set({ headTeacherId: userId })
      .where(and(eq(classes.countyCode, countyCode), inArray(classes.id, keep), isNull(classes.headTeacherId)));
  }
}
