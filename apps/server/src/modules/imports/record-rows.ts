import type { RegistryKind } from './formats/columns';
import type { AcceptedRecord } from './read-registry';

/** The table each registry kind is kept in, and the COPY columns of one accepted record. */
export const RECORD_TABLES: Record<RegistryKind, string> = {
  hukou: 'household_records',
  xueji: 'student_records',
  roster: 'roster_entries',
  poverty: 'poverty_records',
  disability: 'disability_records',
};

const BASE = [
  'county_code',
  'snapshot_id',
  'row_no',
  'raw',
  'name',
  'name_pinyin',
  'name_initials',
  'id_raw',
  'id_number',
  'id_valid',
  'gender',
  'birth_date',
];

export const RECORD_COLUMNS: Record<RegistryKind, string[]> = {
  hukou: [...BASE, 'nation', 'address', 'division_code', 'guardian_name', 'guardian_phone'],
  xueji: [
    ...BASE,
    'student_no',
    'school_code',
    'school_name',
    'grade',
    'class_name',
    'status',
    'id_type',
    'study_mode',
    'division_code',
    'migrant',
    'left_behind',
    'disabled',
  ],
  roster: [...BASE, 'school_code', 'grade', 'class_name', 'student_no', 'id_type'],
  poverty: [...BASE, 'household_type', 'head_name', 'head_id_number', 'relation', 'division_code'],
  disability: [...BASE, 'cert_no', 'category', 'disability_grade'],
};

/** A text value in COPY's text format: backslash, tab, newline and carriage return escaped. */
const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escapeText = (s: string) => (SPECIAL.test(s) ? s.replace(SPECIALS, (c) => ESCAPES[c]) : s);

/** NULL in COPY's text format */
const NULL = '\\N';
/** A text column: NULL when empty (as the CSV rows had it), the value escaped otherwise. */
const orNull = (s: string | null | undefined) => (s === '' || s === undefined || s === null ? NULL : escapeText(s));
/** A column that keeps '' (NOT NULL text) */
const text = (s: string) => escapeText(s);
const num = (n: number | null) => (n === null ? NULL : String(n));
const bool = (b: boolean | null) => (b === null ? NULL : b ? 'true' : 'false');

/** The first two columns (county, snapshot) of every line of one snapshot, in COPY's text format. */
export const linePrefix = (countyCode: string, snapshotId: string) => `${escapeText(countyCode)}\t${escapeText(snapshotId)}\t`;

/**
 * One accepted record as a line of COPY … (FORMAT text) in the order of RECORD_COLUMNS[kind], after `prefix`
 * (linePrefix). Written as one string: this runs once per row of a 300,000-row file.
 */
export function recordLine(prefix: string, a: AcceptedRecord): string {
  const r = a.record;
  const base =
    prefix +
    num(r.row) +
    '\t' +
    escapeText(a.rawJson) +
    '\t' +
    text(r.name) +
    '\t' +
    text(a.pinyin.full) +
    '\t' +
    text(a.pinyin.initials) +
    '\t' +
    orNull(r.idRaw) +
    '\t' +
    orNull(r.idNumber) +
    '\t' +
    bool(r.idValid) +
    '\t' +
    orNull(r.gender) +
    '\t' +
    orNull(r.birthDate);
  switch (r.kind) {
    case 'hukou':
      return `${base}\t${orNull(r.nation)}\t${orNull(r.address)}\t${orNull(r.householdDivisionCode)}\t${orNull(r.guardianName)}\t${orNull(r.guardianPhone)}\n`;
    case 'xueji':
      return (
        `${base}\t${orNull(r.studentNo)}\t${text(r.schoolCode)}\t${orNull(r.schoolName)}\t${num(r.grade)}\t${orNull(r.className)}` +
        `\t${r.status ?? orNull(r.statusRaw)}\t${orNull(r.idType)}\t${r.homeTaught ? '送教上门' : orNull(r.studyMode)}` +
        `\t${orNull(r.householdDivisionCode)}\t${bool(r.migrant)}\t${bool(r.leftBehind)}\t${bool(r.disabled)}\n`
      );
    case 'roster':
      return `${base}\t${text(r.schoolCode)}\t${num(r.grade)}\t${orNull(r.className)}\t${orNull(r.studentNo)}\t${orNull(r.idType)}\n`;
    case 'poverty':
      return `${base}\t${orNull(r.householdType)}\t${orNull(r.headName)}\t${orNull(r.headIdNumber)}\t${orNull(r.relation)}\t${orNull(r.divisionCode)}\n`;
    case 'disability':
      return `${base}\t${orNull(r.disabilityCertNo)}\t${orNull(r.disabilityCategory)}\t${orNull(r.disabilityGrade)}\n`;
  }
}
