import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Daily watch (issue 6). A class's 到校日报 is one row with its counts; only the children not present have a row in
 * `absences` (no row per present child). A second submission for the same class and day updates the report (version+1).
 */
export const attendanceReports = pgTable(
  'attendance_reports',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    classId: uuid('class_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    /** where the class list came from: the school's roster, or the children registry when the school has none */
    listSource: text('list_source', { enum: ['roster', 'registry'] }).notNull(),
    enrolled: integer('enrolled').notNull(),
    present: integer('present').notNull(),
    sick: integer('sick').notNull().default(0),
    personal: integer('personal').notNull().default(0),
    unexplained: integer('unexplained').notNull().default(0),
    late: integer('late').notNull().default(0),
    submittedBy: uuid('submitted_by').notNull(),
    submittedByName: text('submitted_by_name').notNull(),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    uniqueIndex('attendance_reports_class_day_uq').on(t.countyCode, t.classId, t.date),
    index('attendance_reports_school_day_idx').on(t.countyCode, t.schoolId, t.date),
    // the day's reports of the county, and a class's report of the day found through it exactly, whatever the planner picks
    index('attendance_reports_day_idx').on(t.countyCode, t.date, t.classId),
    check('attendance_reports_counts_ck', sql`${t.present} >= 0 and ${t.enrolled} >= ${t.present}`),
  ],
);

/** Each submission's client key (a phone resending an offline report): recorded once, answered with the report. */
export const attendanceSubmissions = pgTable(
  'attendance_submissions',
  {
    countyCode: text('county_code').notNull(),
    clientKey: text('client_key').notNull(),
    reportId: uuid('report_id').notNull(),
    version: integer('version').notNull(),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.clientKey] }), index('attendance_submissions_report_idx').on(t.countyCode, t.reportId)],
);

/** A child not present on the day: 病假, 事假, 无故缺勤 (with the family contact made) or 迟到. */
export const absences = pgTable(
  'absences',
  {
    countyCode: text('county_code').notNull(),
    reportId: uuid('report_id').notNull(),
    childId: uuid('child_id').notNull(),
    classId: uuid('class_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    contactResult: text('contact_result'),
    note: text('note'),
    /** the leave behind a 病假/事假, or the ended leave with no 销假 behind a 无故缺勤 */
    leaveId: uuid('leave_id'),
    /** teacher (tapped) | leave (filled from an approved leave) | leave_overdue (leave ended, no 销假) */
    origin: text('origin').notNull().default('teacher'),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.reportId, t.childId] }),
    index('absences_child_day_idx').on(t.countyCode, t.childId, t.date),
    index('absences_day_idx').on(t.countyCode, t.date),
    check('absences_reason_ck', sql`${t.reason} in ('病假','事假','无故缺勤','迟到')`),
    check('absences_contact_ck', sql`${t.contactResult} is null or ${t.contactResult} in ('已联系上','未联系上')`),
  ],
);

/** 请假: dates, school days counted from the calendar, and the approval steps of leaveSteps() (seed 002). */
export const leaveRequests = pgTable(
  'leave_requests',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    childId: uuid('child_id').notNull(),
    classId: uuid('class_id'),
    schoolId: uuid('school_id'),
    kind: text('kind').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    schoolDays: integer('school_days').notNull(),
    povertyGroup: boolean('poverty_group').notNull().default(false),
    reason: text('reason').notNull(),
    guardianName: text('guardian_name').notNull(),
    guardianPhone: text('guardian_phone'),
    /** pending | approved | rejected | closed | cancelled */
    status: text('status').notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    closeNote: text('close_note'),
    closedBy: uuid('closed_by'),
    createdBy: uuid('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    clientKey: text('client_key'),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    index('leave_requests_child_idx').on(t.countyCode, t.childId, t.fromDate),
    index('leave_requests_class_idx').on(t.countyCode, t.classId, t.status),
    index('leave_requests_school_idx').on(t.countyCode, t.schoolId, t.status),
    uniqueIndex('leave_requests_client_key_uq')
      .on(t.countyCode, t.clientKey)
      .where(sql`client_key is not null`),
    check('leave_requests_dates_ck', sql`${t.toDate} >= ${t.fromDate}`),
    check('leave_requests_status_ck', sql`${t.status} in ('pending','approved','rejected','closed','cancelled')`),
  ],
);

/** One step of a leave: approve (may refuse) or file (备案), by the 班主任 or a holder of a leave approval right. */
export const leaveSteps = pgTable(
  'leave_steps',
  {
    countyCode: text('county_code').notNull(),
    leaveId: uuid('leave_id').notNull(),
    idx: integer('idx').notNull(),
    by: text('by').notNull(),
    kind: text('kind').notNull(),
    label: text('label').notNull(),
    /** waiting | pending | approved | rejected | filed | skipped */
    status: text('status').notNull(),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    comment: text('comment'),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.leaveId, t.idx] }), index('leave_steps_pending_idx').on(t.countyCode, t.by, t.status)],
);

/**
 * An absence alert (absenceAlerts(), issue 6 item 4): one per child, rule and run — the run's first day for the
 * consecutive rule, the month for the monthly rule (`runKey`); an open alert follows its run as it grows.
 */
export const absenceAlerts = pgTable(
  'absence_alerts',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    childId: uuid('child_id').notNull(),
    classId: uuid('class_id'),
    schoolId: uuid('school_id'),
    rule: text('rule').notNull(),
    runKey: text('run_key').notNull(),
    lastDate: date('last_date', { mode: 'string' }).notNull(),
    streak: integer('streak').notNull(),
    label: text('label').notNull(),
    /** open | case_opened | dismissed */
    status: text('status').notNull().default('open'),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason'),
    caseId: uuid('case_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    uniqueIndex('absence_alerts_run_uq').on(t.countyCode, t.childId, t.rule, t.runKey),
    index('absence_alerts_school_idx').on(t.countyCode, t.schoolId, t.status),
    index('absence_alerts_class_idx').on(t.countyCode, t.classId, t.status),
    check('absence_alerts_status_ck', sql`${t.status} in ('open','case_opened','dismissed')`),
    check('absence_alerts_rule_ck', sql`${t.rule} in ('consecutive','monthly')`),
  ],
);
