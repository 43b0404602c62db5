import { z } from 'zod';
import { APPROVAL_RIGHTS } from '../roles';
import { abilitiesSchema, isoDateSchema, pageQuerySchema } from './common';

/**
 * Daily watch (issue 6): 到校日报 per class, school / 中心校 / county overview, 请假/销假 with the seed-002 thresholds,
 * absence alerts that open 疑似辍学 cases, the term-start check (seed 001) and the child's attendance summary.
 *
 * Routes (apps/server/src/modules/attendance):
 *   GET  /api/attendance/classes/:classId/day?date=     → classDaySchema (the roster of the day; today by default)
 *   POST /api/attendance/reports                         attendanceReportBodySchema → attendanceReportResultSchema
 *   GET  /api/attendance/overview?date&townshipCode&schoolId → attendanceOverviewSchema (school, 中心校, county)
 *   GET  /api/attendance/term-start?townshipCode&schoolId&classId     → termStartSchema
 *   POST /api/attendance/term-start/cases                termStartCasesBodySchema → termStartCasesResultSchema
 *   GET  /api/leaves?…                                   → pageOf(leaveSchema)      POST /api/leaves  leaveBodySchema → leaveSchema
 *   GET  /api/leaves/:id                                 → leaveSchema (the slip, with LEAVE_SAFETY_REMINDER)
 *   POST /api/leaves/:id/steps/:index                    leaveStepBodySchema → leaveSchema (the step must be the current one)
 *   POST /api/leaves/:id/close                           leaveCloseBodySchema → leaveSchema (销假)
 *   GET  /api/absence-alerts?…                           → pageOf(absenceAlertSchema)
 *   POST /api/absence-alerts/:id/decision                absenceAlertDecisionBodySchema → absenceAlertSchema
 *   GET  /api/children/:id/attendance                    → childAttendanceSchema
 */

const text = (max: number, msg: string) => z.string().trim().min(1, msg).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** 缺勤原因 as the teacher taps them; 事假 is meant for a child with an approved leave. */
export const ABSENCE_REASONS = ['病假', '事假', '无故缺勤', '迟到'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];
/** Unexplained absence asks for the family contact made the same day (issue 6, item 1). */
export const CONTACT_RESULTS = ['已联系上', '未联系上'] as const;
export type ContactResult = (typeof CONTACT_RESULTS)[number];

// ─── 到校日报 ────────────────────────────────────────────────────────────────────────────────────────────────────────

export const classDayQuerySchema = z.object({ date: isoDateSchema.optional() });

/** The leave that covers a child on the day (shown on the roster so the teacher taps 事假/病假 knowingly). */
export const leaveOnDaySchema = z.object({
  leaveId: z.string(),
  kind: z.string(),
  from: z.string(),
  to: z.string(),
  status: z.string(),
  statusLabel: z.string(),
});

export const absenceEntrySchema = z.object({
  childId: z.string().uuid('儿童编号格式不正确'),
  reason: z.enum(ABSENCE_REASONS, { message: '请选择缺勤原因（病假、事假、无故缺勤、迟到）' }),
  contactResult: z.enum(CONTACT_RESULTS, { message: '请选择家长联系结果（已联系上、未联系上）' }).optional(),
  note: optionalText(200),
});
export type AbsenceEntry = z.infer<typeof absenceEntrySchema>;

/** One child on the class list of the day; everyone is present unless `absence` says otherwise. */
export const classDayChildSchema = z.object({
  childId: z.string(),
  name: z.string(),
  gender: z.string(),
  studentNo: z.string().nullable(),
  onLeave: leaveOnDaySchema.nullable(),
  absence: absenceEntrySchema.omit({ childId: true }).nullable(),
});
export type ClassDayChild = z.infer<typeof classDayChildSchema>;

/** A 学籍 student of the class who is on no class list of the school's roster (空挂学籍? seed 003): shown to the school. */
export const unlistedStudentSchema = z.object({
  childId: z.string(),
  name: z.string(),
  gender: z.string(),
  studentNo: z.string().nullable(),
});

export const attendanceCountsSchema = z.object({
  enrolled: z.number().int(),
  present: z.number().int(),
  sick: z.number().int(),
  personal: z.number().int(),
  unexplained: z.number().int(),
  late: z.number().int(),
});
export type AttendanceCounts = z.infer<typeof attendanceCountsSchema>;

/** The report as stored: the class's counts and its absences (no row per present child). */
export const attendanceReportSchema = z.object({
  id: z.string(),
  classId: z.string(),
  date: z.string(),
  submittedByName: z.string(),
  submittedAt: z.string(),
  /** submitted after the county's cut-off (attendanceReportBy) */
  late: z.boolean(),
  counts: attendanceCountsSchema,
  absences: z.array(absenceEntrySchema.extend({ name: z.string() })),
  version: z.number().int(),
});
export type AttendanceReportDto = z.infer<typeof attendanceReportSchema>;

export const classDaySchema = z.object({
  classId: z.string(),
  className: z.string(),
  grade: z.number().int().nullable(),
  schoolId: z.string(),
  schoolName: z.string(),
  date: z.string(),
  isSchoolDay: z.boolean(),
  /** why the day cannot be reported, in Chinese (future date, holiday, weekend); null when it can */
  closedReason: z.string().nullable(),
  /** the cut-off 'HH:mm' and whether it has passed with no report */
  dueBy: z.string(),
  overdue: z.boolean(),
  /** where the class list comes from: the school's latest committed roster, or (no roster yet) the children registry */
  listSource: z.enum(['roster', 'registry']),
  listSourceNote: z.string().nullable(),
  rosterCheckDate: z.string().nullable(),
  children: z.array(classDayChildSchema),
  /** roster rows that match no child of the registry (人在籍不在): listed, but not reportable until matched */
  unmatchedRosterRows: z.array(z.object({ rowNo: z.number().int(), name: z.string(), studentNo: z.string().nullable() })),
  unlistedStudents: z.array(unlistedStudentSchema),
  report: attendanceReportSchema.nullable(),
  abilities: abilitiesSchema,
});
export type ClassDayDto = z.infer<typeof classDaySchema>;

/** POST /api/attendance/reports: a second submission for the same class and day updates it (audited). */
export const attendanceReportBodySchema = z
  .object({
    classId: z.string().uuid('班级编号格式不正确'),
    date: isoDateSchema,
    absences: z.array(absenceEntrySchema).max(200),
    /** the phone's key for this submission: an offline resend with the same key is recorded once */
    clientKey: z.string().trim().min(8, '提交标识过短').max(80),
    /** the report version the teacher saw when correcting it (omit for the first report of the day) */
    version: z.number().int().min(1).optional(),
  })
  .superRefine((b, ctx) => {
    const seen = new Set<string>();
    b.absences.forEach((a, i) => {
      if (seen.has(a.childId)) ctx.addIssue({ code: 'custom', path: ['absences', i, 'childId'], message: '同一名学生重复填写' });
      seen.add(a.childId);
      if (a.reason === '无故缺勤' && !a.contactResult)
        ctx.addIssue({ code: 'custom', path: ['absences', i, 'contactResult'], message: '无故缺勤须填写当天与家长的联系结果' });
    });
  });
export type AttendanceReportBody = z.infer<typeof attendanceReportBodySchema>;

export const attendanceReportResultSchema = z.object({
  report: attendanceReportSchema,
  /** created | updated | unchanged (a resend of the same clientKey) */
  outcome: z.enum(['created', 'updated', 'unchanged']),
  /** alerts raised by this report (absence rules) */
  alertsRaised: z.number().int(),
});

// ─── School / 中心校 / county overview ─────────────────────────────────────────────────────────────────────────────

export const attendanceOverviewQuerySchema = z.object({
  date: isoDateSchema.optional(),
  townshipCode: z.string().optional(),
  schoolId: z.string().uuid().optional(),
});

/** A rate row: by class, grade, school or township. rate = present / enrolled of the classes that reported (null: none). */
export const attendanceRateRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  classes: z.number().int(),
  reported: z.number().int(),
  enrolled: z.number().int(),
  present: z.number().int(),
  absent: z.number().int(),
  unexplained: z.number().int(),
  rate: z.number().nullable(),
});
export type AttendanceRateRow = z.infer<typeof attendanceRateRowSchema>;

export const notReportedClassSchema = z.object({
  classId: z.string(),
  className: z.string(),
  grade: z.number().int().nullable(),
  schoolId: z.string(),
  schoolName: z.string(),
  townshipName: z.string().nullable(),
  headTeacherName: z.string().nullable(),
});

export const absentTodaySchema = z.object({
  childId: z.string(),
  name: z.string(),
  gender: z.string(),
  idNumberMasked: z.string(),
  classId: z.string(),
  className: z.string(),
  grade: z.number().int().nullable(),
  schoolName: z.string(),
  reason: z.enum(ABSENCE_REASONS),
  contactResult: z.enum(CONTACT_RESULTS).nullable(),
  note: z.string().nullable(),
});

export const attendanceOverviewSchema = z.object({
  date: z.string(),
  isSchoolDay: z.boolean(),
  dueBy: z.string(),
  /** the cut-off has passed (classes still missing are late) */
  pastDueBy: z.boolean(),
  totals: attendanceRateRowSchema,
  notReported: z.array(notReportedClassSchema),
  byClass: z.array(attendanceRateRowSchema.extend({ schoolName: z.string(), grade: z.number().int().nullable() })),
  byGrade: z.array(attendanceRateRowSchema),
  bySchool: z.array(attendanceRateRowSchema.extend({ townshipName: z.string().nullable() })),
  byTownship: z.array(attendanceRateRowSchema),
  absentToday: z.array(absentTodaySchema),
});
export type AttendanceOverviewDto = z.infer<typeof attendanceOverviewSchema>;

// ─── 请假 / 销假 ─────────────────────────────────────────────────────────────────────────────────────────────────────

export const LEAVE_KINDS = ['病假', '事假'] as const;
export const LEAVE_STATUSES = ['pending', 'approved', 'rejected', 'closed', 'cancelled'] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];
export const LEAVE_STATUS_LABELS: Record<LeaveStatus, string> = {
  pending: '审批中',
  approved: '已批准',
  rejected: '未批准',
  closed: '已销假',
  cancelled: '已撤销',
};
export const LEAVE_STEP_STATUSES = ['waiting', 'pending', 'approved', 'rejected', 'filed', 'skipped'] as const;
export type LeaveStepStatus = (typeof LEAVE_STEP_STATUSES)[number];
export const LEAVE_STEP_STATUS_LABELS: Record<LeaveStepStatus, string> = {
  waiting: '待前一环节',
  pending: '待处理',
  approved: '已同意',
  rejected: '不同意',
  filed: '已备案',
  skipped: '未到此环节',
};

export const leaveBodySchema = z
  .object({
    childId: z.string().uuid('儿童编号格式不正确'),
    kind: z.enum(LEAVE_KINDS, { message: '请选择请假类型（病假、事假）' }),
    from: isoDateSchema,
    to: isoDateSchema,
    reason: text(500, '请填写请假事由'),
    guardianName: text(40, '请填写监护人姓名'),
    guardianPhone: z
      .string()
      .trim()
      .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '电话号码格式不正确')
      .optional(),
    /** an offline resend with the same key is recorded once */
    clientKey: z.string().trim().min(8).max(80).optional(),
  })
  .refine((b) => b.to >= b.from, { message: '请假结束日期不能早于开始日期', path: ['to'] });
export type LeaveBody = z.infer<typeof leaveBodySchema>;

export const leaveStepSchema = z.object({
  index: z.number().int(),
  by: z.enum(['head_teacher', ...APPROVAL_RIGHTS]),
  kind: z.enum(['approve', 'file']),
  label: z.string(),
  status: z.enum(LEAVE_STEP_STATUSES),
  statusLabel: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
});
export type LeaveStepDto = z.infer<typeof leaveStepSchema>;

export const leaveSchema = z.object({
  id: z.string(),
  childId: z.string(),
  name: z.string(),
  gender: z.string(),
  classId: z.string().nullable(),
  className: z.string().nullable(),
  schoolId: z.string().nullable(),
  schoolName: z.string().nullable(),
  kind: z.enum(LEAVE_KINDS),
  from: z.string(),
  to: z.string(),
  /** school days in the leave (the calendar): what the thresholds count */
  schoolDays: z.number().int(),
  /** 脱贫户/监测户: the extra filing steps apply */
  povertyGroup: z.boolean(),
  reason: z.string(),
  guardianName: z.string(),
  guardianPhoneMasked: z.string().nullable(),
  status: z.enum(LEAVE_STATUSES),
  statusLabel: z.string(),
  steps: z.array(leaveStepSchema),
  /** 销假: the day the child came back */
  closedOn: z.string().nullable(),
  /** ended with no 销假: its following school days are unexplained absence */
  overdueReturn: z.boolean(),
  safetyReminder: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  abilities: abilitiesSchema,
});
export type LeaveDto = z.infer<typeof leaveSchema>;

export const leaveQuerySchema = pageQuerySchema.extend({
  status: z.enum([...LEAVE_STATUSES, 'overdue']).optional(),
  classId: z.string().uuid().optional(),
  schoolId: z.string().uuid().optional(),
  childId: z.string().uuid().optional(),
  /** only leaves with a step waiting for this user */
  waitingForMe: z.coerce.boolean().optional(),
});

/** Decide the current step: approve / reject for an approval step, file for a 备案 step. */
export const leaveStepBodySchema = z.object({
  decision: z.enum(['approve', 'reject', 'file'], { message: '请选择处理结果' }),
  comment: optionalText(500),
});
export const leaveCloseBodySchema = z.object({ returnedOn: isoDateSchema, note: optionalText(500) });

// ─── Absence alerts ──────────────────────────────────────────────────────────────────────────────────────────────────

export const ABSENCE_ALERT_STATUSES = ['open', 'case_opened', 'dismissed'] as const;
export type AbsenceAlertStatus = (typeof ABSENCE_ALERT_STATUSES)[number];
export const ABSENCE_ALERT_STATUS_LABELS: Record<AbsenceAlertStatus, string> = {
  open: '待处理',
  case_opened: '已转疑似辍学个案',
  dismissed: '已排除',
};
export const ABSENCE_ALERT_RULE_LABELS = { consecutive: '连续无故缺勤', monthly: '当月累计无故缺勤' } as const;

export const absenceAlertSchema = z.object({
  id: z.string(),
  childId: z.string(),
  name: z.string(),
  gender: z.string(),
  classId: z.string().nullable(),
  className: z.string().nullable(),
  schoolName: z.string().nullable(),
  rule: z.enum(['consecutive', 'monthly']),
  ruleLabel: z.string(),
  /** consecutive school days, or days in the month */
  streak: z.number().int(),
  lastDate: z.string(),
  label: z.string(),
  status: z.enum(ABSENCE_ALERT_STATUSES),
  statusLabel: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  caseId: z.string().nullable(),
  createdAt: z.string(),
  abilities: abilitiesSchema,
});
export type AbsenceAlertDto = z.infer<typeof absenceAlertSchema>;

export const absenceAlertQuerySchema = pageQuerySchema.extend({
  status: z.enum(ABSENCE_ALERT_STATUSES).optional(),
  classId: z.string().uuid().optional(),
  schoolId: z.string().uuid().optional(),
});

export const absenceAlertDecisionBodySchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('confirm'), text: optionalText(2000) }),
  z.object({ decision: z.literal('dismiss'), reason: text(500, '请填写排除理由') }),
]);
export type AbsenceAlertDecisionBody = z.infer<typeof absenceAlertDecisionBodySchema>;

// ─── Term start (seed 001: 开学第一天未报到的学生逐一登记核实，第一周内完成) ───────────────────────────────────────

export const termStartQuerySchema = z.object({
  townshipCode: z
    .string()
    .regex(/^\d{9}$/, '乡镇代码应为 9 位数字')
    .optional(),
  schoolId: z.string().uuid().optional(),
  classId: z.string().uuid().optional(),
});

export const termStartChildSchema = z.object({
  childId: z.string(),
  name: z.string(),
  gender: z.string(),
  classId: z.string(),
  className: z.string(),
  grade: z.number().int().nullable(),
  schoolName: z.string(),
  /** the reason on the first school day */
  firstDayReason: z.enum(ABSENCE_REASONS),
  /** the latest report of the week for this child: present, or the reason */
  latestDate: z.string(),
  latestReason: z.enum(ABSENCE_REASONS).nullable(),
  /** the family contact and the note on that latest report (none when present) */
  latestContactResult: z.enum(CONTACT_RESULTS).nullable(),
  latestNote: z.string().nullable(),
  /** still unexplained (无故缺勤 on the latest report) */
  unexplained: z.boolean(),
  caseId: z.string().nullable(),
});

export const termStartSchema = z.object({
  termName: z.string().nullable(),
  firstDay: z.string().nullable(),
  /** the last school day of the first week: verification due by then */
  verifyBy: z.string().nullable(),
  /** the week is over: what is still unexplained can become 疑似辍学 cases */
  weekOver: z.boolean(),
  children: z.array(termStartChildSchema),
  /** classes with no report on the first school day (their students were not reported) */
  unreportedClasses: z.array(notReportedClassSchema),
  abilities: abilitiesSchema,
});
export type TermStartDto = z.infer<typeof termStartSchema>;

export const termStartCasesBodySchema = z.object({ schoolId: z.string().uuid().optional() });
export const termStartCasesResultSchema = z.object({
  opened: z.number().int(),
  noted: z.number().int(),
  /** each student acted on: the case opened for them (created) or the open case the note went to */
  cases: z.array(z.object({ childId: z.string(), name: z.string(), className: z.string(), caseId: z.string(), created: z.boolean() })),
});
export type TermStartCasesResult = z.infer<typeof termStartCasesResultSchema>;

// ─── The child's page ────────────────────────────────────────────────────────────────────────────────────────────────

export const childAttendanceSchema = z.object({
  childId: z.string(),
  termName: z.string().nullable(),
  /** school days of the term so far on which the child's class reported */
  reportedDays: z.number().int(),
  absentDays: z.number().int(),
  unexplainedDays: z.number().int(),
  lateDays: z.number().int(),
  /** (reported days − absent days) / reported days; late counts as present; null with no report */
  rate: z.number().nullable(),
  /** consecutive school days of unexplained absence up to the latest report */
  currentStreak: z.number().int(),
  lastAbsences: z.array(
    z.object({
      date: z.string(),
      reason: z.enum(ABSENCE_REASONS),
      contactResult: z.enum(CONTACT_RESULTS).nullable(),
      note: z.string().nullable(),
    }),
  ),
  openAlerts: z.number().int(),
  leaves: z.array(leaveSchema.pick({ id: true, kind: true, from: true, to: true, status: true, statusLabel: true, overdueReturn: true })),
});
export type ChildAttendanceDto = z.infer<typeof childAttendanceSchema>;
