import { z } from 'zod';

const count = (what: string) =>
  z
    .number({ error: `请填写${what}` })
    .int(`${what}应为整数`)
    .min(0, `${what}不能为负数`)
    .max(1_000_000, `${what}过大`);

/**
 * 历史入学人数: one county-entered row per 一年级 entry year, for 九年义务教育巩固率 (docs/domain/indicators.md).
 * `transfersIn` / `transfersOut` / `deaths` are those of that cohort over its nine years.
 */
export const cohortSchema = z.object({
  entryYear: z
    .number({ error: '请填写入学年份' })
    .int('入学年份应为整数')
    .min(1990, '入学年份不能早于 1990 年')
    .max(2100, '入学年份不正确'),
  entered: count('一年级入学人数'),
  transfersIn: count('转入人数'),
  transfersOut: count('转出人数'),
  deaths: count('死亡人数'),
  note: z.string().trim().max(100, '备注最多 100 个字').optional(),
});
export type Cohort = z.infer<typeof cohortSchema>;

/** At most 30 entry years, each entered once (the duplicate row's 入学年份 carries the message). */
export const cohortsSchema = z
  .array(cohortSchema)
  .max(30, '历史入学人数最多录入 30 个年份')
  .superRefine((rows, ctx) => {
    const seen = new Set<number>();
    rows.forEach((r, i) => {
      if (seen.has(r.entryYear)) {
        ctx.addIssue({ code: 'custom', path: [i, 'entryYear'], message: `入学年份 ${r.entryYear} 重复，每个年份只能录入一次` });
      }
      seen.add(r.entryYear);
    });
  });

/**
 * County settings: one typed store, defaults from ../shared/domain.md with the seed each comes from.
 * Rules read them through getCountySettings(); nothing hard-codes these values.
 */
const countySettingsFields = {
  /** 适龄: youngest age at the cut-off (formats.md: born up to 31 Aug Y−6). */
  eligibleAgeFrom: z.number().int().min(5).max(7),
  /** 适龄: oldest age at the cut-off (formats.md default 15; seed 001 uses 16). */
  eligibleAgeTo: z.number().int().min(14).max(17),
  /** School year begins on this month-day (formats.md: 1 September); the age cut-off is the day before. */
  schoolYearStart: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '格式应为 MM-DD'),
  /** 劝返通知书: return within N days of delivery (seed 000). */
  noticeReturnDays: z.number().int().min(1).max(30),
  /** Deadlines counted in calendar days or in working (school) days. */
  deadlineDayKind: z.enum(['calendar', 'working']),
  /** 请假: a 班主任 approves up to N days; over N needs the principal (seed 002). */
  leaveTeacherMaxDays: z.number().int().min(1).max(10),
  /** 脱贫户/监测户 students: over leaveTeacherMaxDays and up to N days → filed with the 中心校; over N → county (seed 002). */
  leavePovertyUnitMaxDays: z.number().int().min(3).max(30),
  /** Unexplained absence on N consecutive school days raises an alert (issue 6). */
  absenceConsecutiveDays: z.number().int().min(1).max(20),
  /** … or M unexplained absences within a month. */
  absenceMonthlyDays: z.number().int().min(1).max(31),
  /** 到校日报 due by this time of day (Asia/Shanghai). */
  attendanceReportBy: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '格式应为 HH:mm'),
  /** 月报 due on this day of the following month (seed 002). */
  monthlyReportDueDay: z.number().int().min(1).max(28),
  /** 巩固跟踪 after return, in days (issue 5). */
  followUpDays: z.number().int().min(7).max(365),
  /** 复学方案: over-age when this many years older than the grade's age (seed 004). */
  overAgeYears: z.number().int().min(1).max(5),
  /** A home visit is due within N days of confirmation (issue 5). */
  homeVisitWithinDays: z.number().int().min(1).max(30),
  /** Overdue N days → shown to the next level up (issue 5). */
  escalationDays: z.number().int().min(1).max(30),
  /** 延缓入学/休学: joint persuasions required (seed 002). */
  deferralJointPersuasions: z.number().int().min(1).max(10),
  /** 送教上门: sessions per week and class hours per session (seed 004). */
  homeTeachingSessionsPerWeek: z.number().int().min(1).max(7),
  homeTeachingHoursPerSession: z.number().int().min(1).max(8),
  /** 历史入学人数 by 一年级 entry year, entered once by the county (九年义务教育巩固率, issue 7 item 4). */
  cohorts: cohortsSchema,
};

export const countySettingsSchema = z.object(countySettingsFields);
/** A partial update: only the fields sent change (no defaults filled in). */
export const countySettingsPatchSchema = z.object(countySettingsFields).partial().strict();

export type CountySettings = z.infer<typeof countySettingsSchema>;
/** Defaults with their sources in the comments above. */
export const DEFAULT_COUNTY_SETTINGS: CountySettings = {
  eligibleAgeFrom: 6,
  eligibleAgeTo: 15,
  schoolYearStart: '09-01',
  noticeReturnDays: 5,
  deadlineDayKind: 'calendar',
  leaveTeacherMaxDays: 3,
  leavePovertyUnitMaxDays: 7,
  absenceConsecutiveDays: 3,
  absenceMonthlyDays: 5,
  attendanceReportBy: '09:00',
  monthlyReportDueDay: 5,
  followUpDays: 90,
  overAgeYears: 2,
  homeVisitWithinDays: 7,
  escalationDays: 7,
  deferralJointPersuasions: 3,
  homeTeachingSessionsPerWeek: 1,
  homeTeachingHoursPerSession: 2,
  cohorts: [],
};

export const COUNTY_SETTING_LABELS: Record<keyof CountySettings, string> = {
  eligibleAgeFrom: '适龄起始年龄（周岁）',
  eligibleAgeTo: '适龄截止年龄（周岁）',
  schoolYearStart: '学年起始日（月-日）',
  noticeReturnDays: '劝返通知书返校期限（天）',
  deadlineDayKind: '期限计算方式',
  leaveTeacherMaxDays: '班主任可批请假天数上限',
  leavePovertyUnitMaxDays: '脱贫户/监测户学生请假报中心校备案上限（天）',
  absenceConsecutiveDays: '连续无故缺勤预警天数',
  absenceMonthlyDays: '当月累计无故缺勤预警天数',
  attendanceReportBy: '到校日报截止时间',
  monthlyReportDueDay: '月报截止日（次月几日）',
  followUpDays: '复学后巩固跟踪天数',
  overAgeYears: '超龄认定（高于年级年龄的年数）',
  homeVisitWithinDays: '认定后家访期限（天）',
  escalationDays: '逾期升级天数',
  deferralJointPersuasions: '延缓入学/休学所需联合劝返次数',
  homeTeachingSessionsPerWeek: '送教上门每周次数',
  homeTeachingHoursPerSession: '送教上门每次课时',
  cohorts: '历史入学人数（用于计算九年义务教育巩固率）',
};

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];
export const CALENDAR_DAY_KIND_LABELS: Record<CalendarDayKind, string> = {
  holiday: '放假',
  workday: '调休上课',
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const schoolTermSchema = z
  .object({
    name: z.string().trim().min(1, '请填写学期名称').max(40),
    startDate: isoDate,
    endDate: isoDate,
  })
  .refine((t) => t.startDate <= t.endDate, { message: '学期结束日期不能早于开始日期', path: ['endDate'] });
export type SchoolTerm = z.infer<typeof schoolTermSchema>;

export const calendarDaySchema = z.object({
  date: isoDate,
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string().trim().max(40).default(''),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;

export const schoolCalendarSchema = z.object({
  terms: z.array(schoolTermSchema).max(20),
  days: z.array(calendarDaySchema).max(400),
});
export type SchoolCalendar = z.infer<typeof schoolCalendarSchema>;
