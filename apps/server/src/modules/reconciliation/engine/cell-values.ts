/**
 * What one cell means, computed by the importer's own normalisers (formats/normalize.ts) exactly as normalizeRow
 * applies them, plus whether normalizeRow would warn about it. The fast reader caches these per distinct cell;
 * a row with any warning is handed to normalizeRow itself, so its problems read word for word as the importer's.
 */
import { parseIdNumber } from '@notoneless/shared/rules/id-number';
import {
  isDivisionCode,
  isSchoolCode,
  normalizeCode,
  normalizeText,
  parseDateCell,
  parseFlag,
  parseGender,
  parseGrade,
  parseHouseholdType,
  parseIdType,
  parseStudentStatus,
} from '../../imports/formats/normalize';
import { dateToInt, HOUSEHOLD_CODES, STATUS_CODES } from './table';

/** `warns`: normalizeRow would report this cell (or reject the row). */
export type Cell<T> = T & { warns: boolean };

export const genderCell = (v: string): Cell<{ gender: number }> => {
  const cell = v.trim();
  const g = cell === '' ? null : parseGender(cell);
  return { gender: g === '男' ? 1 : g === '女' ? 2 : 0, warns: cell !== '' && g === null };
};

export const dateCell = (v: string): Cell<{ date: number }> => {
  const p = parseDateCell(v.trim());
  return { date: p.value ? dateToInt(p.value) : 0, warns: p.problem !== undefined };
};

/** 身份证件类型: only an empty cell or 居民身份证 (1) stay on the fast path. */
export const idTypeCell = (v: string): Cell<{ code: number }> => {
  const cell = v.trim();
  if (cell === '') return { code: 0, warns: false };
  const t = parseIdType(cell);
  return { code: t === null ? 0 : t.charCodeAt(0), warns: t !== '1' };
};

/** 学校标识码: an empty one rejects the row, a malformed one warns. */
export const schoolCell = (v: string): Cell<{ code: string }> => {
  const code = normalizeCode(v);
  return { code, warns: !isSchoolCode(code) };
};

export const gradeCell = (v: string): Cell<{ grade: number }> => {
  const raw = normalizeText(v);
  const g = parseGrade(raw);
  return { grade: g ?? 0, warns: raw !== '' && g === null };
};

export const textCell = (v: string): Cell<{ text: string }> => ({ text: normalizeText(v), warns: false });

export const statusCell = (v: string): Cell<{ status: number }> => {
  const raw = normalizeText(v);
  const s = parseStudentStatus(raw);
  return { status: s === null ? 0 : STATUS_CODES[s], warns: s === null };
};

export const studyModeCell = (v: string): Cell<{ homeTaught: boolean }> => ({
  homeTaught: normalizeText(v).includes('送教上门'),
  warns: false,
});

export const divisionCell = (v: string): Cell<{ code: string }> => {
  const code = normalizeCode(v);
  return { code, warns: code !== '' && !isDivisionCode(code) };
};

export const flagCell =
  (word: string) =>
  (v: string): Cell<{ flag: number }> => {
    const raw = normalizeText(v);
    if (raw === '') return { flag: 0, warns: false };
    const f = parseFlag(raw, word);
    return { flag: f === null ? 0 : f ? 1 : 2, warns: f === null };
  };

export const householdCell = (v: string): Cell<{ text: string; category: number }> => {
  const text = normalizeText(v);
  const c = parseHouseholdType(text);
  return { text, category: c === null ? 0 : HOUSEHOLD_CODES[c], warns: c === null };
};

/** 户主身份证号: warned about when present and invalid. */
export const headIdCell = (v: string): Cell<object> => {
  const p = parseIdNumber(v);
  return { warns: p.problem !== undefined && p.problem !== 'empty' };
};

export const codeCell = (v: string): Cell<{ code: string }> => ({ code: normalizeCode(v), warns: false });
