/**
 * The engine's column store: one table per registry file, one typed array per field (a million rows cost a few
 * arrays, not a million objects, and cross a worker boundary cheaply). Repetitive text (school codes, classes,
 * 区划代码, 户类型) is kept once in the table's `pool` and referred to by number.
 */
import { idFromKey } from './id-key';
import type { RegistryKind } from './types';

/** 0 none · 1 valid 居民身份证 number · 2 checked and invalid · 3 another document (matched as written). */
export type IdState = 0 | 1 | 2 | 3;
export const ID_NONE = 0;
export const ID_VALID = 1;
export const ID_INVALID = 2;
export const ID_OTHER = 3;

/** 学籍状态 codes: 0 empty or unrecognised. */
export const STATUS_CODES = { 在读: 1, 休学: 2, 转出: 3, 毕业: 4, 辍学: 5, 死亡: 6 } as const;
export const STATUS_NAMES = ['', '在读', '休学', '转出', '毕业', '辍学', '死亡'] as const;
/** 户类型 codes of the poverty file: 1 脱贫户 · 2 监测户 · 3 低保户 · 4 特困供养 · 0 other. */
export const HOUSEHOLD_CODES = { poverty: 1, monitored: 2, minimumLiving: 3, extremePoverty: 4 } as const;

export type RecordTable = {
  kind: RegistryKind;
  size: number;
  /** Data-row number (from 1). */
  row: Int32Array;
  name: string[];
  /** 0 unknown · 1 男 · 2 女 */
  gender: Uint8Array;
  /** YYYYMMDD as a number, 0 unknown. */
  birth: Int32Array;
  /** Normalised ID number ('' none; '' too for a valid number read by the fast path: see idText). */
  id: string[];
  idState: Uint8Array;
  /** A valid ID as an integer (id-key.ts); 0 otherwise. */
  idKey: Float64Array;
  /** 身份证件类型 as a char code (0 = empty, treated as 居民身份证). */
  idType: Uint8Array;
  /** 学籍号, normalised ('' none, or G + the row's own valid ID when ownNo says so): 学籍 and 名册. */
  studentNo: string[];
  /** 1: the 学籍号 is G + this row's own valid ID (not kept as text: a million strings fewer). */
  ownNo: Uint8Array;
  /** Pool ids (-1 none). */
  school: Int32Array;
  schoolName: Int32Array;
  className: Int32Array;
  division: Int32Array;
  householdType: Int32Array;
  /** 1–9, 0 unknown. */
  grade: Int8Array;
  status: Uint8Array;
  homeTaught: Uint8Array;
  /** 随迁子女: 0 unknown · 1 是 · 2 否 */
  migrant: Uint8Array;
  household: Uint8Array;
  pool: string[];
};

/** Which optional columns a kind fills. */
const KIND_COLUMNS: Record<RegistryKind, ReadonlySet<string>> = {
  hukou: new Set(['division']),
  xueji: new Set(['studentNo', 'school', 'schoolName', 'className', 'division', 'grade', 'status', 'homeTaught', 'migrant']),
  roster: new Set(['studentNo', 'school', 'className', 'grade']),
  poverty: new Set(['householdType', 'household']),
  disability: new Set(),
};

export const usesColumn = (kind: RegistryKind, column: string): boolean => KIND_COLUMNS[kind].has(column);

/** A table being filled row by row; `finish()` trims it to size. */
export class TableBuilder {
  size = 0;
  private cap: number;
  t: RecordTable;
  private readonly poolIds = new Map<string, number>();

  constructor(
    readonly kind: RegistryKind,
    capacity = 1024,
  ) {
    this.cap = Math.max(16, capacity);
    const n = this.cap;
    const has = (c: string) => usesColumn(kind, c);
    this.t = {
      kind,
      size: 0,
      row: new Int32Array(n),
      name: [],
      gender: new Uint8Array(n),
      birth: new Int32Array(n),
      id: [],
      idState: new Uint8Array(n),
      idKey: new Float64Array(n),
      idType: new Uint8Array(n),
      studentNo: [],
      ownNo: new Uint8Array(has('studentNo') ? n : 0),
      school: new Int32Array(has('school') ? n : 0),
      schoolName: new Int32Array(has('schoolName') ? n : 0),
      className: new Int32Array(has('className') ? n : 0),
      division: new Int32Array(has('division') ? n : 0),
      householdType: new Int32Array(has('householdType') ? n : 0),
      grade: new Int8Array(has('grade') ? n : 0),
      status: new Uint8Array(has('status') ? n : 0),
      homeTaught: new Uint8Array(has('homeTaught') ? n : 0),
      migrant: new Uint8Array(has('migrant') ? n : 0),
      household: new Uint8Array(has('household') ? n : 0),
      pool: [],
    };
  }

  /** The pool id of a string (added once). */
  intern(s: string): number {
    let id = this.poolIds.get(s);
    if (id === undefined) {
      id = this.t.pool.length;
      this.t.pool.push(s);
      this.poolIds.set(s, id);
    }
    return id;
  }

  /** Make sure index `size` exists (for writing a row's columns before add()). */
  reserve(): void {
    if (this.size === this.cap) this.grow();
  }

  /** Room for one more row; returns its index. */
  add(): number {
    if (this.size === this.cap) this.grow();
    return this.size++;
  }

  private grow(): void {
    const n = this.cap * 2;
    const t = this.t;
    const g = <A extends Int32Array | Uint8Array | Int8Array | Float64Array>(a: A): A => {
      if (a.length === 0) return a;
      const b = new (a.constructor as new (n: number) => A)(n);
      b.set(a);
      return b;
    };
    t.row = g(t.row);
    t.gender = g(t.gender);
    t.birth = g(t.birth);
    t.idState = g(t.idState);
    t.idKey = g(t.idKey);
    t.idType = g(t.idType);
    t.ownNo = g(t.ownNo);
    t.school = g(t.school);
    t.schoolName = g(t.schoolName);
    t.className = g(t.className);
    t.division = g(t.division);
    t.householdType = g(t.householdType);
    t.grade = g(t.grade);
    t.status = g(t.status);
    t.homeTaught = g(t.homeTaught);
    t.migrant = g(t.migrant);
    t.household = g(t.household);
    this.cap = n;
  }

  finish(): RecordTable {
    const t = this.t;
    const n = this.size;
    const cut = <A extends Int32Array | Uint8Array | Int8Array | Float64Array>(a: A): A => (a.length === 0 ? a : (a.slice(0, n) as A));
    return {
      ...t,
      size: n,
      row: cut(t.row),
      gender: cut(t.gender),
      birth: cut(t.birth),
      idState: cut(t.idState),
      idKey: cut(t.idKey),
      idType: cut(t.idType),
      ownNo: cut(t.ownNo),
      school: cut(t.school),
      schoolName: cut(t.schoolName),
      className: cut(t.className),
      division: cut(t.division),
      householdType: cut(t.householdType),
      grade: cut(t.grade),
      status: cut(t.status),
      homeTaught: cut(t.homeTaught),
      migrant: cut(t.migrant),
      household: cut(t.household),
    };
  }
}

/** An empty table of a kind (a file not given). */
export const emptyTable = (kind: RegistryKind): RecordTable => new TableBuilder(kind, 16).finish();

/** YYYY-MM-DD → YYYYMMDD (0 for null). */
export function dateToInt(d: string | null | undefined): number {
  if (!d) return 0;
  return Number(d.slice(0, 4)) * 10000 + Number(d.slice(5, 7)) * 100 + Number(d.slice(8, 10));
}

/** YYYYMMDD → YYYY-MM-DD ('' for 0). */
export function intToDate(n: number): string {
  if (n === 0) return '';
  const s = String(n).padStart(8, '0');
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** Row i's ID number as text ('' none). */
export const idText = (t: RecordTable, i: number): string => t.id[i] || (t.idKey[i] !== 0 ? idFromKey(t.idKey[i]) : '');

/** Row i's 学籍号 as text ('' none). */
export const studentNoText = (t: RecordTable, i: number): string =>
  t.studentNo.length === 0 ? '' : t.studentNo[i] || (t.ownNo[i] === 1 ? `G${idText(t, i)}` : '');

/** The pooled string of a pool-id column ('' for none). */
export const pooled = (t: RecordTable, col: Int32Array, i: number): string => {
  const id = col.length === 0 ? -1 : col[i];
  return id >= 0 ? t.pool[id] : '';
};
