import { aliasedTable, and, asc, desc, eq, isNull, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { children, childKeyGroups, classes, divisions, ledgerEntries, ledgerEvents, schools, users } from '../../db/schema/index';
import type { Scope } from '../../policies/actor';
import { childScopeSql } from '../../policies/scope-sql';
import { STATUS_CATEGORY } from './ledger.rules';
import { childSearchSql } from '../children/children.repository';

export type ScopeFilter = { townshipCode?: string; schoolId?: string; grade?: number; keyGroup?: string; q?: string };

const openEntry = (ledger: 'suspected' | 'dropout') =>
  sql`exists (select 1 from ledger_entries e where e.county_code = ${children.countyCode} and e.child_id = ${children.id} and e.ledger = ${ledger} and e.closed_at is null)`;
const openFinding = sql`exists (select 1 from findings f where f.county_code = ${children.countyCode} and f.child_id = ${children.id} and f.status = 'open' and f.category in ('OUT_OF_SCHOOL', 'ENROLLED_ABSENT', 'POVERTY_DROPOUT'))`;

/** The SQL twin of ledgerCategory(), built from the same STATUS_CATEGORY table (an int test checks they agree). */
export function ledgerCategorySql(): SQL<string> {
  const whens = Object.entries(STATUS_CATEGORY).map(([status, cat]) => sql`when ${status} then ${cat}`);
  return sql<string>`case when ${openEntry('dropout')} then '辍学' when ${openEntry('suspected')} or ${openFinding} then '疑似辍学'
    else coalesce(case ${children.status} ${sql.join(whens, sql` `)} end, '未说明') end`;
}

const township = aliasedTable(divisions, 'township');
const village = aliasedTable(divisions, 'village');
const keyGroupsAgg = sql<
  string[]
>`coalesce((select array_agg(distinct g."group") from child_key_groups g where g.county_code = ${children.countyCode} and g.child_id = ${children.id}), '{}')`;

function filterSql(scope: Scope, f: ScopeFilter): SQL[] {
  const conds: SQL[] = [childScopeSql(scope)];
  if (f.townshipCode) conds.push(or(eq(children.householdTownshipCode, f.townshipCode), eq(schools.townshipCode, f.townshipCode)) as SQL);
  if (f.schoolId) conds.push(eq(children.schoolId, f.schoolId));
  if (f.grade) conds.push(eq(children.grade, f.grade));
  if (f.keyGroup)
    conds.push(
      sql`exists (select 1 from ${childKeyGroups} g where g.county_code = ${children.countyCode} and g.child_id = ${children.id} and g."group" = ${f.keyGroup})`,
    );
  if (f.q) conds.push(childSearchSql(f.q));
  return conds;
}

const eligibleSql = (from: string, to: string) => sql`${children.birthDate} between ${from}::date and ${to}::date`;

export async function balanceCounts(db: DbOrTx, scope: Scope, f: ScopeFilter, from: string, to: string) {
  const cat = ledgerCategorySql();
  const rows = await db
    .select({ category: cat, n: sql<number>`count(*)::int` })
    .from(children)
    .leftJoin(schools, and(eq(schools.countyCode, children.countyCode), eq(schools.id, children.schoolId)))
    .where(and(...filterSql(scope, f), eligibleSql(from, to)))
    .groupBy(sql`1`);
  return rows;
}

export async function listEligible(
  db: DbOrTx,
  scope: Scope,
  f: ScopeFilter & { category?: string },
  from: string,
  to: string,
  limit: number,
  offset: number,
) {
  const cat = ledgerCategorySql();
  const conds = [...filterSql(scope, f), eligibleSql(from, to)];
  if (f.category) conds.push(sql`${cat} = ${f.category}`);
  const where = and(...conds);
  const base = () =>
    db
      .select({
        child: children,
        category: cat,
        schoolName: schools.name,
        className: classes.name,
        townshipName: township.name,
        villageName: village.name,
        keyGroups: keyGroupsAgg,
      })
      .from(children)
      .leftJoin(schools, and(eq(schools.countyCode, children.countyCode), eq(schools.id, children.schoolId)))
      .leftJoin(classes, and(eq(classes.countyCode, children.countyCode), eq(classes.id, children.classId)))
      .leftJoin(township, and(eq(township.countyCode, children.countyCode), eq(township.code, children.householdTownshipCode)))
      .leftJoin(village, and(eq(village.countyCode, children.countyCode), eq(village.code, children.householdVillageCode)));
  const [items, [{ total }]] = await Promise.all([
    base()
      .where(where)
      .orderBy(asc(children.householdTownshipCode), asc(children.grade), asc(children.name), asc(children.id))
      .limit(limit)
      .offset(offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(children)
      .leftJoin(schools, and(eq(schools.countyCode, children.countyCode), eq(schools.id, children.schoolId)))
      .where(where),
  ]);
  return { items, total };
}

export async function listEntries(
  db: DbOrTx,
  scope: Scope,
  ledger: 'suspected' | 'dropout' | null,
  f: ScopeFilter & { state: 'open' | 'closed' | 'all' },
  limit: number,
  offset: number,
  entryId?: string,
) {
  const conds: SQL[] = [eq(ledgerEntries.countyCode, scope.countyCode), ...filterSql(scope, f)];
  if (ledger) conds.push(eq(ledgerEntries.ledger, ledger));
  if (f.state === 'open') conds.push(isNull(ledgerEntries.closedAt));
  if (f.state === 'closed') conds.push(isNotNull(ledgerEntries.closedAt));
  if (entryId) conds.push(eq(ledgerEntries.id, entryId));
  const where = and(...conds);
  const joined = () =>
    db
      .select({
        entry: ledgerEntries,
        child: children,
        schoolName: schools.name,
        townshipName: township.name,
        villageName: village.name,
        keyGroups: keyGroupsAgg,
        openedByName: users.displayName,
      })
      .from(ledgerEntries)
      .innerJoin(children, and(eq(children.countyCode, ledgerEntries.countyCode), eq(children.id, ledgerEntries.childId)))
      .leftJoin(schools, and(eq(schools.countyCode, children.countyCode), eq(schools.id, children.schoolId)))
      .leftJoin(township, and(eq(township.countyCode, children.countyCode), eq(township.code, children.householdTownshipCode)))
      .leftJoin(village, and(eq(village.countyCode, children.countyCode), eq(village.code, children.householdVillageCode)))
      .leftJoin(users, eq(users.id, ledgerEntries.openedBy));
  const [items, [{ total }]] = await Promise.all([
    joined().where(where).orderBy(desc(ledgerEntries.openedAt), desc(ledgerEntries.id)).limit(limit).offset(offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(ledgerEntries)
      .innerJoin(children, and(eq(children.countyCode, ledgerEntries.countyCode), eq(children.id, ledgerEntries.childId)))
      .leftJoin(schools, and(eq(schools.countyCode, children.countyCode), eq(schools.id, children.schoolId)))
      .where(where),
  ]);
  return { items, total };
}

export async function openEntryOf(db: DbOrTx, countyCode: string, childId: string, ledger: 'suspected' | 'dropout') {
  const [e] = await db
    .select()
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.countyCode, countyCode),
        eq(ledgerEntries.childId, childId),
        eq(ledgerEntries.ledger, ledger),
        isNull(ledgerEntries.closedAt),
      ),
    );
  return e ?? null;
}

export async function insertEntry(db: DbOrTx, v: typeof ledgerEntries.$inferInsert) {
  await db.insert(ledgerEntries).values(v);
}

/** Close an open entry; false when someone else closed it first (the caller answers a conflict). */
export async function closeEntry(
  db: DbOrTx,
  countyCode: string,
  id: string,
  v: { closedBy: string; closedAt: Date; closeReason: string; closeEvidence: string },
): Promise<boolean> {
  const r = await db
    .update(ledgerEntries)
    .set(v)
    .where(and(eq(ledgerEntries.countyCode, countyCode), eq(ledgerEntries.id, id), isNull(ledgerEntries.closedAt)))
    .returning({ id: ledgerEntries.id });
  return r.length === 1;
}

export async function insertEvent(db: DbOrTx, v: typeof ledgerEvents.$inferInsert) {
  await db.insert(ledgerEvents).values(v);
}

export async function eventsOf(db: DbOrTx, countyCode: string, entryId: string) {
  return db
    .select()
    .from(ledgerEvents)
    .where(and(eq(ledgerEvents.countyCode, countyCode), eq(ledgerEvents.entryId, entryId)))
    .orderBy(desc(ledgerEvents.at), desc(ledgerEvents.id));
}
