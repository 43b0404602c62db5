import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Explanations, Member, MonthlyFigures } from '@notoneless/shared';
import { rows, type DbOrTx } from '../../db/client';
import { monthlyReportEvents, monthlyReports } from '../../db/schema/index';
import type { RosterPerson } from './monthly-figures.repository';

export type ReportRow = typeof monthlyReports.$inferSelect;

/** What a submission freezes into `monthly_reports.figures`: the figures and the children behind each (never sent as is). */
export type FrozenFigures = { figures: MonthlyFigures; members: Record<string, Member[]>; rosterPeople: Record<string, RosterPerson> };

export type SchoolInfo = {
  id: string;
  name: string;
  code: string;
  townshipCode: string;
  townshipName: string;
  unitId: string;
  unitKind: string;
  unitName: string;
};

const schoolSelect = sql`select s.id, s.name, s.code, s.township_code as "townshipCode", coalesce(d.name, s.township_code) as "townshipName",
    s.unit_id as "unitId", u.kind as "unitKind", u.name as "unitName"
  from schools s
  left join divisions d on d.county_code = s.county_code and d.code = s.township_code
  left join management_units u on u.county_code = s.county_code and u.id = s.unit_id`;

export async function findSchool(db: DbOrTx, county: string, schoolId: string): Promise<SchoolInfo | null> {
  const [s] = await rows<SchoolInfo>(db, sql`${schoolSelect} where s.county_code = ${county} and s.id = ${schoolId}`);
  return s ?? null;
}

/** The active schools of the county that teach (have classes or children), filtered by scope and township. */
export async function listSchools(
  db: DbOrTx,
  county: string,
  f: { schoolIds: string[] | null; townshipCode?: string; schoolId?: string; unitIds?: string[] },
): Promise<SchoolInfo[]> {
  if (f.schoolIds && f.schoolIds.length === 0) return [];
  const ids = f.schoolIds
    ? sql`and s.id in (${sql.join(
        f.schoolIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  return rows<SchoolInfo>(
    db,
    sql`${schoolSelect} where s.county_code = ${county} and s.active ${ids}
        ${f.townshipCode ? sql`and s.township_code = ${f.townshipCode}` : sql``}
        ${f.schoolId ? sql`and s.id = ${f.schoolId}` : sql``}
        ${
          f.unitIds
            ? f.unitIds.length
              ? sql`and s.unit_id in (${sql.join(
                  f.unitIds.map((id) => sql`${id}::uuid`),
                  sql`, `,
                )})`
              : sql`and false`
            : sql``
        }
        order by s.township_code, s.code`,
  );
}

export async function countyName(db: DbOrTx, county: string): Promise<string> {
  const [c] = await rows<{ name: string }>(db, sql`select name from counties where code = ${county}`);
  return c?.name ?? county;
}

export async function townshipName(db: DbOrTx, county: string, code: string): Promise<string | null> {
  const [d] = await rows<{ name: string }>(db, sql`select name from divisions where county_code = ${county} and code = ${code}`);
  return d?.name ?? null;
}

/** Every version of a school's month, newest first. */
export async function versionsOf(db: DbOrTx, county: string, schoolId: string, month: string): Promise<ReportRow[]> {
  return db
    .select()
    .from(monthlyReports)
    .where(
      and(
        eq(monthlyReports.countyCode, county),
        eq(monthlyReports.level, 'school'),
        eq(monthlyReports.schoolId, schoolId),
        eq(monthlyReports.month, month),
      ),
    )
    .orderBy(desc(monthlyReports.version));
}

export async function findReport(db: DbOrTx, county: string, id: string): Promise<ReportRow | null> {
  const [r] = await db
    .select()
    .from(monthlyReports)
    .where(and(eq(monthlyReports.countyCode, county), eq(monthlyReports.id, id)));
  return r ?? null;
}

/** Lock the current version (concurrent submit/review: the second waits and then sees the new status). */
export async function lockReport(tx: DbOrTx, county: string, id: string): Promise<ReportRow | null> {
  const [r] = await rows<{ id: string }>(tx, sql`select id from monthly_reports where county_code = ${county} and id = ${id} for update`);
  return r ? findReport(tx, county, id) : null;
}

/** The current (newest) version of each school's month, with the date it was first submitted. */
export async function currentVersions(
  db: DbOrTx,
  county: string,
  months: string[],
  schoolIds: string[],
): Promise<(ReportRow & { firstSubmittedOn: string | null })[]> {
  if (!schoolIds.length || !months.length) return [];
  const current = await rows<{ id: string; firstSubmittedOn: string | null }>(
    db,
    sql`select distinct on (r.school_id, r.month) r.id,
          (select to_char(min(e.at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') from monthly_report_events e
            join monthly_reports v on v.county_code = e.county_code and v.id = e.report_id
            where e.county_code = r.county_code and v.school_id = r.school_id and v.month = r.month and e.action = 'submit') as "firstSubmittedOn"
        from monthly_reports r
        where r.county_code = ${county} and r.level = 'school' and r.month in (${sql.join(
          months.map((m) => sql`${m}`),
          sql`, `,
        )})
          and r.school_id in (${sql.join(
            schoolIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
        order by r.school_id, r.month, r.version desc`,
  );
  if (!current.length) return [];
  const full = await db
    .select()
    .from(monthlyReports)
    .where(
      and(
        eq(monthlyReports.countyCode, county),
        inArray(
          monthlyReports.id,
          current.map((c) => c.id),
        ),
      ),
    );
  const first = new Map(current.map((c) => [c.id, c.firstSubmittedOn]));
  return full.map((r) => ({ ...r, firstSubmittedOn: first.get(r.id) ?? null }));
}

/** The current version of each of these schools' month, by school id. */
export async function currentBySchool(db: DbOrTx, county: string, month: string, schools: { id: string }[]) {
  const current = await currentVersions(
    db,
    county,
    [month],
    schools.map((s) => s.id),
  );
  return new Map(current.map((r) => [r.schoolId, r]));
}

export async function firstSubmittedOn(db: DbOrTx, county: string, schoolId: string, month: string): Promise<string | null> {
  const [r] = await rows<{ d: string | null }>(
    db,
    sql`select to_char(min(e.at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as d from monthly_report_events e
        join monthly_reports v on v.county_code = e.county_code and v.id = e.report_id
        where e.county_code = ${county} and v.school_id = ${schoolId} and v.month = ${month} and e.action = 'submit'`,
  );
  return r?.d ?? null;
}

export async function insertReport(
  tx: DbOrTx,
  v: Pick<ReportRow, 'countyCode' | 'schoolId' | 'month' | 'version' | 'status'> & {
    explanations: Explanations;
    correctionReason?: string | null;
    unitId: string;
    now: Date;
  },
): Promise<string> {
  const id = uuidv7();
  await tx.insert(monthlyReports).values({
    countyCode: v.countyCode,
    id,
    level: 'school',
    schoolId: v.schoolId,
    unitId: v.unitId,
    month: v.month,
    version: v.version,
    status: v.status,
    explanations: v.explanations,
    correctionReason: v.correctionReason ?? null,
    createdAt: v.now,
    updatedAt: v.now,
  });
  return id;
}

export async function updateReport(tx: DbOrTx, county: string, id: string, set: Partial<typeof monthlyReports.$inferInsert>) {
  await tx
    .update(monthlyReports)
    .set(set)
    .where(and(eq(monthlyReports.countyCode, county), eq(monthlyReports.id, id)));
}

export async function addEvent(
  tx: DbOrTx,
  v: { countyCode: string; reportId: string; action: string; actorId: string | null; actorName: string; at: Date; comment?: string | null },
) {
  await tx.insert(monthlyReportEvents).values({ ...v, id: uuidv7(), comment: v.comment ?? null });
}

export async function eventsOf(db: DbOrTx, county: string, reportIds: string[]) {
  if (!reportIds.length) return [];
  return db
    .select()
    .from(monthlyReportEvents)
    .where(and(eq(monthlyReportEvents.countyCode, county), inArray(monthlyReportEvents.reportId, reportIds)))
    .orderBy(asc(monthlyReportEvents.at), asc(monthlyReportEvents.id));
}

/** The children behind a drill-down, for the list (masked by the service). */
export async function childrenByIds(db: DbOrTx, county: string, ids: string[]) {
  if (!ids.length) return [];
  return rows<{
    id: string;
    name: string;
    gender: string;
    idNumber: string | null;
    schoolName: string | null;
    grade: number | null;
    className: string | null;
  }>(
    db,
    sql`select c.id, c.name, c.gender, c.id_number as "idNumber", s.name as "schoolName", c.grade, k.name as "className"
        from children c
        left join schools s on s.county_code = c.county_code and s.id = c.school_id
        left join classes k on k.county_code = c.county_code and k.id = c.class_id
        where c.county_code = ${county} and c.id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
}

/** The school's children among ids (explanations may only name the school's own children). */
export async function childrenOfSchool(db: DbOrTx, county: string, schoolId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const found = await rows<{ id: string }>(
    db,
    sql`select id from children where county_code = ${county} and school_id = ${schoolId} and id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return new Set(found.map((f) => f.id));
}
