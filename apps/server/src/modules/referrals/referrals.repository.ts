import { aliasedTable, and, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { cases, children, divisions, referrals, schools, users } from '../../db/schema/index';
import { hasRole, type Actor } from '../../policies/actor';
import { canListChildren } from '../../policies/children.policy';
import { childScopeSql } from '../../policies/scope-sql';

export type ReferralRow = typeof referrals.$inferSelect;

const township = aliasedTable(divisions, 'township');
const village = aliasedTable(divisions, 'village');

/**
 * Which referrals an actor sees: a liaison those of their departments; a case worker those of cases whose child is in
 * their scope (the county: all).
 */
export function referralScopeSql(actor: Actor): SQL {
  const parts: SQL[] = [];
  if (hasRole(actor, 'dept_liaison') && actor.scope.departments.length) parts.push(inArray(referrals.department, actor.scope.departments));
  if (canListChildren(actor)) parts.push(childScopeSql(actor.scope));
  return and(eq(referrals.countyCode, actor.countyCode), parts.length ? or(...parts) : sql`false`) as SQL;
}

const withSubject = (db: DbOrTx) =>
  db
    .select({
      referral: referrals,
      childName: children.name,
      schoolName: schools.name,
      townshipName: township.name,
      villageName: village.name,
      sentByName: users.displayName,
    })
    .from(referrals)
    .innerJoin(cases, and(eq(cases.countyCode, referrals.countyCode), eq(cases.id, referrals.caseId)))
    .innerJoin(children, and(eq(children.countyCode, cases.countyCode), eq(children.id, cases.childId)))
    .leftJoin(schools, and(eq(schools.countyCode, children.countyCode), eq(schools.id, children.schoolId)))
    .leftJoin(township, and(eq(township.countyCode, children.countyCode), eq(township.code, children.householdTownshipCode)))
    .leftJoin(village, and(eq(village.countyCode, children.countyCode), eq(village.code, children.householdVillageCode)))
    .leftJoin(users, eq(users.id, referrals.sentBy));

export type ReferralFilter = { status?: 'open' | ReferralRow['status']; department?: string };

export async function listReferrals(db: DbOrTx, actor: Actor, f: ReferralFilter, limit: number, offset: number) {
  const conds: SQL[] = [referralScopeSql(actor)];
  if (f.status === 'open') conds.push(inArray(referrals.status, ['sent', 'accepted']));
  else if (f.status) conds.push(eq(referrals.status, f.status));
  if (f.department) conds.push(eq(referrals.department, f.department));
  const where = and(...conds);
  const [items, [total]] = await Promise.all([
    withSubject(db).where(where).orderBy(desc(referrals.sentAt)).limit(limit).offset(offset),
    db
      .select({ n: count() })
      .from(referrals)
      .innerJoin(cases, and(eq(cases.countyCode, referrals.countyCode), eq(cases.id, referrals.caseId)))
      .innerJoin(children, and(eq(children.countyCode, cases.countyCode), eq(children.id, cases.childId)))
      .where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}
export type ReferralListRow = Awaited<ReturnType<typeof listReferrals>>['items'][number];

/** One referral the actor sees (null: absent or out of scope — the caller answers 404 either way). */
export async function findReferral(db: DbOrTx, actor: Actor, id: string): Promise<ReferralListRow | null> {
  const [row] = await withSubject(db).where(and(referralScopeSql(actor), eq(referrals.id, id)));
  return row ?? null;
}

export async function childOfCase(db: DbOrTx, countyCode: string, caseId: string): Promise<string | null> {
  const [row] = await db
    .select({ childId: cases.childId })
    .from(cases)
    .where(and(eq(cases.countyCode, countyCode), eq(cases.id, caseId)));
  return row?.childId ?? null;
}

/** Records the answer only if nobody answered since `version` was read. */
export async function respondGuarded(
  db: DbOrTx,
  countyCode: string,
  id: string,
  version: number,
  set: { status: ReferralRow['status']; response: string; respondedBy: string; respondedAt: Date },
): Promise<boolean> {
  const r = await db
    .update(referrals)
    .set({ ...set, version: sql`${referrals.version} + 1` })
    .where(and(eq(referrals.countyCode, countyCode), eq(referrals.id, id), eq(referrals.version, version)))
    .returning({ id: referrals.id });
  return r.length === 1;
}
