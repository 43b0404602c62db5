import { sql } from 'drizzle-orm';
import type { AbsenceReason, AttendanceCounts } from '@notoneless/shared';
import { rows, type DbOrTx } from '../../db/client';
import { absences, attendanceReports, attendanceSubmissions } from '../../db/schema/index';

/** 到校日报 storage: one report per class and day, its absences, and the client keys of its submissions. */

export type ClassRow = {
  countyCode: string;
  id: string;
  schoolId: string;
  grade: number;
  name: string;
  schoolName: string;
  active: boolean;
  schoolYear: number;
};

export async function findClass(db: DbOrTx, countyCode: string, classId: string): Promise<ClassRow | null> {
  const [c] = await rows<ClassRow>(
    db,
    sql`select k.county_code as "countyCode", k.id, k.school_id as "schoolId", k.grade, k.name, s.name as "schoolName",
          k.active, k.school_year as "schoolYear"
        from classes k join schools s on s.county_code = k.county_code and s.id = k.school_id
        where k.county_code = ${countyCode} and k.id = ${classId}`,
  );
  return c ?? null;
}

export type ReportRow = typeof attendanceReports.$inferSelect;
export type AbsenceRow = typeof absences.$inferSelect;
export type AbsenceWithName = AbsenceRow & { name: string };

export async function findReport(db: DbOrTx, countyCode: string, classId: string, date: string): Promise<ReportRow | null> {
  const [r] = await db
    .select()
    .from(attendanceReports)
    .where(
      sql`${attendanceReports.countyCode} = ${countyCode} and ${attendanceReports.classId} = ${classId} and ${attendanceReports.date} = ${date}`,
    );
  return r ?? null;
}

export async function findReportById(db: DbOrTx, countyCode: string, id: string): Promise<ReportRow | null> {
  const [r] = await db
    .select()
    .from(attendanceReports)
    .where(sql`${attendanceReports.countyCode} = ${countyCode} and ${attendanceReports.id} = ${id}`);
  return r ?? null;
}

export async function absencesOf(db: DbOrTx, countyCode: string, reportId: string): Promise<AbsenceWithName[]> {
  return rows<AbsenceWithName>(
    db,
    sql`select a.county_code as "countyCode", a.report_id as "reportId", a.child_id as "childId", a.class_id as "classId",
          a.date::text as date, a.reason, a.contact_result as "contactResult", a.note, a.leave_id as "leaveId", a.origin, c.name
        from absences a join children c on c.county_code = a.county_code and c.id = a.child_id
        where a.county_code = ${countyCode} and a.report_id = ${reportId}
        order by c.name`,
  );
}

export async function findSubmission(db: DbOrTx, countyCode: string, clientKey: string) {
  const [s] = await db
    .select()
    .from(attendanceSubmissions)
    .where(sql`${attendanceSubmissions.countyCode} = ${countyCode} and ${attendanceSubmissions.clientKey} = ${clientKey}`);
  return s ?? null;
}

/** Record the submission's key; false when it was already recorded (a resend that raced the first). */
export async function insertSubmission(db: DbOrTx, v: typeof attendanceSubmissions.$inferInsert): Promise<boolean> {
  const r = await db.insert(attendanceSubmissions).values(v).onConflictDoNothing().returning({ k: attendanceSubmissions.clientKey });
  return r.length === 1;
}

export type ReportWrite = {
  countyCode: string;
  id: string;
  classId: string;
  schoolId: string;
  date: string;
  listSource: 'roster' | 'registry';
  enrolled: number;
  counts: Omit<AttendanceCounts, 'enrolled'>;
  by: string;
  byName: string;
  at: Date;
};

/** Insert the class's report of the day, or update it (version + 1); `created` tells which. */
export async function upsertReport(db: DbOrTx, w: ReportWrite): Promise<{ id: string; version: number; created: boolean }> {
  const at = w.at.toISOString();
  const [r] = await rows<{ id: string; version: number; created: boolean }>(
    db,
    sql`insert into attendance_reports (county_code, id, class_id, school_id, date, list_source, enrolled, present, sick, personal,
          unexplained, late, submitted_by, submitted_by_name, first_submitted_at, submitted_at, version)
        values (${w.countyCode}, ${w.id}, ${w.classId}, ${w.schoolId}, ${w.date}, ${w.listSource}, ${w.enrolled}, ${w.counts.present},
          ${w.counts.sick}, ${w.counts.personal}, ${w.counts.unexplained}, ${w.counts.late}, ${w.by}, ${w.byName}, ${at}::timestamptz,
          ${at}::timestamptz, 1)
        on conflict (county_code, class_id, date) do update set
          list_source = excluded.list_source, enrolled = excluded.enrolled, present = excluded.present, sick = excluded.sick,
          personal = excluded.personal, unexplained = excluded.unexplained, late = excluded.late,
          submitted_by = excluded.submitted_by, submitted_by_name = excluded.submitted_by_name,
          submitted_at = excluded.submitted_at, version = attendance_reports.version + 1
        returning id, version, (xmax = 0) as created`,
  );
  return r;
}

export async function replaceAbsences(db: DbOrTx, countyCode: string, reportId: string, list: (typeof absences.$inferInsert)[]) {
  await db.delete(absences).where(sql`${absences.countyCode} = ${countyCode} and ${absences.reportId} = ${reportId}`);
  if (list.length) await db.insert(absences).values(list);
}

/** Remove the absences a leave put on its days from `from` on (销假), and recount the reports they were on. */
export async function removeLeaveAbsences(db: DbOrTx, countyCode: string, leaveId: string, from: string): Promise<string[]> {
  const gone = await rows<{ reportId: string }>(
    db,
    sql`delete from absences where county_code = ${countyCode} and leave_id = ${leaveId} and date >= ${from}
          and origin in ('leave', 'leave_overdue')
        returning report_id as "reportId"`,
  );
  const ids = [...new Set(gone.map((g) => g.reportId))];
  for (const id of ids) await recount(db, countyCode, id);
  return ids;
}

const COUNT_OF: Record<AbsenceReason, string> = { 病假: 'sick', 事假: 'personal', 无故缺勤: 'unexplained', 迟到: 'late' };

/** The report's counts from its absences (after a change that did not come through a submission). */
export async function recount(db: DbOrTx, countyCode: string, reportId: string) {
  const n = await rows<{ reason: AbsenceReason; n: number }>(
    db,
    sql`select reason, count(*)::int as n from absences where county_code = ${countyCode} and report_id = ${reportId} group by reason`,
  );
  const c = { sick: 0, personal: 0, unexplained: 0, late: 0 };
  for (const r of n) c[COUNT_OF[r.reason] as keyof typeof c] = r.n;
  await db.execute(
    sql`update attendance_reports set sick = ${c.sick}, personal = ${c.personal}, unexplained = ${c.unexplained}, late = ${c.late},
          present = enrolled - ${c.sick + c.personal + c.unexplained}
        where county_code = ${countyCode} and id = ${reportId}`,
  );
}

/** Unexplained absences of these children from `from` on (for the absence rules). */
export async function unexplainedSince(db: DbOrTx, countyCode: string, childIds: string[], from: string, to: string) {
  if (!childIds.length) return [];
  return rows<{ childId: string; date: string }>(
    db,
    sql`select child_id as "childId", date::text as date from absences
        where county_code = ${countyCode} and child_id in (${sql.join(
          childIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
          and reason = '无故缺勤' and date between ${from} and ${to}`,
  );
}
