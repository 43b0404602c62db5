/**
 * 公民身份号码 rules (GB 11643-1999, check digit ISO 7064:1983 MOD 11-2).
 *
 * An 18-character number is: 6-digit area code (行政区划代码) · 8-digit birth date YYYYMMDD ·
 * 3-digit sequence (odd = 男, even = 女) · 1 check character (0-9 or X).
 * The old 15-digit number is: area code · YYMMDD · 3-digit sequence (19xx births, no check digit).
 * Pure functions, no IO.
 */

export type IdProblem = 'empty' | 'length' | 'chars' | 'checksum' | 'birthdate' | 'area';

export type ParsedIdNumber = {
  /** Normalised text; a valid 15-digit number is given as its 18-character upgrade. */
  normalized: string;
  valid: boolean;
  /** The first problem found, in the order empty → length → chars → area → birthdate → checksum. */
  problem?: IdProblem;
  /** YYYY-MM-DD, present whenever the birth-date digits form a real calendar date. */
  birthDate?: string;
  gender?: '男' | '女';
  areaCode?: string;
  upgradedFrom15?: boolean;
};

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;

/** Province-level prefixes of GB/T 2260 (incl. 71 台湾, 81 香港, 82 澳门, 83 港澳台居民居住证). */
const PROVINCE_PREFIXES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

const WHITESPACE = /[\s\u200B-\u200D\u2060\uFEFF]+/g;
const FULL_WIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
const DIGITS_17 = /^\d{17}$/;
const DIGITS_15 = /^\d{15}$/;
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Trim, drop all whitespace (incl. U+3000), full-width digits/letters → ASCII, lower-case x → X. */
export function normalizeIdNumber(raw: string): string {
  if (raw == null) return '';
  return String(raw)
    .replace(WHITESPACE, '')
    .replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/x/g, 'X');
}

/** ISO 7064 MOD 11-2 check character for the first 17 digits. Throws on anything but 17 digits. */
export function idCheckDigit(first17: string): string {
  if (!DIGITS_17.test(first17)) throw new RangeError(`idCheckDigit expects 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** 15-digit number → 18 characters: '19' inserted before the 2-digit year, check character appended. */
export function upgradeId15(id15: string): string {
  const id = normalizeIdNumber(id15);
  if (!DIGITS_15.test(id)) throw new RangeError(`upgradeId15 expects 15 digits, got "${id15}"`);
  const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
  return first17 + idCheckDigit(first17);
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

function birthDateOf(yyyymmdd: string): string | undefined {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1800 || !isRealDate(y, m, d)) return undefined;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

function isPlausibleArea(area: string): boolean {
  return PROVINCE_PREFIXES.has(area.slice(0, 2)) && area.slice(2) !== '0000';
}

/**
 * Parse and check a 公民身份号码. Never throws. `asOf` (YYYY-MM-DD), when given, also rejects birth dates after it.
 * birthDate, gender and areaCode stay populated when only the checksum (or only the area) is wrong:
 * they are still evidence for matching.
 */
export function parseIdNumber(raw: string | null | undefined, asOf?: string): ParsedIdNumber {
  let normalized = normalizeIdNumber(raw ?? '');
  if (normalized === '') return { normalized, valid: false, problem: 'empty' };
  if (normalized.length !== 18 && normalized.length !== 15) {
    return { normalized, valid: false, problem: 'length' };
  }

  let upgradedFrom15: boolean | undefined;
  if (normalized.length === 15) {
    if (!DIGITS_15.test(normalized)) return { normalized, valid: false, problem: 'chars' };
    upgradedFrom15 = true;
    normalized = upgradeId15(normalized);
  } else {
    const last = normalized[17];
    if (!DIGITS_17.test(normalized.slice(0, 17)) || !((last >= '0' && last <= '9') || last === 'X')) {
      return { normalized, valid: false, problem: 'chars' };
    }
  }

  const areaCode = normalized.slice(0, 6);
  const gender: '男' | '女' = (normalized.charCodeAt(16) - 48) % 2 === 1 ? '男' : '女';
  let birthDate = birthDateOf(normalized.slice(6, 14));
  if (birthDate !== undefined && asOf !== undefined && birthDate > asOf) birthDate = undefined;

  const result: ParsedIdNumber = { normalized, valid: false, areaCode, gender };
  if (birthDate !== undefined) result.birthDate = birthDate;
  if (upgradedFrom15) result.upgradedFrom15 = true;

  if (!isPlausibleArea(areaCode)) result.problem = 'area';
  else if (birthDate === undefined) result.problem = 'birthdate';
  else if (idCheckDigit(normalized.slice(0, 17)) !== normalized[17]) result.problem = 'checksum';
  else result.valid = true;
  return result;
}

/** A valid 18-character number from its parts (used by the synthetic generator and test factories). */
export function makeIdNumber(areaCode6: string, birthDate: string, seq: number): string {
  const m = DATE_TEXT.exec(birthDate);
  if (!/^\d{6}$/.test(areaCode6)) throw new RangeError(`makeIdNumber: bad area code "${areaCode6}"`);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`makeIdNumber: bad birth date "${birthDate}"`);
  }
  if (!Number.isInteger(seq) || seq < 0 || seq > 999) throw new RangeError(`makeIdNumber: bad sequence ${seq}`);
  const first17 = `${areaCode6}${m[1]}${m[2]}${m[3]}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
}

const PROBLEM_MESSAGES: Record<IdProblem, string> = {
  empty: '身份证号为空',
  length: '身份证号位数不对（应为18位，或15位旧号码）',
  chars: '身份证号含有非法字符（前17位应为数字，末位为数字或X）',
  checksum: '身份证号校验位错误',
  birthdate: '身份证号中的出生日期不存在',
  area: '身份证号中的地区码无效',
};

/** Chinese explanation of a problem, for import warnings and findings. */
export function problemMessage(problem: IdProblem): string {
  return PROBLEM_MESSAGES[problem];
}
