import { aliasedTable, and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { children, classes, divisions, managementUnits, schools } from '../../db/schema/index';
import type { Scope } from '../../policies/actor';
import { schoolScopeSql } from '../../policies/scope-sql';
import { likeEscape } from '../../lib/paging';

export type SchoolFilter = { q?: string; townshipCode?: string; unitId?: string; type?: string; includeInactive?: boolean };

const township = aliasedTable(divisions, 'township');

const classCount = sql<number>`(select count(*)::int from ${classes} where ${classes.countyCode} = ${schools.countyCode} and ${classes.schoolId} = ${schools.id} and ${classes.active})`;
const studentCount = sql<number>`(select count(*)::int from ${children} where ${children.countyCode} = ${schools.countyCode} and ${children.schoolId} = ${schools.id})`;

function baseQuery(db: DbOrTx) {
  return db
    .select({ school: schools, townshipName: township.name, unitName: managementUnits.name, classCount, studentCount })
    .from(schools)
    .leftJoin(township, and(eq(township.countyCode, schools.countyCode), eq(township.code, schools.townshipCode)))
    .leftJoin(managementUnits, and(eq(managementUnits.countyCode, schools.countyCode), eq(managementUnits.id, schools.unitId)));
}

function whereOf(scope: Scope, classSchoolIds: string[], f: SchoolFilter): SQL {
  const conds: SQL[] = [schoolScopeSql(scope, classSchoolIds)];
  if (!f.includeInactive) conds.push(eq(schools.active, true));
  if (f.townshipCode) conds.push(eq(schools.townshipCode, f.townshipCode));
  if (f.unitId) conds.push(eq(schools.unitId, f.unitId));
  if (f.type) conds.push(eq(schools.type, f.type));
  if (f.q) {
    const like = `%${likeEscape(f.q)}%`;
    conds.push(or(ilike(schools.name, like), ilike(schools.code, like)) as SQL);
  }
  return and(...conds) as SQL;
}

/** Schools the scope covers (plus the schools of a head teacher's classes), by township and name. */
export async function listSchools(db: DbOrTx, scope: Scope, classSchoolIds: string[], f: SchoolFilter, limit: number, offset: number) {
  const where = whereOf(scope, classSchoolIds, f);
  const [items, [{ total }]] = await Promise.all([
    baseQuery(db).where(where).orderBy(asc(schools.townshipCode), asc(schools.name), asc(schools.id)).limit(limit).offset(offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(schools)
      .where(where),
  ]);
  return { items, total };
}
export type SchoolRow = Awaited<ReturnType<typeof listSchools>>['items'][number];

/** The school if the scope covers it; null when it does not exist or is out of scope (both answer 404). */
export async function findVisibleSchool(db: DbOrTx, scope: Scope, classSchoolIds: string[], id: string): Promise<SchoolRow | null> {
  const [r] = await baseQuery(db).where(and(schoolScopeSql(scope, classSchoolIds), eq(schools.id, id)));
  return r ?? null;
}

export async function findSchoolByCode(db: DbOrTx, countyCode: string, code: string) {
  const [s] = await db
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(and(eq(schools.countyCode, countyCode), eq(schools.code, code)));
  return s ?? null;
}

/** The schools of a head teacher's classes (they see their school too). */
export async function classSchoolIds(db: DbOrTx, countyCode: string, classIds: string[]): Promise<string[]> {
  if (!classIds.length) return [];
  const r = await db
    .selectDistinct({ id: classes.schoolId })
    .from(classes)
    .where(and(eq(classes.countyCode, countyCode), inArray(classes.id, classIds)));
  return r.map((x) => x.id);
}

export async function insertSchool(db: DbOrTx, v: typeof schools.$inferInsert) {
  await db.insert(schools).values(v);
}

export async function updateSchool(db: DbOrTx, countyCode: string, id: string, v: Partial<typeof schools.$inferInsert>) {
  if (Object.values(v).every((x) => x === undefined)) return;
  await db
    .update(schools)
    .set(v)
    .where(and(eq(schools.countyCode, countyCode), eq(schools.id, id)));
}
