import { aliasedTable, and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { classes, divisions, managementUnits, schools, userRoles, users } from '../../db/schema/index';
import { likeEscape } from '../../lib/paging';
import { gradeLabel } from '../classes/grade';

export type ScopeOption = { id: string; name: string };

const like = (q: string) => `%${likeEscape(q)}%`;

export async function unitOptions(db: DbOrTx, countyCode: string, q: string | undefined, limit: number): Promise<ScopeOption[]> {
  return db
    .select({ id: managementUnits.id, name: managementUnits.name })
    .from(managementUnits)
    .where(
      and(
        eq(managementUnits.countyCode, countyCode),
        eq(managementUnits.active, true),
        q ? ilike(managementUnits.name, like(q)) : undefined,
      ),
    )
    .orderBy(asc(managementUnits.name))
    .limit(limit);
}

const parent = aliasedTable(divisions, 'parent');

/** Townships by name; villages as "乡镇 村" (village names repeat across townships). */
export async function divisionOptions(
  db: DbOrTx,
  countyCode: string,
  level: 'township' | 'village',
  q: string | undefined,
  limit: number,
): Promise<ScopeOption[]> {
  const name = level === 'village' ? sql<string>`concat(${parent.name}, ' ', ${divisions.name})` : sql<string>`${divisions.name}`;
  return db
    .select({ id: divisions.code, name })
    .from(divisions)
    .leftJoin(parent, and(eq(parent.countyCode, divisions.countyCode), eq(parent.code, divisions.parentCode)))
    .where(
      and(
        eq(divisions.countyCode, countyCode),
        eq(divisions.level, level),
        eq(divisions.active, true),
        q ? ilike(name, like(q)) : undefined,
      ),
    )
    .orderBy(asc(divisions.code))
    .limit(limit);
}

export async function schoolOptions(db: DbOrTx, countyCode: string, q: string | undefined, limit: number): Promise<ScopeOption[]> {
  return db
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(
      and(
        eq(schools.countyCode, countyCode),
        eq(schools.active, true),
        q ? or(ilike(schools.name, like(q)), ilike(schools.code, like(q))) : undefined,
      ),
    )
    .orderBy(asc(schools.townshipCode), asc(schools.name))
    .limit(limit);
}

/** Classes as "学校 年级班" (the same words scope-names.repository uses), limited to some schools when given. */
export async function classOptions(
  db: DbOrTx,
  countyCode: string,
  schoolIds: string[] | null,
  q: string | undefined,
  limit: number,
): Promise<ScopeOption[]> {
  if (schoolIds && !schoolIds.length) return [];
  const rows = await db
    .select({ id: classes.id, grade: classes.grade, name: classes.name, schoolYear: classes.schoolYear, schoolName: schools.name })
    .from(classes)
    .innerJoin(schools, and(eq(schools.countyCode, classes.countyCode), eq(schools.id, classes.schoolId)))
    .where(
      and(
        eq(classes.countyCode, countyCode),
        eq(classes.active, true),
        schoolIds ? inArray(classes.schoolId, schoolIds) : undefined,
        q ? or(ilike(classes.name, like(q)), ilike(schools.name, like(q))) : undefined,
      ),
    )
    .orderBy(asc(schools.name), desc(classes.schoolYear), asc(classes.grade), asc(classes.name))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, name: `${r.schoolName} ${gradeLabel(r.grade)}${r.name}` }));
}

/** Active accounts of the county holding any role on the school or one of its classes: "姓名（用户名）". */
export async function teacherOptions(
  db: DbOrTx,
  countyCode: string,
  schoolId: string,
  q: string | undefined,
  limit: number,
): Promise<ScopeOption[]> {
  const onSchool: SQL = sql`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and (
    (${userRoles.scopeKind} = 'school' and ${userRoles.scopeId} = ${schoolId})
    or (${userRoles.scopeKind} = 'class' and ${userRoles.scopeId} in (
      select ${classes.id}::text from ${classes} where ${classes.countyCode} = ${countyCode} and ${classes.schoolId} = ${schoolId}))))`;
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, username: users.username })
    .from(users)
    .where(
      and(
        eq(users.countyCode, countyCode),
        eq(users.active, true),
        onSchool,
        q ? or(ilike(users.displayName, like(q)), ilike(users.username, like(q))) : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.username))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, name: `${r.displayName}（${r.username}）` }));
}
