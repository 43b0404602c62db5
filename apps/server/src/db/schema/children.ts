import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid, boolean } from 'drizzle-orm/pg-core';

/** The resolved person: one row per child the county knows of. Later issues fill it from the registries. */
export const children = pgTable(
  'children',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    /** full pinyin without tones, lower case, no spaces (e.g. "zhangsanfeng") */
    namePinyin: text('name_pinyin').notNull().default(''),
    /** pinyin initials (e.g. "zsf") */
    nameInitials: text('name_initials').notNull().default(''),
    gender: text('gender').notNull().default(''),
    birthDate: date('birth_date', { mode: 'string' }),
    idNumber: text('id_number'),
    idNumberValid: boolean('id_number_valid').notNull().default(false),
    nation: text('nation'),
    householdVillageCode: text('household_village_code'),
    householdTownshipCode: text('household_township_code'),
    householdAddress: text('household_address'),
    guardianName: text('guardian_name'),
    guardianRelation: text('guardian_relation'),
    guardianPhone: text('guardian_phone'),
    schoolId: uuid('school_id'),
    classId: uuid('class_id'),
    grade: integer('grade'),
    studentNo: text('student_no'),
    status: text('status').notNull().default('在读'),
    /** fields a user corrected by hand; registry imports do not overwrite them (issue 3, item 9) */
    manualFields: text('manual_fields')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    // partial: a child known only from 户籍 has no school or class, and queries always name one (= implies not null);
    // an import of 300,000 household rows then writes two fewer index entries per new child
    index('children_school_idx')
      .on(t.countyCode, t.schoolId, t.grade)
      .where(sql`school_id is not null`),
    index('children_class_idx')
      .on(t.countyCode, t.classId)
      .where(sql`class_id is not null`),
    index('children_village_idx').on(t.countyCode, t.householdVillageCode),
    index('children_township_idx').on(t.countyCode, t.householdTownshipCode),
    index('children_id_number_idx').on(t.countyCode, t.idNumber),
    // prefix search on pinyin initials (LIKE 'zs%'); names are searched with ILIKE '%…%', which no b-tree serves
    index('children_initials_idx').on(t.countyCode, t.nameInitials.op('text_pattern_ops')),
  ],
);

/** Key-group flags, each with its source: a registry snapshot, a user, or the demo seed. */
export const childKeyGroups = pgTable(
  'child_key_groups',
  {
    countyCode: text('county_code').notNull(),
    childId: uuid('child_id').notNull(),
    group: text('group').notNull(),
    source: text('source').notNull(),
    sourceLabel: text('source_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.childId, t.group, t.source] }),
    index('child_key_groups_group_idx').on(t.countyCode, t.group),
  ],
);
