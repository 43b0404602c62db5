import type { CopyValue } from '../../db/copy';
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

const orNull = (s: string | null | undefined) => (s === '' || s === undefined ? null : s);

export function recordRow(countyCode: string, snapshotId: string, a: AcceptedRecord): CopyValue[] {
  const r = a.record;
  const base: CopyValue[] = [
    countyCode,
    snapshotId,
    r.row,
    JSON.stringify(a.raw),
    r.name,
    a.pinyin.full,
    a.pinyin.initials,
    orNull(r.idRaw),
    orNull(r.idNumber),
    r.idValid,
    r.gender,
    r.birthDate,
  ];
  switch (r.kind) {
    case 'hukou':
      return [
        ...base,
        orNull(r.nation),
        orNull(r.address),
        orNull(r.householdDivisionCode),
        orNull(r.guardianName),
        orNull(r.guardianPhone),
      ];
    case 'xueji':
      return [
        ...base,
        orNull(r.studentNo),
        r.schoolCode,
        orNull(r.schoolName),
        r.grade,
        orNull(r.className),
        r.status ?? orNull(r.statusRaw),
        r.idType,
        r.homeTaught ? '送教上门' : orNull(r.studyMode),
        orNull(r.householdDivisionCode),
        r.migrant,
        r.leftBehind,
        r.disabled,
      ];
    case 'roster':
      return [...base, r.schoolCode, r.grade, orNull(r.className), orNull(r.studentNo), r.idType];
    case 'poverty':
      return [...base, orNull(r.householdType), orNull(r.headName), orNull(r.headIdNumber), orNull(r.relation), orNull(r.divisionCode)];
    case 'disability':
      return [...base, orNull(r.disabilityCertNo), orNull(r.disabilityCategory), orNull(r.disabilityGrade)];
  }
}
