import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { rows } from '../../db/client';
import type { RegistryKind } from '../imports/formats/columns';
import { parseHouseholdType, type Gender, type IdTypeCode, type StudentStatus } from '../imports/formats/normalize';
import type { RegistryRecord } from '../imports/formats/records';

/**
 * The committed snapshots of a county, read back from the database as importer records, for the engine (issue 4,
 * item 4: "runs a reconciliation on the newest snapshots"). Records are numbered 1…n per kind across snapshots (a
 * county may hold one roster per school); `origin` maps each number back to its snapshot and file row.
 */
export type Origin = { snapshotId: string; rowNo: number };
export type PlatformInput = {
  records: Record<RegistryKind, RegistryRecord[]>;
  origin: Record<RegistryKind, Origin[]>;
  snapshots: Record<RegistryKind, string[]>;
};

type Row = {
  snapshot_id: string;
  row_no: number;
  name: string;
  id_number: string | null;
  id_valid: boolean;
  gender: string | null;
  birth_date: string | null;
  id_type?: string | null;
  student_no?: string | null;
  school_code?: string | null;
  school_name?: string | null;
  grade?: number | null;
  class_name?: string | null;
  status?: string | null;
  study_mode?: string | null;
  division_code?: string | null;
  migrant?: boolean | null;
  household_type?: string | null;
};

const TABLE: Record<RegistryKind, string> = {
  hukou: 'household_records',
  xueji: 'student_records',
  roster: 'roster_entries',
  poverty: 'poverty_records',
  disability: 'disability_records',
};

const EXTRA: Record<RegistryKind, string> = {
  hukou: ', r.division_code',
  xueji:
    ', r.id_type, r.student_no, r.school_code, r.school_name, r.grade, r.class_name, r.status, r.study_mode, r.division_code, r.migrant',
  roster: ', r.id_type, r.student_no, r.school_code, r.grade, r.class_name',
  poverty: ', r.household_type',
  disability: '',
};

function identity(r: Row, row: number) {
  const idType = (r.id_type ?? null) as IdTypeCode | null;
  const idChecked = idType === null || idType === '1';
  return {
    row,
    name: r.name,
    gender: (r.gender === '男' || r.gender === '女' ? r.gender : null) as Gender | null,
    genderFromId: false,
    birthDate: r.birth_date,
    birthDateFromId: false,
    idRaw: r.id_number ?? '',
    idNumber: r.id_number ?? '',
    idType,
    idChecked,
    idValid: r.id_valid,
    idProblem: null,
    idUpgradedFrom15: false,
  };
}

function toRecord(kind: RegistryKind, r: Row, row: number): RegistryRecord {
  const base = identity(r, row);
  switch (kind) {
    case 'hukou':
      return { ...base, kind, nation: '', address: '', householdDivisionCode: r.division_code ?? '', guardianName: '', guardianPhone: '' };
    case 'xueji':
      return {
        ...base,
        kind,
        studentNo: r.student_no ?? '',
        schoolCode: r.school_code ?? '',
        schoolName: r.school_name ?? '',
        grade: r.grade ?? null,
        gradeRaw: r.grade ? String(r.grade) : '',
        className: r.class_name ?? '',
        status: (r.status ?? null) as StudentStatus | null,
        statusRaw: r.status ?? '',
        studyMode: r.study_mode ?? '',
        homeTaught: r.study_mode === '送教上门',
        householdDivisionCode: r.division_code ?? '',
        migrant: r.migrant ?? null,
        leftBehind: null,
        disabled: null,
      };
    case 'roster':
      return {
        ...base,
        kind,
        schoolCode: r.school_code ?? '',
        grade: r.grade ?? null,
        gradeRaw: r.grade ? String(r.grade) : '',
        className: r.class_name ?? '',
        studentNo: r.student_no ?? '',
      };
    case 'poverty':
      return {
        ...base,
        kind,
        householdType: r.household_type ?? '',
        householdCategory: parseHouseholdType(r.household_type ?? ''),
        headName: '',
        headIdNumber: '',
        relation: '',
        divisionCode: '',
      };
    case 'disability':
      return { ...base, kind, disabilityCertNo: '', disabilityCategory: '', disabilityGrade: '' };
  }
}

/** Load the committed snapshots of the county (every kind; rosters of all schools). */
export async function loadPlatformInput(db: DbOrTx, countyCode: string): Promise<PlatformInput> {
  const out: PlatformInput = {
    records: { hukou: [], xueji: [], roster: [], poverty: [], disability: [] },
    origin: { hukou: [], xueji: [], roster: [], poverty: [], disability: [] },
    snapshots: { hukou: [], xueji: [], roster: [], poverty: [], disability: [] },
  };
  for (const kind of Object.keys(TABLE) as RegistryKind[]) {
    const data = await rows<Row>(
      db,
      sql.raw(`select r.snapshot_id, r.row_no, r.name, r.id_number, r.id_valid, r.gender, r.birth_date::text as birth_date${EXTRA[kind]}
        from ${TABLE[kind]} r join registry_snapshots s on s.county_code = r.county_code and s.id = r.snapshot_id
        where s.county_code = '${countyCode.replace(/[^0-9]/g, '')}' and s.kind = '${kind}' and s.status = 'committed'
        order by s.committed_at, r.row_no`),
    );
    data.forEach((r, i) => {
      out.records[kind].push(toRecord(kind, r, i + 1));
      out.origin[kind].push({ snapshotId: r.snapshot_id, rowNo: r.row_no });
    });
    out.snapshots[kind] = [...new Set(data.map((r) => r.snapshot_id))];
  }
  return out;
}
