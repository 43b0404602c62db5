import { date, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Typed county settings (validated by countySettingsSchema); only values that differ from the defaults are stored. */
export const countySettings = pgTable('county_settings', {
  countyCode: text('county_code').primaryKey(),
  values: jsonb('values').notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const schoolTerms = pgTable(
  'school_terms',
  {
    countyCode: text('county_code').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.startDate] })],
);

/** Holidays and make-up working days (调休) that change which days are school days. */
export const calendarDays = pgTable(
  'calendar_days',
  {
    countyCode: text('county_code').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
    name: text('name').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.date] })],
);
