import { and, asc, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { children, classes, schools, users } from '../../db/schema/index';
import type { Scope } from '../../policies/actor';
import { classScopeSql } from '../../policies/scope-sql';

export type ClassFilter = { schoolId?: string; grade?: number; schoolYear?: number; includeInactive?: boolean };

const studentCount = sql<number>`(select count(*)::int from ${children} where ${children.countyCode} = ${classes.countyCode} and ${children.classId} = ${classes.id})`;

function baseQuery(db: DbOrTx) {
  return db
    .select({ cls: classes, schoolName: schools.name, headTeacherName: users.displayName, studentCount })
    .from(classes)
    .innerJoin(schools, and(eq(schools.countyCode, classes.countyCode), eq(schools.id, classes.schoolId)))
    .leftJoin(users, eq(users.id, classes.headTeacherId));
}

function whereOf(scope: Scope, f: ClassFilter): SQL {
  const conds: SQL[] = [classScopeSql(scope)];
  if (!f.includeInactive) conds.push(eq(classes.active, true));
  if (f.schoolId) conds.push(eq(classes.schoolId, f.schoolId));
  if (f.grade) conds.push(eq(classes.grade, f.grade));
  if (f.schoolYear) conds.push(eq(classes.schoolYear, f.schoolYear));
  return and(...conds) as SQL;
}

/** Classes the scope covers: by school, the newest school year first, then grade and name. */
export async function listClasses(db: DbOrTx, scope: Scope, f: ClassFilter, limit: number, offset: number) {
  const where = whereOf(scope, f);
  const [items, [{ total }]] = await Promise.all([
    baseQuery(db)
      .where(where)
      .orderBy(asc(schools.name), desc(classes.schoolYear), asc(classes.grade), asc(classes.name), asc(classes.id))
      .limit(limit)
      .offset(offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(classes)
      .where(where),
  ]);
  return { items, total };
}
export type ClassRow = Awaited<ReturnType<typeof listClasses>>['items'][number];

/** The class if the scope covers it; null when it does not exist or is out of scope (both answer 404). */
export async function findVisibleClass(db: DbOrTx, scope: Scope, id: string): Promise<ClassRow | null> {
  const [r] = await baseQuery(db).where(and(classScopeSql(scope), eq(classes.id, id)));
  return r ?? null;
}

/** Another class of the school with the same school year, grade and name. */
export async function findSameClass(
  db: DbOrTx,
  countyCode: string,
  k: { schoolId: string; schoolYear: number; grade: number; name: string },
  exceptId?: string,
) {
  const [r] = await db
    .select({ id: classes.id })
    .from(classes)
    .where(
      and(
        eq(classes.countyCode, countyCode),
        eq(classes.schoolId, k.schoolId),
        eq(classes.schoolYear, k.schoolYear),
        eq(classes.grade, k.grade),
        eq(classes.name, k.name),
        exceptId ? ne(classes.id, exceptId) : undefined,
      ),
    );
  return r ?? null;
}

export async function insertClass(db: DbOrTx, v: typeof classes.$inferInsert) {
  await db.insert(classes).values(v);
}

export async function updateClass(db: DbOrTx, countyCode: string, id: string, v: Partial<typeof classes.$inferInsert>) {
  if (Object.values(v).every((x) => x === undefined)) return;
  await db
    .update(classes)
    .set(v)
    .where(and(eq(classes.countyCode, countyCode), eq(classes.id, id)));
}
