import { z } from 'zod';
import { abilitiesSchema } from './common';

/**
 * 月报 (issue 7; seed 002 二 and 附件1): a school's monthly dynamic data computed from the platform's own data,
 * explained, submitted, reviewed by its 中心校 (a 局属 school with no 中心校: by the county), consolidated by
 * township and county. Definitions: docs/domain/monthly-report.md. Pure arithmetic: rules/reports/monthly.ts.
 *
 * Routes (apps/server/src/modules/monthly-reports):
 *   GET  /api/monthly-reports?month&townshipCode&schoolId&status → monthlyReportListSchema (every school in scope,
 *                                                            with or without a report row; late ones flagged)
 *   GET  /api/monthly-reports/school/:schoolId/:month?version=N → monthlyReportSchema (draft: computed live; else frozen;
 *        version N (default the current one): an earlier version as it was — frozen figures, its explanations, the
 *        events up to it, supersededBy set and no actions)
 *   PUT  /api/monthly-reports/school/:schoolId/:month/explanations  explanationsBodySchema → monthlyReportSchema
 *   POST /api/monthly-reports/school/:schoolId/:month/submit  submitBodySchema → monthlyReportSchema (freezes)
 *   POST /api/monthly-reports/:id/review                      reviewBodySchema → monthlyReportSchema (return | accept)
 *   POST /api/monthly-reports/school/:schoolId/:month/corrections  correctionBodySchema → monthlyReportSchema (new version)
 *   GET  /api/monthly-reports/:id/figures/:figureKey/children → drillDownSchema (audited: names of children);
 *        :id is a report id, or `<schoolId>_<YYYY-MM>` for a month with no report row yet (live figures)
 *   GET  /api/monthly-reports/consolidated?month&townshipCode → consolidatedSchema (township rows or school rows)
 *   GET  /api/monthly-reports/consolidated/figures/:figureKey/children?month&townshipCode&schoolId
 *        → drillDownSchema: the children behind a consolidated figure (the county's, a township's or a school's row)
 *        across its schools' current versions (frozen members when submitted/accepted, live for pending schools);
 *        scope-checked, audited, ID numbers masked, at most CONSOLIDATED_DRILL_DOWN_CAP listed with the total count
 *   GET  /api/monthly-reports/school/:schoolId/:month/export.xlsx        official 月报表 (title, unit, month, signatures)
 *   GET  /api/monthly-reports/consolidated/export.xlsx?month&townshipCode  township / county 汇总表
 *   GET  /api/monthly-reports/quarterly/export.xlsx?quarter=YYYY-Qn&townshipCode  quarterly summary
 *
 * The 中心校's own report of its township (level 'unit'; seed 002: 各乡镇中心校…每月上报), once every school is accepted:
 *   GET  /api/monthly-reports/unit/:unitId/:month            → unitReportSchema (status, frozen sums, its schools)
 *   POST /api/monthly-reports/unit/:unitId/:month/submit     submitBodySchema → unitReportSchema (上报县教育局; freezes)
 *   POST /api/monthly-reports/unit-reports/:id/review        reviewBodySchema → unitReportSchema (county: return | accept)
 */

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
export const MONTHLY_REPORT_STATUSES = ['not_started', 'draft', 'submitted', 'returned', 'accepted'] as const;
export type MonthlyReportStatus = (typeof MONTHLY_REPORT_STATUSES)[number];
export const MONTHLY_REPORT_STATUS_LABELS: Record<MonthlyReportStatus, string> = {
  not_started: '未填报',
  draft: '待提交',
  submitted: '已上报',
  returned: '已退回',
  accepted: '已审核',
};

/** The causes of 人籍差额 (在籍 − 在校), in the order of the official table. `other` needs the school's explanation. */
export const GAP_CAUSES = ['leave', 'suspended', 'transfer_pending', 'home_teaching', 'suspected', 'dropout', 'other'] as const;
export type GapCause = (typeof GAP_CAUSES)[number];
export const GAP_CAUSE_LABELS: Record<GapCause, string> = {
  leave: '请假',
  suspended: '休学',
  transfer_pending: '转学未办结',
  home_teaching: '送教上门',
  suspected: '疑似辍学',
  dropout: '辍学（学籍未注销）',
  other: '其他',
};

/**
 * A figure that drills down: its count, and (inside the server's frozen copy) the child ids behind it. The
 * `key` is stable (e.g. 'enrolled', 'attending', 'gap.leave', 'gap.unexplained', 'newSuspected', 'grade.7.enrolled').
 */
export const figureSchema = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export type Figure = z.infer<typeof figureSchema>;

export const gradeRowSchema = z.object({
  grade: z.number().int().min(1).max(9),
  gradeLabel: z.string(),
  enrolled: figureSchema,
  attending: figureSchema,
  gap: z.number().int(),
});

/** The figures of one unit and month; the same shape for a school, a township consolidation and the county. */
export const monthlyFiguresSchema = z.object({
  month: z.string(),
  /** the day the figures describe (统计时点): the last school day of the month, or today in the current month */
  asOf: z.string(),
  enrolled: figureSchema,
  attending: figureSchema,
  /** 在籍 − 在校 */
  gap: z.number().int(),
  byGrade: z.array(gradeRowSchema),
  /** one figure per GAP_CAUSES entry, key 'gap.<cause>' */
  gapCauses: z.array(figureSchema.extend({ cause: z.enum(GAP_CAUSES) })),
  /** children in the gap no cause explains (key 'gap.unexplained'): the report names them until explained */
  unexplained: figureSchema,
  /** children attending with no current 学籍 (借读 etc.; key 'attendingWithoutRegistry'): they reduce the gap */
  attendingWithoutRegistry: figureSchema,
  /** the month's movements: newSuspected, newDropouts, returned, povertyDropouts, deferrals, homeTeachingChildren */
  movements: z.array(figureSchema),
  homeTeachingSessions: z.number().int(),
  /** key groups among the enrolled: 'keyGroup.<name>' */
  keyGroups: z.array(figureSchema),
  /** daily attendance over the month: school days, reports expected / received, average attendance rate (0–1) */
  attendance: z.object({
    schoolDays: z.number().int(),
    reportsExpected: z.number().int(),
    reportsReceived: z.number().int(),
    rate: z.number().nullable(),
    /** classes on the 统计时点, and how many of them sent that day's 到校日报 (the others count from their last report of the month) */
    classesOnAsOf: z.number().int().default(0),
    classesReportedOnAsOf: z.number().int().default(0),
  }),
  /** true when the causes (+ unexplained − attendingWithoutRegistry) add up to the gap (always, by construction) */
  balanced: z.boolean(),
});
export type MonthlyFigures = z.infer<typeof monthlyFiguresSchema>;

export const explanationsSchema = z.object({
  /** the school's note on the month, printed under the table */
  note: z.string().trim().max(2000).default(''),
  /** an explanation per child counted as 其他 or unexplained: childId → text (moves the child to 其他) */
  children: z.record(z.string(), z.string().trim().min(1, '请填写说明').max(200)).default({}),
});
export type Explanations = z.infer<typeof explanationsSchema>;

export const monthlyReportEventSchema = z.object({
  action: z.string(),
  actionLabel: z.string(),
  actorName: z.string(),
  at: z.string(),
  comment: z.string().nullable(),
});

export const monthlyReportSchema = z.object({
  /** null while no row exists yet (not_started: the figures are computed live) */
  id: z.string().nullable(),
  level: z.enum(['school', 'unit']),
  schoolId: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string(),
  townshipName: z.string(),
  month: z.string(),
  version: z.number().int(),
  /** the newest version of the month (equal to version unless an earlier version was asked for) */
  currentVersion: z.number().int(),
  /** an earlier version, read with ?version=N: the version that corrected it (it shows as it was, with no actions) */
  supersededBy: z.number().int().nullable(),
  versions: z.array(z.object({ id: z.string(), version: z.number().int(), status: z.string(), correctionReason: z.string().nullable() })),
  status: z.enum(MONTHLY_REPORT_STATUSES),
  statusLabel: z.string(),
  /** live = computed now; frozen = as submitted */
  figuresSource: z.enum(['live', 'frozen']),
  computedAt: z.string(),
  figures: monthlyFiguresSchema,
  explanations: explanationsSchema,
  dueOn: z.string(),
  late: z.boolean(),
  submittedByName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  correctionReason: z.string().nullable(),
  events: z.array(monthlyReportEventSchema),
  /** what this user may do: explain, submit, review, correct, export */
  can: abilitiesSchema,
});
export type MonthlyReport = z.infer<typeof monthlyReportSchema>;

export const monthlyReportListItemSchema = z.object({
  id: z.string().nullable(),
  schoolId: z.string(),
  schoolName: z.string(),
  townshipCode: z.string(),
  townshipName: z.string(),
  month: z.string(),
  version: z.number().int(),
  status: z.enum(MONTHLY_REPORT_STATUSES),
  statusLabel: z.string(),
  dueOn: z.string(),
  late: z.boolean(),
  enrolled: z.number().int().nullable(),
  attending: z.number().int().nullable(),
  gap: z.number().int().nullable(),
  unexplained: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
});
export const monthlyReportListSchema = z.object({
  month: z.string(),
  dueOn: z.string(),
  items: z.array(monthlyReportListItemSchema),
  counts: z.record(z.enum(MONTHLY_REPORT_STATUSES), z.number().int()),
});
export type MonthlyReportListItem = z.infer<typeof monthlyReportListItemSchema>;

export const monthlyReportListQuerySchema = z.object({
  month: monthSchema.optional(),
  townshipCode: z.string().optional(),
  schoolId: z.string().uuid('学校编号格式不正确').optional(),
  status: z.enum(MONTHLY_REPORT_STATUSES).optional(),
});

export const explanationsBodySchema = explanationsSchema;
export const submitBodySchema = z.object({ confirm: z.literal(true, { message: '请确认数据无误后再上报' }) });
export const reviewBodySchema = z
  .object({
    decision: z.enum(['return', 'accept'], { message: '请选择退回或审核通过' }),
    comment: z.string().trim().max(1000).default(''),
  })
  .refine((b) => b.decision === 'accept' || b.comment.length > 0, { message: '退回时请写明原因', path: ['comment'] });
export const correctionBodySchema = z.object({ reason: z.string().trim().min(2, '请写明更正原因').max(1000) });

export const drillDownChildSchema = z.object({
  childId: z.string(),
  name: z.string(),
  gender: z.string(),
  idNumberMasked: z.string(),
  schoolName: z.string(),
  grade: z.number().int().nullable(),
  className: z.string().nullable(),
  /** why the child is in this figure (e.g. the leave's dates, the case status, the school's explanation) */
  detail: z.string(),
});
export const drillDownSchema = z.object({
  figureKey: z.string(),
  label: z.string(),
  /** the number of children behind the figure (may exceed items.length when the list is capped) */
  count: z.number().int(),
  items: z.array(drillDownChildSchema),
  /** true when only the first items of a longer list are sent (consolidated drill-down) */
  truncated: z.boolean().default(false),
});

/** The most children a consolidated drill-down lists (the count is always the full one). */
export const CONSOLIDATED_DRILL_DOWN_CAP = 2000;
export const consolidatedDrillQuerySchema = z.object({
  month: monthSchema.optional(),
  townshipCode: z.string().max(20).optional(),
  schoolId: z.string().uuid('学校编号格式不正确').optional(),
});
export type DrillDown = z.infer<typeof drillDownSchema>;

/**
 * The 中心校's report of its township to the county (monthly_reports level 'unit'): not_submitted (no row), submitted,
 * returned (by the county, with a comment) or accepted (接收). See docs/domain/monthly-report.md 「乡镇月报」.
 */
export const UNIT_REPORT_STATUSES = ['not_submitted', 'submitted', 'returned', 'accepted'] as const;
export type UnitReportStatus = (typeof UNIT_REPORT_STATUSES)[number];
export const UNIT_REPORT_STATUS_LABELS: Record<UnitReportStatus, string> = {
  not_submitted: '未上报',
  submitted: '已上报',
  returned: '已退回',
  accepted: '已接收',
};
export const UNIT_REPORT_ACTION_LABELS: Record<string, string> = { submit: '上报县教育局', return: '退回', accept: '接收' };

/** A unit report's state, as the county's table and the 待办 show it. */
export const unitReportSummarySchema = z.object({
  /** null while not submitted (no row) */
  id: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  townshipCode: z.string().nullable(),
  month: z.string(),
  version: z.number().int(),
  status: z.enum(UNIT_REPORT_STATUSES),
  statusLabel: z.string(),
  /** when it reached its status: the submission, or the county's return/acceptance; null when not submitted */
  at: z.string().nullable(),
  /** a school's current report is no longer the one frozen in it (corrected since): the 中心校 must submit again */
  outdated: z.boolean(),
  /** how many schools the unit has (a township row may also hold 局属 schools, which report to the county directly) */
  schoolCount: z.number().int(),
});
export type UnitReportSummary = z.infer<typeof unitReportSummarySchema>;

export const unitReportSchoolSchema = z.object({
  schoolId: z.string(),
  schoolName: z.string(),
  status: z.enum(MONTHLY_REPORT_STATUSES),
  statusLabel: z.string(),
  /** the school's current version */
  version: z.number().int(),
  /** the version frozen in the unit report (null: not in it) */
  frozenVersion: z.number().int().nullable(),
});

export const unitReportSchema = unitReportSummarySchema.extend({
  townshipName: z.string().nullable(),
  currentVersion: z.number().int(),
  /** the sums frozen on submission (null before the first submission) */
  figures: monthlyFiguresSchema.nullable(),
  /** the unit's schools with their current report, and the version frozen in the unit report */
  schools: z.array(unitReportSchoolSchema),
  /** the schools whose current version is not accepted yet (the unit report cannot be submitted while any) */
  notAccepted: z.array(z.object({ schoolId: z.string(), schoolName: z.string(), statusLabel: z.string() })),
  submittedByName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  correctionReason: z.string().nullable(),
  events: z.array(monthlyReportEventSchema),
  /** submit (the 中心校, or the county for it), review (the county) */
  can: abilitiesSchema,
});
export type UnitReport = z.infer<typeof unitReportSchema>;

/** Township rows (county view) or school rows (中心校 view), plus the total; figures of the current versions. */
export const consolidatedRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  schools: z.number().int(),
  reported: z.number().int(),
  late: z.number().int(),
  status: z.string().nullable(),
  figures: monthlyFiguresSchema,
  /** county view: the township's 中心校 report(s) to the county (none for the total) */
  unitReports: z.array(unitReportSummarySchema).default([]),
});
export const consolidatedSchema = z.object({
  month: z.string(),
  level: z.enum(['county', 'township']),
  title: z.string(),
  rows: z.array(consolidatedRowSchema),
  total: consolidatedRowSchema,
  /** schools whose report is not submitted: their live figures are included and flagged */
  pendingSchools: z.array(z.object({ schoolId: z.string(), schoolName: z.string(), status: z.string(), late: z.boolean() })),
  /** when the pending schools' live figures were computed (pre-aggregated; the oldest of them), null: no pending school */
  liveComputedAt: z.string().nullable(),
  /** the reports of the 中心校s whose schools are in the table (not the bureau's: 局属 schools report to the county) */
  unitReports: z.array(unitReportSummarySchema).default([]),
});
export type Consolidated = z.infer<typeof consolidatedSchema>;
