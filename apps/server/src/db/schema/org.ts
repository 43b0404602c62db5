import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Counties hosted by this deployment (reference table on Citus). */
export const counties = pgTable('counties', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The county's own list of townships and villages (official codes stopped being published in 2024). */
export const divisions = pgTable(
  'divisions',
  {
    countyCode: text('county_code').notNull(),
    code: text('code').notNull(),
    level: text('level', { enum: ['county', 'township', 'village'] }).notNull(),
    parentCode: text('parent_code'),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    official: boolean('official').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.code] }),
    index('divisions_parent_idx').on(t.countyCode, t.parentCode),
    check('divisions_level_ck', sql`${t.level} in ('county','township','village')`),
  ],
);

/** 县教育局 (局直), 乡镇中心校, 片区管理中心: the education management units schools belong to. */
export const managementUnits = pgTable(
  'management_units',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind', { enum: ['bureau', 'central_school', 'district_centre'] }).notNull(),
    name: text('name').notNull(),
    townshipCode: text('township_code'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    check('units_kind_ck', sql`${t.kind} in ('bureau','central_school','district_centre')`),
  ],
);

export const schools = pgTable(
  'schools',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    townshipCode: text('township_code').notNull(),
    villageCode: text('village_code'),
    unitId: uuid('unit_id').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    uniqueIndex('schools_code_uq').on(t.countyCode, t.code),
    index('schools_unit_idx').on(t.countyCode, t.unitId),
    index('schools_township_idx').on(t.countyCode, t.townshipCode),
    check('schools_code_ck', sql`${t.code} ~ '^[0-9]{10}$'`),
  ],
);

export const classes = pgTable(
  'classes',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    schoolId: uuid('school_id').notNull(),
    schoolYear: integer('school_year').notNull(),
    grade: integer('grade').notNull(),
    name: text('name').notNull(),
    headTeacherId: uuid('head_teacher_id'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    uniqueIndex('classes_name_uq').on(t.countyCode, t.schoolId, t.schoolYear, t.grade, t.name),
    check('classes_grade_ck', sql`${t.grade} between 1 and 9`),
  ],
);
