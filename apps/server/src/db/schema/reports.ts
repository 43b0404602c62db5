import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * 月报 (issue 7, seed 002 附件1). One row per reporting unit, month and version. A school reports to its 中心校 (or,
 * for a 局属 school with no 中心校, to the county); a 中心校 reports its township's consolidation to the county.
 * While `draft`/`returned` the figures are computed live; on submission they are frozen into `figures` (later data
 * changes do not alter a submitted report); a correction of a submitted or accepted report is a new version with
 * its reason, the earlier version stays as it was.
 */
export const monthlyReports = pgTable(
  'monthly_reports',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    /** school: a school's report; unit: a 中心校's consolidation of its schools */
    level: text('level', { enum: ['school', 'unit'] }).notNull(),
    schoolId: uuid('school_id'),
    unitId: uuid('unit_id'),
    /** the reporting month, YYYY-MM */
    month: text('month').notNull(),
    version: integer('version').notNull().default(1),
    status: text('status', { enum: ['draft', 'submitted', 'returned', 'accepted'] }).notNull(),
    /** the frozen figures (null until the first submission) */
    figures: jsonb('figures'),
    /** the school's explanations: per cause, per unexplained child, free notes */
    explanations: jsonb('explanations').notNull().default({}),
    correctionReason: text('correction_reason'),
    computedAt: timestamp('computed_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    submittedByName: text('submitted_by_name'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by'),
    reviewedByName: text('reviewed_by_name'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    uniqueIndex('monthly_reports_school_month_version_uq')
      .on(t.countyCode, t.schoolId, t.month, t.version)
      .where(sql`${t.level} = 'school'`),
    uniqueIndex('monthly_reports_unit_month_version_uq')
      .on(t.countyCode, t.unitId, t.month, t.version)
      .where(sql`${t.level} = 'unit'`),
    index('monthly_reports_month_idx').on(t.countyCode, t.month),
    check(
      'monthly_reports_level_ck',
      sql`(${t.level} = 'school' and ${t.schoolId} is not null) or (${t.level} = 'unit' and ${t.unitId} is not null)`,
    ),
  ],
);

/** Every step of a report's workflow (compute, explain, submit, return, accept, correct): who, when, comment. */
export const monthlyReportEvents = pgTable(
  'monthly_report_events',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    reportId: uuid('report_id').notNull(),
    action: text('action').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    comment: text('comment'),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.id] }), index('monthly_report_events_report_idx').on(t.countyCode, t.reportId)],
);

/**
 * Pre-aggregated statistics for the dashboards (issue 7, speed): one row per county, scope (county, township code or
 * school id), kind and period, recomputed in the background; `computedAt` is shown as the figures' freshness.
 */
export const statSnapshots = pgTable(
  'stat_snapshots',
  {
    countyCode: text('county_code').notNull(),
    /** 'county' | 'township:<code>' | 'school:<id>' */
    scopeKey: text('scope_key').notNull(),
    kind: text('kind').notNull(),
    /** YYYY-MM, YYYY-MM-DD, a school year 'YYYY-YYYY', or '' for "now" */
    period: text('period').notNull().default(''),
    data: jsonb('data').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.scopeKey, t.kind, t.period] })],
);

/** 信息公开 (seed 001): what a county publishes — the year's tasks, measures, responsible bodies and contacts. */
export const publicDisclosures = pgTable(
  'public_disclosures',
  {
    countyCode: text('county_code').notNull(),
    /** the school year the page is about, e.g. '2026-2027' */
    year: text('year').notNull(),
    /** { tasks: string[], measures: string[], bodies: {name, duty, contact}[], contacts: … } validated by its zod schema */
    content: jsonb('content').notNull(),
    published: text('published', { enum: ['draft', 'published'] })
      .notNull()
      .default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.year] })],
);
