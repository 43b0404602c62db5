import { z } from 'zod';

/**
 * 数据看板 (issue 7, item 5): the numbers leaders read, at county, township and school level, for the actor's scope.
 * The figures come from pre-aggregated snapshots (table `stat_snapshots`, refreshed in the background); `computedAt`
 * says how fresh they are. Every figure carries `link`: the list page (with URL filters) showing the children or
 * cases behind it.
 *
 * Routes (apps/server/src/modules/dashboards):
 *   GET  /api/dashboards?level&townshipCode&schoolId&month → dashboardSchema
 *   POST /api/dashboards/refresh                           → { computedAt } (county admin: recompute now)
 */

export const DASHBOARD_LEVELS = ['county', 'township', 'school'] as const;
export type DashboardLevel = (typeof DASHBOARD_LEVELS)[number];
export const DASHBOARD_LEVEL_LABELS: Record<DashboardLevel, string> = { county: '全县', township: '乡镇', school: '学校' };

export const dashboardQuerySchema = z.object({
  level: z.enum(DASHBOARD_LEVELS).optional(),
  townshipCode: z.string().max(32).optional(),
  schoolId: z.string().uuid('学校编号格式不正确').optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
    .optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

export const ratioSchema = z.object({
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable(),
  computable: z.boolean(),
  reason: z.string().optional(),
});

/** A headline figure: a rate (with its ratio), a count or a number of days. */
export const dashboardIndicatorSchema = z.object({
  key: z.enum(['enrollment', 'dropout', 'persuasion', 'medianDays', 'overdueCases', 'consolidation']),
  label: z.string(),
  /** the definition shown in the tooltip (numerator / denominator and where they come from) */
  definition: z.string(),
  /** formatted for display: '98.76%', '12 天', '3 件', or '—（无法计算：…）' */
  display: z.string(),
  ratio: ratioSchema.nullable(),
  value: z.number().nullable(),
  link: z.string().nullable(),
});
export type DashboardIndicator = z.infer<typeof dashboardIndicatorSchema>;

export const linkedCountSchema = z.object({ count: z.number().int(), link: z.string() });

export const dashboardTrendSchema = z.object({
  month: z.string(),
  newSuspected: z.number().int(),
  newDropouts: z.number().int(),
  returns: z.number().int(),
  /** present / enrolled person-days of the month's daily reports; null without reports */
  attendanceRate: z.number().nullable(),
  reportDays: z.number().int(),
  links: z.object({ newSuspected: z.string(), newDropouts: z.string(), returns: z.string(), attendance: z.string() }),
});

export const rankingRowSchema = z.object({
  /** township code or school id */
  id: z.string(),
  name: z.string(),
  eligible: z.number().int(),
  suspected: z.number().int(),
  dropouts: z.number().int(),
  overdue: z.number().int(),
  /** 适龄儿童 whose whereabouts are not explained (台账 category 未说明) */
  unexplained: z.number().int(),
  unexplainedAbsences: z.number().int(),
  attendanceRate: z.number().nullable(),
  /** the dashboard of this unit */
  dashboardLink: z.string(),
  links: z.object({ suspected: z.string(), dropouts: z.string(), overdue: z.string(), unexplained: z.string(), attendance: z.string() }),
});
export type RankingRow = z.infer<typeof rankingRowSchema>;

export const keyGroupRowSchema = z.object({
  group: z.string(),
  children: z.number().int(),
  suspected: z.number().int(),
  dropouts: z.number().int(),
  links: z.object({ children: z.string(), suspected: z.string(), dropouts: z.string() }),
});

export const dashboardSchema = z.object({
  level: z.enum(DASHBOARD_LEVELS),
  townshipCode: z.string().nullable(),
  schoolId: z.string().nullable(),
  /** '全县' / the township's name / the school's name */
  scopeLabel: z.string(),
  /** the county dashboard is open to this actor */
  canCounty: z.boolean(),
  /** 全县 › 乡镇 › 学校: the units above this one the actor may open, then this one */
  trail: z.array(z.object({ label: z.string(), link: z.string().nullable() })),
  schoolYear: z.object({ label: z.string(), from: z.string(), to: z.string() }),
  month: z.string(),
  /** when the snapshot behind these figures was computed (ISO) */
  computedAt: z.string(),
  indicators: z.array(dashboardIndicatorSchema),
  trends: z.array(dashboardTrendSchema),
  ledgers: z.object({
    eligible: linkedCountSchema,
    suspected: linkedCountSchema,
    dropout: linkedCountSchema,
    byCategory: z.array(z.object({ category: z.string(), count: z.number().int(), link: z.string() })),
  }),
  /** county → its townships, township → its schools, school → none */
  ranking: z.object({ by: z.enum(['township', 'school']), month: z.string(), rows: z.array(rankingRowSchema) }).nullable(),
  keyGroups: z.array(keyGroupRowSchema),
  overdue: z.object({
    cases: z.object({
      count: z.number().int(),
      link: z.string(),
      byKind: z.array(z.object({ kind: z.string(), label: z.string(), count: z.number().int() })),
    }),
    lateReports: z.object({
      month: z.string(),
      dueOn: z.string(),
      /** false until the due day has passed */
      pastDue: z.boolean(),
      count: z.number().int(),
      items: z.array(z.object({ schoolId: z.string(), schoolName: z.string(), status: z.string() })),
      link: z.string(),
    }),
    silentClasses: z.object({
      /** the last day of the month with daily reports (null: none this month) */
      date: z.string().nullable(),
      count: z.number().int(),
      items: z.array(z.object({ classId: z.string(), className: z.string(), schoolName: z.string() })),
      link: z.string(),
    }),
  }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const dashboardRefreshSchema = z.object({ computedAt: z.string(), seconds: z.number() });
