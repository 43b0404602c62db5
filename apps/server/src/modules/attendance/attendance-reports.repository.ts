import { sql, type SQL } from 'drizzle-orm';
import type { AbsenceReason, AttendanceCounts, SchoolCalendar } from '@notoneless/shared';
import { preparedRows, rows, type DbOrTx } from '../../db/client';
import { absences, attendanceReports, attendanceSubmissions } from '../../db/schema/index';
import { classListSql, type ListRow } from './class-list.repository';

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

/** What a submission must know before it writes, in one round trip (issue 6 "Load"). */
export type SubmitFacts = ClassRow & {
  /** the report an earlier submission with this clientKey recorded */
  earlierReportId: string | null;
  /** the county's stored setting overrides (merged over the defaults by the caller, as getCountySettings does) */
  settingValues: Record<string, unknown> | null;
  terms: SchoolCalendar['terms'];
  days: SchoolCalendar['days'];
  /** the class list's rows (classListSql) as [kind, snapshotId, committedAt, childId, name]: what a submission needs */
  list: [ListRow['kind'], string | null, string | null, string | null, string][];
  /** the leaves bearing on the day of the listed children (leavesBearingOn) */
  leaves: DayLeave[];
};

export type DayLeave = { id: string; childId: string; kind: string; from: string; to: string; status: string; closedOn: string | null };

/**
 * Everything a submission reads, as one prepared statement: the class (with its school's name), the clientKey's
 * earlier submission, the county's settings and calendar, the class list and the
 * leaves of its children bearing on the day — the twin of leavesBearingOn() (leaves.repository.ts): a leave covering the
 * day (pending or approved), or an approved leave that ended before it with no 销假.
 */
const P = sql.placeholder;

type FactsArgs = { countyCode: SQL; classId: SQL; clientKey: SQL; date: SQL };

function factsSql(q: FactsArgs): SQL {
  const k = {
    countyCode: q.countyCode,
    id: sql`(select id from k)`,
    schoolId: sql`(select school_id from k)`,
    grade: sql`(select grade from k)`,
    name: sql`(select name from k)`,
  };
  return sql`with k as (
        select k.county_code, k.id, k.school_id, k.grade, k.name, s.name as school_name, k.active, k.school_year
        from classes k join schools s on s.county_code = k.county_code and s.id = k.school_id
        where k.county_code = ${q.countyCode} and k.id = ${q.classId}),
      list as (${classListSql(k)})
      select k.county_code as "countyCode", k.id, k.school_id as "schoolId", k.grade, k.name, k.school_name as "schoolName",
        k.active, k.school_year as "schoolYear",
        (select x.report_id from attendance_submissions x where x.county_code = k.county_code and x.client_key = ${q.clientKey})
          as "earlierReportId",
        (select v.values from county_settings v where v.county_code = k.county_code) as "settingValues",
        coalesce((select json_agg(json_build_object('name', t.name, 'startDate', t.start_date, 'endDate', t.end_date) order by t.start_date)
          from school_terms t where t.county_code = k.county_code), '[]'::json) as terms,
        coalesce((select json_agg(json_build_object('date', d.date, 'kind', d.kind, 'name', d.name) order by d.date)
          from calendar_days d where d.county_code = k.county_code), '[]'::json) as days,
        coalesce((select json_agg(json_build_array(kind, "snapshotId", "committedAt", "childId", name)
          order by "rowNo", "studentNo" nulls last, name) from list), '[]'::json) as list,
        coalesce((select json_agg(json_build_object('id', l.id, 'childId', l.child_id, 'kind', l.kind, 'from', l.from_date,
            'to', l.to_date, 'status', l.status, 'closedOn', l.closed_on) order by l.to_date desc)
          from leave_requests l
          where l.county_code = k.county_code and l.child_id in (select "childId" from list where "childId" is not null)
            and ((l.from_date <= ${q.date} and l.to_date >= ${q.date} and l.status in ('pending', 'approved'))
              or (l.to_date < ${q.date} and l.status = 'approved' and l.closed_on is null))), '[]'::json) as leaves
      from k`;
}

const submitFacts = preparedRows<SubmitFacts>('nol_att_submit_facts', () =>
  factsSql({
    countyCode: sql`${P('countyCode')}`,
    classId: sql`${P('classId')}`,
    clientKey: sql`${P('clientKey')}`,
    date: sql`${P('date')}::date`,
  }),
);

/** The facts of several submissions in one statement (see group()): one row for each whose class exists, by its `n`. */
const submitFactsMany = preparedRows<SubmitFacts & { n: number }>(
  'nol_att_submit_facts_many',
  () =>
    sql`select q.n, f.* from json_to_recordset(${P('batch')}::json) as q(n int, "countyCode" text, "classId" uuid, "clientKey" text, date date)
      cross join lateral (${factsSql({ countyCode: sql`q."countyCode"`, classId: sql`q."classId"`, clientKey: sql`q."clientKey"`, date: sql`q.date` })}) f`,
);

/** The class list's rows of the facts, as classListSql gives them (row number, 学号 and gender left out). */
export const listOfFacts = (f: SubmitFacts): ListRow[] =>
  f.list.map(([kind, snapshotId, committedAt, childId, name]) => ({
    kind,
    snapshotId,
    committedAt,
    rowNo: 0,
    name,
    studentNo: null,
    childId,
    gender: null,
  }));

export async function findSubmitFacts(
  db: DbOrTx,
  countyCode: string,
  classId: string,
  clientKey: string,
  date: string,
): Promise<SubmitFacts | null> {
  const [f] = await submitFacts(db, { countyCode, classId, clientKey, date });
  return f ?? null;
}

type FactsQuery = { countyCode: string; classId: string; clientKey: string; date: string };

/** findSubmitFacts, grouped (see grouped()): the facts of the submissions arriving meanwhile read in one statement. */
export const findSubmitFactsGrouped = grouped<FactsQuery, SubmitFacts | null>(
  (db, q) => findSubmitFacts(db, q.countyCode, q.classId, q.clientKey, q.date),
  async (db, qs) => {
    const found = await submitFactsMany(db, { batch: JSON.stringify(qs.map((q, n) => ({ n, ...q }))) });
    const byN = new Map(found.map(({ n, ...f }) => [n, f as SubmitFacts]));
    return qs.map((_, n) => byN.get(n) ?? null);
  },
);

type Waiting<I, O> = { input: I; resolve: (o: O) => void; reject: (e: unknown) => void };

/** at most this many submissions in one grouped statement */
const GROUP_MAX = 64;

/**
 * Group a hot statement of the submission path (issue 6 "Load"): while one is on its way to the database, the calls
 * arriving meanwhile wait and then go together as one statement (`many`, results in the order of the inputs). There
 * is no timer: a call arriving while nothing is on its way goes at once, alone (`one`). Each call is answered only
 * when the statement that served it has finished — for a write, committed. When the grouped statement fails, nothing
 * of it took effect (one statement, one transaction) and every call of the group runs again by itself (`one`), so
 * that one failing call cannot take the others down: it fails alone, with its own error.
 */
function grouped<I, O>(one: (db: DbOrTx, input: I) => Promise<O>, many: (db: DbOrTx, inputs: I[]) => Promise<O[]>) {
  const queues = new WeakMap<object, { waiting: Waiting<I, O>[]; busy: boolean }>();
  const drain = async (db: DbOrTx, q: { waiting: Waiting<I, O>[]; busy: boolean }) => {
    q.busy = true;
    try {
      while (q.waiting.length) {
        const group = q.waiting.splice(0, GROUP_MAX);
        let out: O[] | null = null;
        if (group.length > 1)
          try {
            out = await many(
              db,
              group.map((w) => w.input),
            );
          } catch {
            out = null;
          }
        if (out) group.forEach((w, i) => w.resolve(out[i]));
        else await Promise.all(group.map((w) => one(db, w.input).then(w.resolve, w.reject)));
      }
    } finally {
      q.busy = false;
    }
  };
  return (db: DbOrTx, input: I): Promise<O> => {
    let q = queues.get(db);
    if (!q) queues.set(db, (q = { waiting: [], busy: false }));
    const queue = q;
    return new Promise<O>((resolve, reject) => {
      queue.waiting.push({ input, resolve, reject });
      if (!queue.busy) void drain(db, queue);
    });
  };
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

const REPORT_COLUMNS = sql`county_code as "countyCode", id, class_id as "classId", school_id as "schoolId", date::text as date,
  list_source as "listSource", enrolled, present, sick, personal, unexplained, late, submitted_by as "submittedBy",
  submitted_by_name as "submittedByName", first_submitted_at as "firstSubmittedAt", submitted_at as "submittedAt", version`;

export type FirstReportWrite = Omit<ReportWrite, 'id'> & {
  id: string;
  absences: Omit<typeof absences.$inferInsert, 'countyCode' | 'reportId' | 'classId' | 'date'>[];
  clientKey: string;
  audit: { id: string; actorName: string; ip: string | null; data: Record<string, unknown> };
};

/**
 * The first report of a class's day as one statement — one transaction by itself — writing the report, its absences,
 * the submission's clientKey and the audit event 'attendance.reported'; it may also run inside a transaction (with the
 * absence rules). All or nothing: when the class already has its report of the day (even one a concurrent submission is
 * writing) the report insert does nothing and neither does anything hanging on it; when the clientKey is already
 * recorded (by a concurrent submission for another class or day) the audit event's action comes out null and the
 * statement fails on that NOT NULL (23502), undoing the report. Either way the caller gets null and takes the general
 * path, which updates the report or answers with the earlier submission.
 */
const firstReport = preparedRows<{ report: ReportRow | null; absences: AbsenceWithName[] | null }>(
  'nol_att_first_report',
  () =>
    sql`with up as (
        insert into attendance_reports (county_code, id, class_id, school_id, date, list_source, enrolled, present, sick, personal,
          unexplained, late, submitted_by, submitted_by_name, first_submitted_at, submitted_at, version)
        values (${P('countyCode')}, ${P('id')}, ${P('classId')}, ${P('schoolId')}, ${P('date')}, ${P('listSource')}, ${P('enrolled')}, ${P('present')},
          ${P('sick')}, ${P('personal')}, ${P('unexplained')}, ${P('late')}, ${P('by')}, ${P('byName')}, ${P('at')}::timestamptz,
          ${P('at')}::timestamptz, 1)
        on conflict do nothing
        returning ${REPORT_COLUMNS}),
      sub as (
        insert into attendance_submissions (county_code, client_key, report_id, version, submitted_by, submitted_at)
        select up."countyCode", ${P('clientKey')}::text, up.id, 1, up."submittedBy", up."submittedAt" from up
        on conflict do nothing
        returning report_id),
      ab as (
        insert into absences (county_code, report_id, child_id, class_id, date, reason, contact_result, note, leave_id, origin)
        select up."countyCode", up.id, a."childId", up."classId", up.date::date, a.reason, a."contactResult", a.note, a."leaveId", a.origin
        from up, json_to_recordset(${P('absences')}::json)
          as a("childId" uuid, reason text, "contactResult" text, note text, "leaveId" uuid, origin text)
        returning county_code, report_id, child_id, class_id, date, reason, contact_result, note, leave_id, origin),
      aud as (
        insert into audit_events (county_code, id, at, actor_id, actor_name, ip, action, target_type, target_id, child_id, data)
        select up."countyCode", ${P('auditId')}::uuid, up."submittedAt", up."submittedBy", ${P('actorName')}::text, ${P('ip')}::text,
          (select 'attendance.reported' from sub), 'attendance_report', up.id::text, null, ${P('auditData')}::jsonb
        from up
        returning 1)
      select (select row_to_json(up) from up) as report,
        (select json_agg(json_build_object('countyCode', ab.county_code, 'reportId', ab.report_id, 'childId', ab.child_id,
            'classId', ab.class_id, 'date', ab.date, 'reason', ab.reason, 'contactResult', ab.contact_result, 'note', ab.note,
            'leaveId', ab.leave_id, 'origin', ab.origin, 'name', c.name) order by c.name)
          from ab join children c on c.county_code = ab.county_code and c.id = ab.child_id) as absences,
        (select count(*) from aud) as audited`,
);

const firstReportValues = (w: FirstReportWrite) => ({
  countyCode: w.countyCode,
  id: w.id,
  classId: w.classId,
  schoolId: w.schoolId,
  date: w.date,
  listSource: w.listSource,
  enrolled: w.enrolled,
  present: w.counts.present,
  sick: w.counts.sick,
  personal: w.counts.personal,
  unexplained: w.counts.unexplained,
  late: w.counts.late,
  by: w.by,
  byName: w.byName,
  at: w.at.toISOString(),
  clientKey: w.clientKey,
  absences: w.absences,
  auditId: w.audit.id,
  actorName: w.audit.actorName,
  ip: w.audit.ip,
  auditData: w.audit.data,
});

type FirstReportResult = { report: ReportRow; absences: AbsenceWithName[] } | null;

const firstReportOf = (r: { report: ReportRow | null; absences: AbsenceWithName[] | null } | undefined): FirstReportResult => {
  if (!r?.report) return null;
  const report = { ...r.report, firstSubmittedAt: new Date(r.report.firstSubmittedAt), submittedAt: new Date(r.report.submittedAt) };
  return { report, absences: r.absences ?? [] };
};

export async function insertFirstReport(db: DbOrTx, w: FirstReportWrite): Promise<FirstReportResult> {
  let r: { report: ReportRow | null; absences: AbsenceWithName[] | null } | undefined;
  const v = firstReportValues(w);
  try {
    [r] = await firstReport(db, { ...v, absences: JSON.stringify(v.absences), auditData: JSON.stringify(v.auditData) });
  } catch (e) {
    const x = e as { code?: string; cause?: { code?: string } };
    if (x.code === '23502' || x.cause?.code === '23502') return null;
    throw e;
  }
  return firstReportOf(r);
}

/**
 * The first reports of several classes' days as one statement (group commit, issue 6 "Load"): the twin of firstReport
 * for a JSON array of submissions — each one's report, absences, clientKey and audit event, all in the one statement's
 * transaction, committed before any of them is answered. A class that already has its report of the day writes nothing
 * (no row comes back for it: its caller takes the general path); a clientKey already recorded makes the whole statement
 * fail on the audit event's NOT NULL action, and so does any other error — then nothing was written and every
 * submission of the batch is written again by itself, so that one failing submission cannot take the others down.
 */
const firstReports = preparedRows<{ id: string; report: ReportRow; absences: AbsenceWithName[] | null }>(
  'nol_att_first_reports',
  () =>
    sql`with s as (
        select * from json_to_recordset(${P('batch')}::json) as s("countyCode" text, id uuid, "classId" uuid, "schoolId" uuid, date date,
          "listSource" text, enrolled int, present int, sick int, personal int, unexplained int, late int, "by" uuid, "byName" text,
          "at" timestamptz, "clientKey" text, absences json, "auditId" uuid, "actorName" text, ip text, "auditData" jsonb)),
      up as (
        insert into attendance_reports (county_code, id, class_id, school_id, date, list_source, enrolled, present, sick, personal,
          unexplained, late, submitted_by, submitted_by_name, first_submitted_at, submitted_at, version)
        select "countyCode", id, "classId", "schoolId", date, "listSource", enrolled, present, sick, personal, unexplained, late,
          "by", "byName", "at", "at", 1
        from s
        on conflict do nothing
        returning ${REPORT_COLUMNS}),
      sub as (
        insert into attendance_submissions (county_code, client_key, report_id, version, submitted_by, submitted_at)
        select up."countyCode", s."clientKey", up.id, 1, up."submittedBy", up."submittedAt" from up join s on s.id = up.id
        on conflict do nothing
        returning report_id),
      ab as (
        insert into absences (county_code, report_id, child_id, class_id, date, reason, contact_result, note, leave_id, origin)
        select up."countyCode", up.id, a."childId", up."classId", up.date::date, a.reason, a."contactResult", a.note, a."leaveId", a.origin
        from up join s on s.id = up.id, json_to_recordset(s.absences)
          as a("childId" uuid, reason text, "contactResult" text, note text, "leaveId" uuid, origin text)
        returning county_code, report_id, child_id, class_id, date, reason, contact_result, note, leave_id, origin),
      aud as (
        insert into audit_events (county_code, id, at, actor_id, actor_name, ip, action, target_type, target_id, child_id, data)
        select up."countyCode", s."auditId", up."submittedAt", up."submittedBy", s."actorName", s.ip,
          (select 'attendance.reported' from sub where sub.report_id = up.id), 'attendance_report', up.id::text, null, s."auditData"
        from up join s on s.id = up.id
        returning 1)
      select up.id, row_to_json(up) as report,
        (select json_agg(json_build_object('countyCode', ab.county_code, 'reportId', ab.report_id, 'childId', ab.child_id,
            'classId', ab.class_id, 'date', ab.date, 'reason', ab.reason, 'contactResult', ab.contact_result, 'note', ab.note,
            'leaveId', ab.leave_id, 'origin', ab.origin, 'name', c.name) order by c.name)
          from ab join children c on c.county_code = ab.county_code and c.id = ab.child_id where ab.report_id = up.id) as absences,
        (select count(*) from aud) as audited
      from up`,
);

/** the first reports of the day: grouped (see grouped()) */
export const insertFirstReportGrouped = grouped<FirstReportWrite, FirstReportResult>(insertFirstReport, async (db, ws) => {
  const written = await firstReports(db, { batch: JSON.stringify(ws.map(firstReportValues)) });
  const byId = new Map(written.map((r) => [r.id, r]));
  return ws.map((w) => firstReportOf(byId.get(w.id)));
});

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

const unexplained = preparedRows<{ childId: string; date: string }>(
  'nol_att_unexplained_since',
  () =>
    sql`select child_id as "childId", date::text as date from absences
        where county_code = ${P('countyCode')} and child_id = any(${P('childIds')}::uuid[])
          and reason = '无故缺勤' and date between ${P('from')}::date and ${P('to')}::date`,
);

/** Unexplained absences of these children from `from` on (for the absence rules, after each report with one). */
export async function unexplainedSince(db: DbOrTx, countyCode: string, childIds: string[], from: string, to: string) {
  if (!childIds.length) return [];
  // the children as one array parameter, so that the statement text never varies and is prepared once
  return unexplained(db, { countyCode, childIds: `{${childIds.join(',')}}`, from, to });
}
