import { aliasedTable, and, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { caseEvents, cases, childKeyGroups, children, classes, divisions, schools } from '../../db/schema/index';
import { notFound } from '../../http/app-error';
import type { Ctx } from '../../http/context';
import type { Scope } from '../../policies/actor';
import { childScopeSql } from '../../policies/scope-sql';
import { childSearchSql } from '../children/children.repository';

export type CaseRow = typeof cases.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect;

const byId = (countyCode: string, id: string) => and(eq(cases.countyCode, countyCode), eq(cases.id, id));
const childJoin = and(eq(children.countyCode, cases.countyCode), eq(children.id, cases.childId));

/** The case if it exists in the county, whatever the scope (system callers; scope is decided by the caller). */
export async function findCase(db: DbOrTx, countyCode: string, id: string): Promise<CaseRow | null> {
  const [r] = await db.select().from(cases).where(byId(countyCode, id));
  return r ?? null;
}

/**
 * The case when the actor may see its child (scoped like children: a village official the children of their village, a
 * school its own, a 班主任 their class, 中心校/township their township, the county all); 404 otherwise, as if absent.
 */
export async function loadCaseInScope(tx: DbOrTx, ctx: Ctx, caseId: string): Promise<CaseRow> {
  const [r] = await tx
    .select({ c: cases })
    .from(cases)
    .innerJoin(children, childJoin)
    .where(and(byId(ctx.actor.countyCode, caseId), childScopeSql(ctx.actor.scope)));
  if (!r) throw notFound('个案');
  return r.c;
}

export async function openCaseOf(db: DbOrTx, countyCode: string, childId: string): Promise<CaseRow | null> {
  const [r] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.countyCode, countyCode), eq(cases.childId, childId), isNull(cases.closedAt)));
  return r ?? null;
}

export async function latestClosedCaseOf(db: DbOrTx, countyCode: string, childId: string): Promise<CaseRow | null> {
  const [r] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.countyCode, countyCode), eq(cases.childId, childId), isNotNull(cases.closedAt)))
    .orderBy(desc(cases.closedAt))
    .limit(1);
  return r ?? null;
}

export async function casesOfChild(db: DbOrTx, countyCode: string, childId: string): Promise<CaseRow[]> {
  return db
    .select()
    .from(cases)
    .where(and(eq(cases.countyCode, countyCode), eq(cases.childId, childId)))
    .orderBy(desc(cases.openedAt), desc(cases.id));
}

export async function insertCase(db: DbOrTx, v: typeof cases.$inferInsert) {
  await db.insert(cases).values(v);
}

/**
 * Move a case only if nobody moved it since it was read (UPDATE … WHERE version = v): of two concurrent writers one
 * wins; the other updates nothing and answers 409.
 */
export async function updateCaseVersioned(
  db: DbOrTx,
  countyCode: string,
  id: string,
  version: number,
  set: Partial<typeof cases.$inferInsert>,
): Promise<CaseRow | null> {
  const [r] = await db
    .update(cases)
    .set({ ...set, version: version + 1 })
    .where(and(byId(countyCode, id), eq(cases.version, version)))
    .returning();
  return r ?? null;
}

/** Facts that follow the case without moving it (a linked ledger entry, a finding). */
export async function updateCaseLinks(
  db: DbOrTx,
  countyCode: string,
  id: string,
  set: Partial<Pick<typeof cases.$inferInsert, 'ledgerEntryId' | 'findingId' | 'updatedAt'>>,
) {
  await db.update(cases).set(set).where(byId(countyCode, id));
}

export async function eventByClientKey(db: DbOrTx, countyCode: string, clientKey: string): Promise<CaseEventRow | null> {
  const [r] = await db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.countyCode, countyCode), eq(caseEvents.clientKey, clientKey)));
  return r ?? null;
}

export async function insertEvent(db: DbOrTx, v: typeof caseEvents.$inferInsert) {
  await db.insert(caseEvents).values(v);
}

/** Events of some cases, newest first. */
export async function eventsOf(db: DbOrTx, countyCode: string, caseIds: string[]): Promise<CaseEventRow[]> {
  if (!caseIds.length) return [];
  return db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.countyCode, countyCode), inArray(caseEvents.caseId, caseIds)))
    .orderBy(desc(caseEvents.at), desc(caseEvents.id));
}

export type CaseFilter = {
  status?: string;
  townshipCode?: string;
  schoolId?: string;
  grade?: number;
  keyGroup?: string;
  overdue?: boolean;
  q?: string;
  month?: string;
  monthEvent?: 'reported' | 'confirmed' | 'returned';
  childId?: string;
  caseId?: string;
};

const township = aliasedTable(divisions, 'township');
const village = aliasedTable(divisions, 'village');

const keyGroupsAgg = sql<
  string[]
>`coalesce((select array_agg(distinct g."group") from child_key_groups g where g.county_code = ${children.countyCode} and g.child_id = ${children.id}), '{}')`;

/** The nearest open deadline of the case (the legal clock on the list). */
const nextDeadlineSql = sql<{ kind: string; dueOn: string } | null>`(select json_build_object('kind', d.kind, 'dueOn', d.due_on::text)
  from case_deadlines d where d.county_code = ${cases.countyCode} and d.case_id = ${cases.id} and d.met_at is null
  order by d.due_on, d.kind limit 1)`;

function whereOf(scope: Scope, f: CaseFilter, today: string): SQL {
  const conds: SQL[] = [eq(cases.countyCode, scope.countyCode), childScopeSql(scope)];
  if (f.status === 'open') conds.push(isNull(cases.closedAt));
  else if (f.status === 'closed_all') conds.push(isNotNull(cases.closedAt));
  else if (f.status) conds.push(eq(cases.status, f.status));
  if (f.townshipCode) conds.push(or(eq(children.householdTownshipCode, f.townshipCode), eq(schools.townshipCode, f.townshipCode)) as SQL);
  if (f.schoolId) conds.push(eq(children.schoolId, f.schoolId));
  if (f.grade) conds.push(eq(children.grade, f.grade));
  if (f.keyGroup)
    conds.push(
      sql`exists (select 1 from ${childKeyGroups} g where g.county_code = ${children.countyCode} and g.child_id = ${children.id} and g."group" = ${f.keyGroup})`,
    );
  if (f.overdue)
    conds.push(
      sql`exists (select 1 from case_deadlines d where d.county_code = ${cases.countyCode} and d.case_id = ${cases.id} and d.met_at is null and d.due_on < ${today}::date)`,
    );
  if (f.q) conds.push(childSearchSql(f.q));
  if (f.month) {
    const day = { reported: cases.reportedOn, confirmed: cases.confirmedOn, returned: cases.returnedOn }[f.monthEvent ?? 'reported'];
    conds.push(sql`${day} >= ${`${f.month}-01`}::date and ${day} < (${`${f.month}-01`}::date + interval '1 month')`);
  }
  if (f.childId) conds.push(eq(cases.childId, f.childId));
  if (f.caseId) conds.push(eq(cases.id, f.caseId));
  return and(...conds) as SQL;
}

const listColumns = {
  c: cases,
  child: children,
  schoolName: schools.name,
  className: classes.name,
  townshipName: township.name,
  villageName: village.name,
  keyGroups: keyGroupsAgg,
  nextDeadline: nextDeadlineSql,
};

function joined(db: DbOrTx) {
  return db
    .select(listColumns)
    .from(cases)
    .innerJoin(children, childJoin)
    .leftJoin(schools, and(eq(schools.countyCode, children.countyCode), eq(schools.id, children.schoolId)))
    .leftJoin(classes, and(eq(classes.countyCode, children.countyCode), eq(classes.id, children.classId)))
    .leftJoin(township, and(eq(township.countyCode, children.countyCode), eq(township.code, children.householdTownshipCode)))
    .leftJoin(village, and(eq(village.countyCode, children.countyCode), eq(village.code, children.householdVillageCode)));
}

/** Cases in scope with their child, school and the nearest open deadline; newest activity first. */
export async function listCases(db: DbOrTx, scope: Scope, f: CaseFilter, today: string, limit: number, offset: number) {
  const where = whereOf(scope, f, today);
  const [items, [{ total }]] = await Promise.all([
    joined(db).where(where).orderBy(desc(cases.updatedAt), desc(cases.id)).limit(limit).offset(offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(cases)
      .innerJoin(children, childJoin)
      .leftJoin(schools, and(eq(schools.countyCode, children.countyCode), eq(schools.id, children.schoolId)))
      .where(where),
  ]);
  return { items, total };
}

export type CaseListRow = Awaited<ReturnType<typeof listCases>>['items'][number];
