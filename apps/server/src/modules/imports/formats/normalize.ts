/**
 * Pure normalisers for registry cells (formats.md): full-width characters, stray spaces, the six date spellings,
 * grades, genders, yes/no flags, 学籍状态, 身份证件类型, 学校标识码. No IO.
 *
 * Every `parseX` returns null for an empty value and for a value it cannot recognise: the caller tells the two
 * apart (an empty cell is not a defect, an unrecognised one is a warning).
 */
import { isRealDate } from '@notoneless/shared/rules/id-number';

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;
/** Anything normalizeText would change: whitespace of any kind, zero-width characters, full-width ASCII. */
const NEEDS_WORK = /[\s\u200B-\u200D\u2060\uFEFF\uFF01-\uFF5E]/;
const SPACES = /[\s\u200B-\u200D\u2060\uFEFF]+/g;

/** Full-width ASCII (！…～, １２３Ｘ) and the ideographic space U+3000 → their half-width forms. */
export function toHalfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** Half-width, trimmed, inner runs of whitespace (incl. U+3000, NBSP, zero-width) collapsed to one space. */
export function normalizeText(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return toHalfWidth(s).replace(SPACES, ' ').trim();
}

const CJK = '\\u3400-\\u9FFF\\uF900-\\uFAFF';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'g');
const MIDDLE_DOTS = /[•‧・∙⋅･●]/g;

/** A person's name: normalizeText, no spaces between Chinese characters (张 三 → 张三), one kind of middle dot (·). */
export function normalizeName(s: string): string {
  const t = normalizeText(s);
  if (t === '') return t;
  return t.replace(SPACE_BETWEEN_CJK, '').replace(MIDDLE_DOTS, '·');
}

export type DateProblem = '日期格式无法识别' | '日期不存在（如2月30日）';
export type DateParse = { value?: string; problem?: DateProblem };

const pad2 = (n: number) => String(n).padStart(2, '0');
const DATE_SEPARATED = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/;
const DATE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
/** A time of day after the date, as Excel writes datetimes into CSV (2014/3/5 0:00, 2014-03-05 00:00:00, ISO T…Z). */
const TIME_SUFFIX = /(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)$/;
/** Five digits: an Excel serial date (10000 = 1927-05-18 … 99999 = 2173-10-14) exported as a bare number. */
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;
const MS_PER_DAY = 86_400_000;
/** Excel's 1900 date system counts from 1899-12-30 for serials ≥ 61 (it believes 1900-02-29 existed). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

const IMPOSSIBLE: DateParse = Object.freeze({ problem: '日期不存在（如2月30日）' });
const UNREADABLE: DateParse = Object.freeze({ problem: '日期格式无法识别' });
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function fromParts(y: string, m: string, d: string): DateParse {
  const month = Number(m);
  const day = Number(d);
  if (!isRealDate(Number(y), month, day)) return IMPOSSIBLE;
  return { value: `${y}-${pad2(month)}-${pad2(day)}` };
}

/** An Excel serial day number (1900 date system) → YYYY-MM-DD; the time of day is dropped. */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  const days = Math.floor(serial);
  const ms = days < 61 ? EXCEL_EPOCH_MS + (days + 1) * MS_PER_DAY : EXCEL_EPOCH_MS + days * MS_PER_DAY;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A date cell in any spelling of formats.md: 2014-03-05, 2014/3/5, 20140305, 2014年3月5日, 2014.03.05, an Excel
 * date cell (Date, read as UTC midnight as ExcelJS gives it) or an Excel serial number (a number, or five digits as
 * text). An empty value gives `{}`.
 */
export function parseDateCell(v: string | number | Date | null | undefined): DateParse {
  if (v === null || v === undefined) return {};
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? UNREADABLE : { value: v.toISOString().slice(0, 10) };
  if (typeof v === 'number') {
    const iso = excelSerialToIso(v);
    return iso ? { value: iso } : UNREADABLE;
  }
  if (v.length === 10 && ISO.test(v)) return fromParts(v.slice(0, 4), v.slice(5, 7), v.slice(8, 10)); // the usual case
  let s = normalizeText(v);
  if (s.length > 10) s = s.replace(TIME_SUFFIX, '').trim();
  if (s === '') return {};
  const m = DATE_SEPARATED.exec(s) ?? DATE_COMPACT.exec(s) ?? DATE_CHINESE.exec(s);
  if (m) return fromParts(m[1], m[2], m[3]);
  if (SERIAL_TEXT.test(s)) return parseDateCell(Number(s));
  return UNREADABLE;
}

export type Gender = '男' | '女';
const GENDERS: Record<string, Gender> = {
  男: '男',
  男性: '男',
  1: '男',
  M: '男',
  MALE: '男',
  女: '女',
  女性: '女',
  2: '女',
  F: '女',
  FEMALE: '女',
};

/** 男/女 (GB/T 2261.1 codes 1/2, M/F, male/female). */
export function parseGender(v: string): Gender | null {
  return GENDERS[normalizeText(v).toUpperCase()] ?? null;
}

const YES = new Set(['是', 'Y', 'YES', '1', '√', '✓', '✔', '有', 'TRUE', 'T', '对']);
const NO = new Set(['否', 'N', 'NO', '0', '×', '✗', '✘', 'X', '无', '没有', 'FALSE', 'F', '不是', '非']);

/** 是/否 and their spellings (Y/N, 1/0, √/×, 有/无, TRUE/FALSE). */
export function parseYesNo(v: string): boolean | null {
  const s = normalizeText(v).toUpperCase();
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return null;
}

/**
 * A yes/no column that is sometimes filled with the kind instead (留守儿童: 双亲外出留守 / 非留守儿童; 残疾: 视力残疾):
 * a value naming `word` means yes unless it starts with 非/不/无.
 */
export function parseFlag(v: string, word: string): boolean | null {
  const yn = parseYesNo(v);
  if (yn !== null) return yn;
  const s = normalizeText(v);
  if (!s.includes(word)) return null;
  return !/^[非不无]/.test(s);
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const GRADE_NUMBER = /^0?([1-9])$/;
const GRADE_WORDS = /^(小学|初中)?([一二三四五六七八九]|[1-9])(年级)?/;
const GRADE_JUNIOR = /^初([一二三1-3])$/;
/** Grade codes of the national 学籍 system: 11–16 小学一至六年级, 21–23 初中一至三年级. */
const GRADE_CODE = /^([12])([1-6])$/;

/** 年级 → 1–9: 1–9, 一年级…九年级, 小学三年级, 初一/初二/初三, 初中一年级 (= 7), 学籍 grade codes 11–16 and 21–23. */
export function parseGrade(v: string): number | null {
  const s = normalizeText(v).replace(/\s/g, '');
  if (s === '') return null;
  let m = GRADE_NUMBER.exec(s);
  if (m) return Number(m[1]);
  m = GRADE_JUNIOR.exec(s);
  if (m) return 6 + (CN_DIGITS[m[1]] ?? Number(m[1]));
  m = GRADE_CODE.exec(s);
  if (m) {
    const n = Number(m[2]);
    if (m[1] === '1') return n;
    return n <= 3 ? 6 + n : null;
  }
  m = GRADE_WORDS.exec(s);
  if (!m) return null;
  const rest = s.slice(m[0].length);
  // 一年级 / 初中一年级 / 一 (alone); not 一班, 12 or 1.5.
  if (!m[3] && rest !== '') return null;
  if (m[3] && rest !== '' && !/^\(?[\d一二三四五六七八九十]+\)?班/.test(rest)) return null;
  const n = CN_DIGITS[m[2]] ?? Number(m[2]);
  if (m[1] === '初中') return n <= 3 ? 6 + n : null;
  if (m[1] === '小学') return n <= 6 ? n : null;
  return n;
}

export type StudentStatus = '在读' | '休学' | '转出' | '毕业' | '辍学' | '死亡';
const STATUSES: Record<string, StudentStatus> = {
  在读: '在读',
  在校: '在读',
  在籍: '在读',
  正常: '在读',
  在读生: '在读',
  就读: '在读',
  随班就读: '在读',
  复学: '在读',
  休学: '休学',
  已休学: '休学',
  休学中: '休学',
  转出: '转出',
  已转出: '转出',
  转学: '转出',
  已转学: '转出',
  转走: '转出',
  毕业: '毕业',
  已毕业: '毕业',
  毕业生: '毕业',
  结业: '毕业',
  辍学: '辍学',
  已辍学: '辍学',
  流失: '辍学',
  失学: '辍学',
  死亡: '死亡',
  已死亡: '死亡',
  死亡注销: '死亡',
};

/** 学籍状态: 在读, 休学, 转出, 毕业, 辍学, 死亡 and common variants (在校 → 在读, 已毕业 → 毕业, 转学 → 转出). */
export function parseStudentStatus(v: string): StudentStatus | null {
  return STATUSES[normalizeText(v).replace(/\s/g, '')] ?? null;
}

/** 身份证件类型 codes of formats.md: 1 居民身份证; 6/7/8 港澳台; 9 永久居住证; A 护照; Z 其他. */
export type IdTypeCode = '1' | '6' | '7' | '8' | '9' | 'A' | 'Z';
const ID_TYPE_CODES = new Set<string>(['1', '6', '7', '8', '9', 'A', 'Z']);
const ID_TYPE_WORDS: [RegExp, IdTypeCode][] = [
  [/^(居民)?身份证$|^居民身份证号?码?$/, '1'],
  [/香港/, '6'],
  [/澳门/, '7'],
  [/台湾|台胞/, '8'],
  [/永久居[住留]/, '9'],
  [/护照/, 'A'],
  [/^其他|^其它/, 'Z'],
];

/** 身份证件类型 as a code ('1', '6' …) or a name (居民身份证, 香港特区护照/身份证明, 护照 …); "1-居民身份证" too. */
export function parseIdType(v: string): IdTypeCode | null {
  const s = normalizeText(v).replace(/\s/g, '').toUpperCase();
  if (s === '') return null;
  const code = /^([0-9A-Z])(?:$|[-:、.])/.exec(s);
  if (code) return ID_TYPE_CODES.has(code[1]) ? (code[1] as IdTypeCode) : null;
  for (const [re, c] of ID_TYPE_WORDS) if (re.test(s)) return c;
  return null;
}

/** 学校标识码: 10 digits. Normalised text (full-width digits, spaces dropped). */
export function normalizeCode(v: string): string {
  return normalizeText(v).replace(/\s/g, '').toUpperCase();
}

export function isSchoolCode(code: string): boolean {
  return /^\d{10}$/.test(code);
}

/** 行政区划代码: 6 (county), 9 (township) or 12 (village) digits. */
export function isDivisionCode(code: string): boolean {
  return /^(\d{6}|\d{9}|\d{12})$/.test(code);
}

/**
 * 户类型 of the poverty file. POVERTY_DROPOUT counts 脱贫户 (原建档立卡) and 监测户 with all its subtypes
 * (脱贫不稳定户, 边缘易致贫户, 突发严重困难户); 低保户 and 特困供养 mark key groups only.
 */
export type HouseholdCategory = 'poverty' | 'monitored' | 'minimumLiving' | 'extremePoverty';

export function parseHouseholdType(v: string): HouseholdCategory | null {
  const s = normalizeText(v);
  if (/监测|不稳定|边缘|易致贫|突发严重困难/.test(s)) return 'monitored';
  if (/脱贫|建档立卡|贫困户/.test(s)) return 'poverty';
  if (/低保/.test(s)) return 'minimumLiving';
  if (/特困|五保/.test(s)) return 'extremePoverty';
  return null;
}
