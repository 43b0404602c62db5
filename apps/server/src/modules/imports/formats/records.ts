/**
 * One registry row → a typed, normalised record plus its problems (formats.md: "Rows are data, not errors").
 * A row is rejected only when it cannot describe a child: no 姓名, or (学籍, 名册) no 学校标识码. Every other defect
 * keeps the row and is a warning naming file, row and column.
 */
import { parseIdNumber, problemMessage } from '@notoneless/shared/rules/id-number';
import { canonicalHeader, type ColumnKey, type RegistryKind, type RowCells } from './columns';
import { parseIdentity, type IdentityFields, type Warn } from './identity';
import {
  isDivisionCode,
  isSchoolCode,
  normalizeCode,
  normalizeName,
  normalizeText,
  parseFlag,
  parseGrade,
  parseHouseholdType,
  parseStudentStatus,
  type HouseholdCategory,
  type StudentStatus,
} from './normalize';
import type { ImportProblem } from './problems';

export type HukouRecord = IdentityFields & {
  kind: 'hukou';
  nation: string;
  address: string;
  householdDivisionCode: string;
  guardianName: string;
  guardianPhone: string;
};

export type XuejiRecord = IdentityFields & {
  kind: 'xueji';
  studentNo: string;
  schoolCode: string;
  schoolName: string;
  /** 1–9, or null when empty or unrecognised (gradeRaw keeps the cell). */
  grade: number | null;
  gradeRaw: string;
  className: string;
  /** null when empty or unrecognised (statusRaw keeps the cell). */
  status: StudentStatus | null;
  statusRaw: string;
  studyMode: string;
  /** 就读方式 says 送教上门. */
  homeTaught: boolean;
  householdDivisionCode: string;
  migrant: boolean | null;
  leftBehind: boolean | null;
  disabled: boolean | null;
};

export type RosterRecord = IdentityFields & {
  kind: 'roster';
  schoolCode: string;
  grade: number | null;
  gradeRaw: string;
  className: string;
  studentNo: string;
};

export type PovertyRecord = IdentityFields & {
  kind: 'poverty';
  householdType: string;
  householdCategory: HouseholdCategory | null;
  headName: string;
  headIdNumber: string;
  relation: string;
  divisionCode: string;
};

export type DisabilityRecord = IdentityFields & {
  kind: 'disability';
  disabilityCertNo: string;
  disabilityCategory: string;
  disabilityGrade: string;
};

export type RegistryRecordMap = {
  hukou: HukouRecord;
  xueji: XuejiRecord;
  roster: RosterRecord;
  poverty: PovertyRecord;
  disability: DisabilityRecord;
};
export type RegistryRecord<K extends RegistryKind = RegistryKind> = RegistryRecordMap[K];

export type NormalizeContext = {
  fileName: string;
  /** Base date (YYYY-MM-DD) for "future birth date". */
  asOf: string;
  /** Headers as written in the file, for messages (HeaderMapping.headerOf); canonical headers otherwise. */
  headerOf?: Partial<Record<ColumnKey, string>>;
};

export type NormalizedRow<K extends RegistryKind> = { record: RegistryRecord<K> | null; problems: ImportProblem[] };

/** The problems of one row; `warn` is a method so that no closure is made per row. */
class RowProblems implements Warn {
  readonly list: ImportProblem[] = [];
  constructor(
    private readonly kind: RegistryKind,
    private readonly ctx: NormalizeContext,
    private readonly row: number,
  ) {}
  warn(key: ColumnKey, message: string): void {
    this.add('warning', key, message);
  }
  reject(key: ColumnKey, message: string): void {
    this.add('rejected', key, message);
  }
  private add(severity: ImportProblem['severity'], key: ColumnKey, message: string) {
    const column = this.ctx.headerOf?.[key] ?? canonicalHeader(this.kind, key);
    this.list.push({ file: this.ctx.fileName, row: this.row, column, severity, message });
  }
}

type Fields = { cells: RowCells; w: Warn };

const text = (v: string | undefined) => normalizeText(v ?? '');

function gradeOf({ cells, w }: Fields) {
  const gradeRaw = text(cells.grade);
  const grade = parseGrade(gradeRaw);
  if (gradeRaw !== '' && grade === null) w.warn('grade', `年级“${gradeRaw}”无法识别（应为1–9年级，如 3、三年级、初一）`);
  return { grade, gradeRaw };
}

function schoolCodeOf({ cells, w }: Fields): string {
  const schoolCode = normalizeCode(cells.schoolCode ?? '');
  if (!isSchoolCode(schoolCode)) w.warn('schoolCode', `学校标识码“${schoolCode}”应为10位数字`);
  return schoolCode;
}

function divisionOf({ cells, w }: Fields, key: 'householdDivisionCode' | 'divisionCode'): string {
  const code = normalizeCode(cells[key] ?? '');
  if (code !== '' && !isDivisionCode(code)) w.warn(key, `区划代码“${code}”应为6、9或12位数字`);
  return code;
}

function flagOf({ cells, w }: Fields, key: 'migrant' | 'leftBehind' | 'disabled', word: string): boolean | null {
  const raw = text(cells[key]);
  if (raw === '') return null;
  const v = parseFlag(raw, word);
  if (v === null) w.warn(key, `“${raw}”无法识别（应为是或否）`);
  return v;
}

function statusOf({ cells, w }: Fields) {
  const statusRaw = text(cells.status);
  const status = parseStudentStatus(statusRaw);
  if (cells.status !== undefined && statusRaw === '') w.warn('status', '学籍状态为空');
  else if (statusRaw !== '' && status === null) {
    w.warn('status', `学籍状态“${statusRaw}”无法识别（应为在读、休学、转出、毕业、辍学或死亡）`);
  }
  return { status, statusRaw };
}

function hukouFields(f: Fields): Omit<HukouRecord, keyof IdentityFields> {
  return {
    kind: 'hukou',
    nation: text(f.cells.nation),
    address: text(f.cells.address),
    householdDivisionCode: divisionOf(f, 'householdDivisionCode'),
    guardianName: normalizeName(f.cells.guardianName ?? ''),
    guardianPhone: normalizeCode(f.cells.guardianPhone ?? ''),
  };
}

function xuejiFields(f: Fields): Omit<XuejiRecord, keyof IdentityFields> {
  const studyMode = text(f.cells.studyMode);
  const studentNo = normalizeCode(f.cells.studentNo ?? '');
  const schoolCode = schoolCodeOf(f);
  const { grade, gradeRaw } = gradeOf(f);
  const { status, statusRaw } = statusOf(f);
  return {
    kind: 'xueji',
    studentNo,
    schoolCode,
    schoolName: text(f.cells.schoolName),
    grade,
    gradeRaw,
    className: text(f.cells.className),
    status,
    statusRaw,
    studyMode,
    homeTaught: studyMode.includes('送教上门'),
    householdDivisionCode: divisionOf(f, 'householdDivisionCode'),
    migrant: flagOf(f, 'migrant', '随迁'),
    leftBehind: flagOf(f, 'leftBehind', '留守'),
    disabled: flagOf(f, 'disabled', '残疾'),
  };
}

function rosterFields(f: Fields): Omit<RosterRecord, keyof IdentityFields> {
  const schoolCode = schoolCodeOf(f);
  const { grade, gradeRaw } = gradeOf(f);
  return {
    kind: 'roster',
    schoolCode,
    grade,
    gradeRaw,
    className: text(f.cells.className),
    studentNo: normalizeCode(f.cells.studentNo ?? ''),
  };
}

function povertyFields(f: Fields): Omit<PovertyRecord, keyof IdentityFields> {
  const householdType = text(f.cells.householdType);
  const householdCategory = parseHouseholdType(householdType);
  if (f.cells.householdType !== undefined && householdType === '') f.w.warn('householdType', '户类型为空');
  else if (householdType !== '' && householdCategory === null) {
    f.w.warn('householdType', `户类型“${householdType}”无法识别（应为脱贫户、监测户、低保户或特困供养户）`);
  }
  const head = parseIdNumber(f.cells.headIdNumber ?? '');
  if (head.problem && head.problem !== 'empty') f.w.warn('headIdNumber', `户主${problemMessage(head.problem)}，请核对`);
  return {
    kind: 'poverty',
    householdType,
    householdCategory,
    headName: normalizeName(f.cells.headName ?? ''),
    headIdNumber: head.normalized,
    relation: text(f.cells.relation),
    divisionCode: divisionOf(f, 'divisionCode'),
  };
}

function disabilityFields(f: Fields): Omit<DisabilityRecord, keyof IdentityFields> {
  return {
    kind: 'disability',
    disabilityCertNo: normalizeCode(f.cells.disabilityCertNo ?? ''),
    disabilityCategory: text(f.cells.disabilityCategory),
    disabilityGrade: text(f.cells.disabilityGrade),
  };
}

const KIND_FIELDS: { [K in RegistryKind]: (f: Fields) => Omit<RegistryRecordMap[K], keyof IdentityFields> } = {
  hukou: hukouFields,
  xueji: xuejiFields,
  roster: rosterFields,
  poverty: povertyFields,
  disability: disabilityFields,
};

const NEEDS_SCHOOL = new Set<RegistryKind>(['xueji', 'roster']);

/** Normalise one data row of a registry file. `row` is the data-row number (from 1). */
export function normalizeRow<K extends RegistryKind>(kind: K, ctx: NormalizeContext, row: number, cells: RowCells): NormalizedRow<K> {
  const problems = new RowProblems(kind, ctx, row);
  const name = normalizeName(cells.name ?? '');
  if (name === '') problems.reject('name', '姓名为空，无法确定是哪个孩子，该行未导入');
  if (NEEDS_SCHOOL.has(kind) && normalizeCode(cells.schoolCode ?? '') === '') {
    problems.reject('schoolCode', '学校标识码为空，无法确定学校，该行未导入');
  }
  if (problems.list.length > 0) return { record: null, problems: problems.list };

  const identity = parseIdentity(row, name, cells, { asOf: ctx.asOf, idExpected: kind !== 'roster' }, problems);
  const specific = KIND_FIELDS[kind]({ cells, w: problems });
  // Object.assign, not a spread: spreading into a ~30-property object is ~100× slower in V8 (20 µs a row).
  return { record: Object.assign(identity, specific) as RegistryRecord<K>, problems: problems.list };
}
