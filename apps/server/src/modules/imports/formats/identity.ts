/**
 * The identity part every registry row shares: 姓名, 性别, 出生日期, 身份证件号 (+ 身份证件类型).
 * Rules (formats.md): only type 1 (or an empty type) is checked against GB 11643; other documents are kept as
 * written. Birth date and gender come from a valid ID when their cells are empty; a cell that disagrees with the ID
 * keeps its value and gets a warning saying which differs.
 */
import { normalizeIdNumber, parseIdNumber, problemMessage, type IdProblem } from '@notoneless/shared/rules/id-number';
import type { ColumnKey, RowCells } from './columns';
import { parseDateCell, parseGender, parseIdType, type Gender, type IdTypeCode } from './normalize';

export type IdentityFields = {
  /** Data-row number, from 1. */
  row: number;
  name: string;
  gender: Gender | null;
  /** True when gender was taken from the ID because the cell was empty or unreadable. */
  genderFromId: boolean;
  /** YYYY-MM-DD, or null when missing or impossible. */
  birthDate: string | null;
  birthDateFromId: boolean;
  /** The ID cell as written. */
  idRaw: string;
  /** Normalised ID ('' when empty): half-width, no spaces, upper-case X; a valid 15-digit number upgraded to 18. */
  idNumber: string;
  /** 身份证件类型; null when the file has no such column or the cell is empty (treated as 1). */
  idType: IdTypeCode | null;
  /** Checked against GB 11643 (type 1 or empty type). Other documents are matched as written. */
  idChecked: boolean;
  /** Checked and valid. */
  idValid: boolean;
  /** Why a checked ID is not valid ('empty' when there is none); null when valid or not checked. */
  idProblem: IdProblem | null;
  idUpgradedFrom15: boolean;
};

/** Where warnings go (an object with a method, not a closure per row: this runs 300,000 times a file). */
export type Warn = { warn(key: ColumnKey, message: string): void };

const ID_TYPE_NAMES: Record<IdTypeCode, string> = {
  1: '居民身份证',
  6: '香港特区护照/身份证明',
  7: '澳门特区护照/身份证明',
  8: '台湾居民来往大陆通行证',
  9: '境外永久居住证',
  A: '护照',
  Z: '其他证件',
};

export type IdentityOptions = {
  asOf: string;
  /** Warn about an empty ID cell (not in the roster, where the ID may be empty). */
  idExpected: boolean;
};

type IdPart = Pick<IdentityFields, 'idRaw' | 'idNumber' | 'idType' | 'idChecked' | 'idValid' | 'idProblem' | 'idUpgradedFrom15'>;
/** What a valid ID says about the child. */
type FromId = { birthDate?: string; gender?: Gender };

function parseId(cells: RowCells, opts: IdentityOptions, w: Warn): { id: IdPart; fromId: FromId } {
  const idRaw = cells.idNumber ?? '';
  const typeCell = (cells.idType ?? '').trim();
  const idType = typeCell === '' ? null : parseIdType(typeCell);
  if (typeCell !== '' && idType === null) {
    w.warn('idType', `身份证件类型“${typeCell}”无法识别，证件号按居民身份证规则校验`);
  }
  if (idType !== null && idType !== '1') {
    const idNumber = normalizeIdNumber(idRaw).toUpperCase();
    if (idNumber !== '') w.warn('idType', `证件类型为${ID_TYPE_NAMES[idType]}，证件号按原样比对，未按居民身份证规则校验`);
    return { id: { idRaw, idNumber, idType, idChecked: false, idValid: false, idProblem: null, idUpgradedFrom15: false }, fromId: {} };
  }
  const parsed = parseIdNumber(idRaw, opts.asOf);
  if (parsed.problem === 'empty') {
    if (opts.idExpected && cells.idNumber !== undefined) w.warn('idNumber', '身份证号为空');
  } else if (parsed.problem === 'birthdate' && parseIdNumber(idRaw).valid) {
    w.warn('idNumber', `身份证号中的出生日期晚于基准日期 ${opts.asOf}，请核对`);
  } else if (parsed.problem) {
    w.warn('idNumber', `${problemMessage(parsed.problem)}，请核对`);
  }
  const id: IdPart = {
    idRaw,
    idNumber: parsed.normalized,
    idType,
    idChecked: true,
    idValid: parsed.valid,
    idProblem: parsed.problem ?? null,
    idUpgradedFrom15: parsed.upgradedFrom15 === true,
  };
  return { id, fromId: parsed.valid ? { birthDate: parsed.birthDate, gender: parsed.gender } : {} };
}

function parseGenderCell(cells: RowCells, fromIdGender: Gender | undefined, w: Warn) {
  const cell = (cells.gender ?? '').trim();
  const gender = cell === '' ? null : parseGender(cell);
  if (cell !== '' && gender === null) w.warn('gender', `性别“${cell}”无法识别（应为男或女）`);
  if (gender === null) return { gender: fromIdGender ?? null, genderFromId: fromIdGender !== undefined };
  if (fromIdGender && fromIdGender !== gender) {
    w.warn('gender', `性别“${gender}”与身份证号不一致（身份证号显示为${fromIdGender}），已保留表中的性别`);
  }
  return { gender, genderFromId: false };
}

function parseBirthCell(cells: RowCells, fromIdBirth: string | undefined, asOf: string, w: Warn) {
  const cell = (cells.birthDate ?? '').trim();
  const parsed = parseDateCell(cell);
  if (parsed.problem === '日期不存在（如2月30日）') {
    w.warn('birthDate', `出生日期“${cell}”不存在（如2月30日），请核对`);
  } else if (parsed.problem) {
    w.warn('birthDate', `出生日期“${cell}”格式无法识别（可写作 2014-03-05、2014/3/5、20140305、2014年3月5日 或 2014.03.05）`);
  }
  const value = parsed.value;
  if (value === undefined) return { birthDate: fromIdBirth ?? null, birthDateFromId: fromIdBirth !== undefined };
  if (value > asOf) w.warn('birthDate', `出生日期 ${value} 晚于基准日期 ${asOf}，请核对`);
  if (fromIdBirth && fromIdBirth !== value) {
    w.warn('birthDate', `出生日期 ${value} 与身份证号不一致（身份证号中为 ${fromIdBirth}），已保留表中的出生日期`);
  }
  return { birthDate: value, birthDateFromId: false };
}

/**
 * Everything but the name, which the caller has checked (a row without 姓名 is rejected before this).
 * Built as one literal: spreading into a large literal is ~100× slower in V8, and this runs once per row.
 */
export function parseIdentity(row: number, name: string, cells: RowCells, opts: IdentityOptions, w: Warn): IdentityFields {
  const { id, fromId } = parseId(cells, opts, w);
  const g = parseGenderCell(cells, fromId.gender, w);
  const b = parseBirthCell(cells, fromId.birthDate, opts.asOf, w);
  return {
    row,
    name,
    gender: g.gender,
    genderFromId: g.genderFromId,
    birthDate: b.birthDate,
    birthDateFromId: b.birthDateFromId,
    idRaw: id.idRaw,
    idNumber: id.idNumber,
    idType: id.idType,
    idChecked: id.idChecked,
    idValid: id.idValid,
    idProblem: id.idProblem,
    idUpgradedFrom15: id.idUpgradedFrom15,
  };
}
