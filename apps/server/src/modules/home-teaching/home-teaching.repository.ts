import { aliasedTable, and, asc, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { RETURNED_STATUSES } from '@notoneless/shared';
import type { DbOrTx } from '../../db/client';
import { attachments, caseEvents, cases, children, divisions, homeTeachingSessions, schools } from '../../db/schema/index';
import type { Scope } from '../../policies/actor';
import { childScopeSql } from '../../policies/scope-sql';

export type SessionRow = typeof homeTeachingSessions.$inferSelect;

/** The 复学方案 of the case's latest return event (data.planKind), if any. */
const latestPlanSql = sql<
  string | null
>`(select e.data->>'planKind' from ${caseEvents} e where e.county_code = cases.county_code and e.case_id = cases.id and e.type = 'return' order by e.at desc limit 1)`;

export async function latestPlanKind(db: DbOrTx, countyCode: string, caseId: string): Promise<string | null> {
  const [r] = await db
    .select({ plan: latestPlanSql })
    .from(cases)
    .where(and(eq(cases.countyCode, countyCode), eq(cases.id, caseId)));
  return r?.plan ?? null;
}

export async function findSession(db: DbOrTx, countyCode: string, id: string): Promise<SessionRow | null> {
  const [r] = await db
    .select()
    .from(homeTeachingSessions)
    .where(and(eq(homeTeachingSessions.countyCode, countyCode), eq(homeTeachingSessions.id, id)));
  return r ?? null;
}

/** Inserts once: a resend with the same id (derived from the clientKey) leaves the first row. True when inserted. */
export async function insertSession(db: DbOrTx, row: typeof homeTeachingSessions.$inferInsert): Promise<boolean> {
  const r = await db.insert(homeTeachingSessions).values(row).onConflictDoNothing().returning({ id: homeTeachingSessions.id });
  return r.length === 1;
}

export async function findAttachments(db: DbOrTx, countyCode: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: attachments.id,
      caseId: attachments.caseId,
      fileName: attachments.fileName,
      mime: attachments.mime,
      size: attachments.size,
    })
    .from(attachments)
    .where(and(eq(attachments.countyCode, countyCode), inArray(attachments.id, ids)));
}

const township = aliasedTable(divisions, 'township');
const village = aliasedTable(divisions, 'village');

/** SQL twin of inHomeTeaching() (rules/cases/home-teaching.ts). */
const inHomeTeachingSql = or(
  eq(cases.status, 'home_teaching'),
  and(inArray(cases.status, [...RETURNED_STATUSES]), sql`${latestPlanSql} = '送教上门'`),
) as SQL;

/** Open cases in 送教上门 whose child is in scope, with the last session taught (any week). */
export async function casesInHomeTeaching(db: DbOrTx, scope: Scope) {
  return db
    .select({
      caseId: cases.id,
      status: cases.status,
      childId: children.id,
      childName: children.name,
      idNumber: children.idNumber,
      grade: children.grade,
      schoolName: schools.name,
      townshipName: township.name,
      villageName: village.name,
      lastTaughtOn: sql<
        string | null
      >`(select max(s.taught_on)::text from ${homeTeachingSessions} s where s.county_code = cases.county_code and s.case_id = cases.id)`,
      teacherName: sql<
        string | null
      >`(select s.teacher_name from ${homeTeachingSessions} s where s.county_code = cases.county_code and s.case_id = cases.id order by s.taught_on desc, s.recorded_at desc limit 1)`,
    })
    .from(cases)
    .innerJoin(children, and(eq(children.countyCode, cases.countyCode), eq(children.id, cases.childId)))
    .leftJoin(schools, and(eq(schools.countyCode, children.countyCode), eq(schools.id, children.schoolId)))
    .leftJoin(township, and(eq(township.countyCode, children.countyCode), eq(township.code, children.householdTownshipCode)))
    .leftJoin(village, and(eq(village.countyCode, children.countyCode), eq(village.code, children.householdVillageCode)))
    .where(and(eq(cases.countyCode, scope.countyCode), sql`${cases.closedAt} is null`, inHomeTeachingSql, childScopeSql(scope)))
    .orderBy(asc(children.name))
    .limit(2000);
}

export async function sessionsBetween(db: DbOrTx, countyCode: string, caseIds: string[], from: string, to: string) {
  if (!caseIds.length) return [];
  return db
    .select({ caseId: homeTeachingSessions.caseId, hours: homeTeachingSessions.hours, taughtOn: homeTeachingSessions.taughtOn })
    .from(homeTeachingSessions)
    .where(
      and(
        eq(homeTeachingSessions.countyCode, countyCode),
        inArray(homeTeachingSessions.caseId, caseIds),
        gte(homeTeachingSessions.taughtOn, from),
        lte(homeTeachingSessions.taughtOn, to),
      ),
    )
    .orderBy(desc(homeTeachingSessions.taughtOn));
}
