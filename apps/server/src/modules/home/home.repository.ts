import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { auditEvents, children, childKeyGroups, classes, divisions, schools } from '../../db/schema/index';
import type { Scope } from '../../policies/actor';
import { childScopeSql, classScopeSql, schoolScopeSql } from '../../policies/scope-sql';

const count = sql<number>`count(*)::int`;

export async function scopeCounts(db: DbOrTx, scope: Scope, classSchoolIds: string[]) {
  const c = scope.countyCode;
  const [[kids], [sch], [cls]] = await Promise.all([
    db.select({ n: count }).from(children).where(childScopeSql(scope)),
    db
      .select({ n: count })
      .from(schools)
      .where(and(schoolScopeSql(scope, classSchoolIds), eq(schools.active, true))),
    db
      .select({ n: count })
      .from(classes)
      .where(and(classScopeSql(scope), eq(classes.active, true))),
  ]);
  const townshipCodes = scope.county ? null : await scopeTownships(db, scope);
  const [[tw], [vi]] = await Promise.all([
    db
      .select({ n: count })
      .from(divisions)
      .where(
        and(
          eq(divisions.countyCode, c),
          eq(divisions.level, 'township'),
          eq(divisions.active, true),
          townshipCodes ? inArray(divisions.code, townshipCodes.length ? townshipCodes : ['-']) : undefined,
        ),
      ),
    db
      .select({ n: count })
      .from(divisions)
      .where(
        and(
          eq(divisions.countyCode, c),
          eq(divisions.level, 'village'),
          eq(divisions.active, true),
          scope.county
            ? undefined
            : sql`(${divisions.parentCode} in (${sql.join(
                (townshipCodes?.length ? townshipCodes : ['-']).map((t) => sql`${t}`),
                sql`, `,
              )}) or ${divisions.code} in (${sql.join(
                (scope.villageCodes.length ? scope.villageCodes : ['-']).map((v) => sql`${v}`),
                sql`, `,
              )}))`,
        ),
      ),
  ]);
  return { children: kids.n, schools: sch.n, classes: cls.n, townships: tw.n, villages: vi.n };
}

/** Townships an actor's scope reaches: granted townships and those of their schools. */
async function scopeTownships(db: DbOrTx, scope: Scope): Promise<string[]> {
  const fromSchools = scope.schoolIds.length
    ? await db
        .selectDistinct({ t: schools.townshipCode })
        .from(schools)
        .where(and(eq(schools.countyCode, scope.countyCode), inArray(schools.id, scope.schoolIds)))
    : [];
  return [...new Set([...scope.townshipCodes, ...fromSchools.map((r) => r.t)])];
}

export async function keyGroupCounts(db: DbOrTx, scope: Scope) {
  return db
    .select({ group: childKeyGroups.group, count: sql<number>`count(distinct ${childKeyGroups.childId})::int` })
    .from(childKeyGroups)
    .innerJoin(children, and(eq(children.countyCode, childKeyGroups.countyCode), eq(children.id, childKeyGroups.childId)))
    .where(childScopeSql(scope))
    .groupBy(childKeyGroups.group)
    .orderBy(desc(sql`count(distinct ${childKeyGroups.childId})`));
}

export async function childrenByTownship(db: DbOrTx, scope: Scope) {
  return db
    .select({ code: divisions.code, name: divisions.name, children: count })
    .from(children)
    .innerJoin(divisions, and(eq(divisions.countyCode, children.countyCode), eq(divisions.code, children.householdTownshipCode)))
    .where(childScopeSql(scope))
    .groupBy(divisions.code, divisions.name)
    .orderBy(asc(divisions.code));
}

export async function childrenByGrade(db: DbOrTx, scope: Scope) {
  const r = await db
    .select({ grade: children.grade, children: count })
    .from(children)
    .where(and(childScopeSql(scope), sql`${children.grade} is not null`))
    .groupBy(children.grade)
    .orderBy(asc(children.grade));
  return r.map((x) => ({ grade: x.grade ?? 0, children: x.children }));
}

export async function classSchoolIds(db: DbOrTx, countyCode: string, classIds: string[]) {
  if (!classIds.length) return [];
  const r = await db
    .selectDistinct({ id: classes.schoolId })
    .from(classes)
    .where(and(eq(classes.countyCode, countyCode), inArray(classes.id, classIds)));
  return r.map((x) => x.id);
}

/** The latest changes: the whole county's for county staff, one's own otherwise. */
export async function recentActivity(db: DbOrTx, countyCode: string, actorId: string | null, limit = 8) {
  return db
    .select({ at: auditEvents.at, actorName: auditEvents.actorName, action: auditEvents.action })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.countyCode, countyCode),
        actorId ? eq(auditEvents.actorId, actorId) : undefined,
        sql`${auditEvents.action} not in ('child.viewed', 'audit.viewed')`,
      ),
    )
    .orderBy(desc(auditEvents.at))
    .limit(limit);
}
