import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * One upload of one registry for one jurisdiction (the county, or a school for its roster).
 * Lifecycle: staged (parsed, previewed) → loading (rows being copied in chunks) → committed (the newest per scope; what
 * comparisons read) → superseded (history). cancelled and failed snapshots keep no rows. Only committed snapshots are read.
 */
export const registrySnapshots = pgTable(
  'registry_snapshots',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind', { enum: ['hukou', 'xueji', 'roster', 'poverty', 'disability'] }).notNull(),
    /** 'county' (scopeId = county code) or 'school' (scopeId = school id) */
    scopeKind: text('scope_kind', { enum: ['county', 'school'] }).notNull(),
    scopeId: text('scope_id').notNull(),
    fileName: text('file_name').notNull(),
    fileHash: text('file_hash').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    encoding: text('encoding').notNull(),
    storageKey: text('storage_key'),
    columnMapping: jsonb('column_mapping').notNull().default({}),
    unknownColumns: jsonb('unknown_columns').notNull().default([]),
    /** required columns the file lacks (the user maps a header to them in the preview, or cancels) */
    missingColumns: jsonb('missing_columns').notNull().default([]),
    /** the first rows as written, for the preview */
    preview: jsonb('preview').notNull().default([]),
    status: text('status', { enum: ['staged', 'loading', 'committed', 'superseded', 'cancelled', 'failed'] }).notNull(),
    rowCount: integer('row_count').notNull().default(0),
    acceptedCount: integer('accepted_count').notNull().default(0),
    rejectedCount: integer('rejected_count').notNull().default(0),
    warningCount: integer('warning_count').notNull().default(0),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    committedBy: uuid('committed_by'),
    /** when the committed rows were applied to the children registry (null: pending, re-run at start-up) */
    fedAt: timestamp('fed_at', { withTimezone: true }),
    /** why a snapshot failed, kept after the in-memory job is gone */
    message: text('message'),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    uniqueIndex('registry_snapshots_one_committed_uq')
      .on(t.countyCode, t.kind, t.scopeId)
      .where(sql`status = 'committed'`),
    index('registry_snapshots_kind_idx').on(t.countyCode, t.kind, t.uploadedAt),
    check('registry_snapshots_kind_ck', sql`${t.kind} in ('hukou','xueji','roster','poverty','disability')`),
    check('registry_snapshots_status_ck', sql`${t.status} in ('staged','loading','committed','superseded','cancelled','failed')`),
  ],
);

/** Columns every registry row keeps: where it came from, the cells as written, and the normalised identity. */
const rowBase = {
  countyCode: text('county_code').notNull(),
  snapshotId: uuid('snapshot_id').notNull(),
  rowNo: integer('row_no').notNull(),
  raw: jsonb('raw').notNull(),
  name: text('name').notNull(),
  namePinyin: text('name_pinyin').notNull().default(''),
  nameInitials: text('name_initials').notNull().default(''),
  idRaw: text('id_raw'),
  idNumber: text('id_number'),
  idValid: boolean('id_valid').notNull().default(false),
  gender: text('gender'),
  birthDate: date('birth_date', { mode: 'string' }),
};

export const householdRecords = pgTable(
  'household_records',
  {
    ...rowBase,
    nation: text('nation'),
    address: text('address'),
    divisionCode: text('division_code'),
    guardianName: text('guardian_name'),
    guardianPhone: text('guardian_phone'),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.snapshotId, t.rowNo] }), index('household_records_id_idx').on(t.countyCode, t.idNumber)],
);

export const studentRecords = pgTable(
  'student_records',
  {
    ...rowBase,
    studentNo: text('student_no'),
    schoolCode: text('school_code').notNull(),
    schoolName: text('school_name'),
    grade: integer('grade'),
    className: text('class_name'),
    status: text('status'),
    idType: text('id_type'),
    studyMode: text('study_mode'),
    divisionCode: text('division_code'),
    migrant: boolean('migrant'),
    leftBehind: boolean('left_behind'),
    disabled: boolean('disabled'),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.snapshotId, t.rowNo] }),
    index('student_records_id_idx').on(t.countyCode, t.idNumber),
    index('student_records_school_idx').on(t.countyCode, t.schoolCode),
  ],
);

export const rosterEntries = pgTable(
  'roster_entries',
  {
    ...rowBase,
    schoolCode: text('school_code').notNull(),
    grade: integer('grade'),
    className: text('class_name'),
    studentNo: text('student_no'),
    idType: text('id_type'),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.snapshotId, t.rowNo] }),
    index('roster_entries_school_idx').on(t.countyCode, t.schoolCode, t.grade),
    // a class list (every 到校日报 submission reads one): the snapshot's rows of a grade and class name
    index('roster_entries_class_idx').on(t.countyCode, t.snapshotId, t.grade, t.className),
  ],
);

export const povertyRecords = pgTable(
  'poverty_records',
  {
    ...rowBase,
    householdType: text('household_type'),
    headName: text('head_name'),
    headIdNumber: text('head_id_number'),
    relation: text('relation'),
    divisionCode: text('division_code'),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.snapshotId, t.rowNo] }), index('poverty_records_id_idx').on(t.countyCode, t.idNumber)],
);

export const disabilityRecords = pgTable(
  'disability_records',
  {
    ...rowBase,
    certNo: text('cert_no'),
    category: text('category'),
    disabilityGrade: text('disability_grade'),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.snapshotId, t.rowNo] }), index('disability_records_id_idx').on(t.countyCode, t.idNumber)],
);

/** Rejected rows and warnings of a snapshot, with file row number and column, in Chinese. */
export const importProblems = pgTable(
  'import_problems',
  {
    countyCode: text('county_code').notNull(),
    snapshotId: uuid('snapshot_id').notNull(),
    seq: integer('seq').notNull(),
    rowNo: integer('row_no').notNull(),
    columnName: text('column_name').notNull(),
    severity: text('severity', { enum: ['rejected', 'warning'] }).notNull(),
    message: text('message').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.snapshotId, t.seq] })],
);

/** Every change a registry (or a user) made to a child's identity: which snapshot said what. */
export const childIdentityHistory = pgTable(
  'child_identity_history',
  {
    countyCode: text('county_code').notNull(),
    childId: uuid('child_id').notNull(),
    seq: uuid('seq').notNull(),
    field: text('field').notNull(),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    source: text('source').notNull(),
    sourceLabel: text('source_label').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.childId, t.seq] })],
);
