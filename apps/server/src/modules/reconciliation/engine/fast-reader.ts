/**
 * A registry CSV (UTF-8 bytes) → the engine's table, fast: fields are read off the bytes, repetitive cells are
 * normalised once per distinct value (byte-cache.ts, cell-values.ts), IDs and names are checked byte by byte. A row
 * the fast path cannot vouch for — an empty or invalid ID, a name with spaces, a date after the base date, any cell
 * the importer would warn about — goes whole to the importer's normalizeRow, which gives its values and problems.
 * Header finding, row numbering and refusals follow readers/table-stream.ts.
 */
import {
  canonicalHeader,
  cellsByKey,
  mapHeaders,
  type ColumnKey,
  type HeaderMapping,
  type RegistryKind,
} from '../../imports/formats/columns';
import { DuplicateTracker } from '../../imports/formats/duplicates';
import type { ImportProblem } from '../../imports/formats/problems';
import { normalizeRow } from '../../imports/formats/records';
import { normalizeName } from '../../imports/formats/normalize';
import { parseIdNumber, problemMessage } from '@notoneless/shared/rules/id-number';
import { refuse } from '../../imports/readers/refusal';
import { ByteCache } from './byte-cache';
import {
  codeCell,
  dateCell,
  divisionCell,
  flagCell,
  genderCell,
  gradeCell,
  headIdCell,
  householdCell,
  idTypeCell,
  schoolCell,
  statusCell,
  studyModeCell,
  textCell,
} from './cell-values';
import { CsvScanError, CsvScanner, DECODED } from './csv-scan';
import { fastValidId, lastId } from './fast-id';
import { putRecord } from './from-records';
import { reportOf, type ReadResult } from './report';
import { idKeyOf, KeyIndex } from './id-key';
import { latin1, utf8 } from './slices';
import { dateToInt, ID_INVALID, ID_NONE, ID_VALID, idText, TableBuilder, type RecordTable } from './table';

const HEADER_SEARCH_ROWS = 10;
const EMPTY_ID = parseIdNumber('');

/** Is field i of the current record filled (not only whitespace)? */
function filledField(s: CsvScanner, i: number): boolean {
  if (s.kinds[i] === DECODED) return s.texts[i].trim() !== '';
  const buf = s.buf;
  let multibyte = false;
  for (let p = s.starts[i]; p < s.ends[i]; p++) {
    const b = buf[p];
    if (b >= 0x80) multibyte = true;
    else if (b !== 0x20 && (b < 0x09 || b > 0x0d)) return true;
  }
  return multibyte && s.text(i).trim() !== '';
}

/** Most rows show it in their first bytes: a printable ASCII character or a CJK ideograph (never whitespace). */
function surelyFilled(s: CsvScanner): boolean {
  const buf = s.buf;
  for (let i = 0; i < s.count; i++) {
    if (s.kinds[i] === DECODED || s.starts[i] === s.ends[i]) continue;
    const b = buf[s.starts[i]];
    if ((b > 0x20 && b < 0x7f) || (b >= 0xe4 && b <= 0xe9)) return true;
  }
  return false;
}

function filledCount(s: CsvScanner): number {
  let n = 0;
  for (let i = 0; i < s.count; i++) if (filledField(s, i)) n++;
  return n;
}

/** A name normalizeName leaves as it is: CJK characters and printable ASCII, nothing to trim, fold or join. */
function cleanName(buf: Buffer, s: number, e: number): boolean {
  if (s === e) return false;
  for (let i = s; i < e;) {
    const b = buf[i];
    if (b < 0x80) {
      if (b <= 0x20 || b === 0x7f) return false;
      i++;
    } else if (b >= 0xe4 && b <= 0xe9) i += 3;
    else if (b === 0xe3 && buf[i + 1] >= 0x90) i += 3;
    else return false;
  }
  return true;
}

const KEYS: readonly ColumnKey[] = [
  'idNumber',
  'name',
  'gender',
  'birthDate',
  'schoolCode',
  'schoolName',
  'grade',
  'className',
  'studentNo',
  'status',
  'idType',
  'studyMode',
  'householdDivisionCode',
  'migrant',
  'leftBehind',
  'disabled',
  'householdType',
  'headIdNumber',
  'divisionCode',
];

/** The 18 ID bytes at a and at b are the same number (x and X alike). */
function sameId(buf: Buffer, a: number, b: number): boolean {
  for (let i = 0; i < 18; i++) {
    const x = buf[a + i];
    const y = buf[b + i];
    if (x !== y && !(i === 17 && (x | 0x20) === 0x78 && (y | 0x20) === 0x78)) return false;
  }
  return true;
}

/** 学籍号 as normalizeCode gives it: upper-case letters and digits are taken as they are. */
function plainCode(buf: Buffer, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const b = buf[i];
    if (!((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a))) return false;
  }
  return true;
}

/** Field index of each key the fast path reads (-1 when the file has no such column). */
function fieldsOf(mapping: HeaderMapping): Record<ColumnKey, number> {
  const out = {} as Record<ColumnKey, number>;
  for (const k of KEYS) out[k] = mapping.columns.indexOf(k);
  return out;
}

export type FastReadOptions = { kind: RegistryKind; fileName: string; asOf: string; onProgress?: (bytes: number, rows: number) => void };

export function readCsvBuffer(buf: Buffer, opts: FastReadOptions): ReadResult {
  const { kind, fileName, asOf } = opts;
  try {
    return readRows(buf, opts);
  } catch (e) {
    if (e instanceof CsvScanError)
      throw refuse(fileName, `不是有效的 CSV 文件：文件第 ${e.line} 行附近有未闭合的引号，请检查后再导入`, { code: e.code });
    throw e;
  } finally {
    void kind;
    void asOf;
  }
}

function readRows(buf: Buffer, opts: FastReadOptions): ReadResult {
  const { kind, fileName, asOf } = opts;
  const scanner = new CsvScanner(buf);
  // The header: the first record with two filled cells among the first ten non-blank ones, else the first.
  const seen: { index: number; cells: string[]; offset: number }[] = [];
  let header: { index: number; cells: string[] } | null = null;
  let before = scanner.offset;
  while (seen.length < HEADER_SEARCH_ROWS && scanner.next()) {
    const filled = filledCount(scanner);
    if (filled === 0) {
      before = scanner.offset;
      continue;
    }
    if (filled >= 2) {
      header = { index: scanner.index, cells: scanner.cells() };
      break;
    }
    seen.push({ index: scanner.index, cells: scanner.cells(), offset: before });
    before = scanner.offset;
  }
  let pendingRows: { index: number; cells: string[] }[] = [];
  if (!header) {
    if (seen.length === 0) throw refuse(fileName, '是空文件，没有表头和数据');
    header = seen[0];
    pendingRows = seen.slice(1);
  }
  const headers = header.cells.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h));
  const mapping = mapHeaders(kind, fileName, headers);
  const headerOf = mapping.headerOf;
  const f = fieldsOf(mapping);
  const ctx = { fileName, asOf, headerOf };
  const asOfInt = dateToInt(asOf);
  const b = new TableBuilder(kind, Math.max(1024, Math.round(buf.length / 80)));
  const t = b.t;
  const problems: ImportProblem[] = [];
  let rows = 0;
  let rejected = 0;
  const headerIndex = header.index;

  const cache = <T>(fn: (v: string) => T) => new ByteCache(fn);
  const genders = cache(genderCell);
  const dates = cache(dateCell);
  const idTypes = cache(idTypeCell);
  const schools = cache((v) => {
    const c = schoolCell(v);
    return { ...c, pool: c.code === '' ? -1 : b.intern(c.code) };
  });
  const grades = cache(gradeCell);
  const pooledText = () =>
    cache((v) => {
      const c = textCell(v);
      return { warns: false, pool: c.text === '' ? -1 : b.intern(c.text) };
    });
  const classes = pooledText();
  const schoolNames = pooledText();
  const statuses = cache(statusCell);
  const modes = cache(studyModeCell);
  const divisions = cache((v) => {
    const c = divisionCell(v);
    return { ...c, pool: c.code === '' ? -1 : b.intern(c.code) };
  });
  const migrants = cache(flagCell('随迁'));
  const leftBehind = cache(flagCell('留守'));
  const disabled = cache(flagCell('残疾'));
  const households = cache((v) => {
    const c = householdCell(v);
    return { ...c, pool: c.text === '' ? -1 : b.intern(c.text) };
  });
  const headIds = cache(headIdCell);
  const codes = cache(codeCell);
  /** Where the row's valid ID is (fast path): a 学籍号 of G + those bytes is not kept as text (ownNo). */
  let idStart = -1;
  let ownNo = 0;
  const studentNoOf = (): string => {
    ownNo = 0;
    if (!range(f.studentNo)) return codes.ofText(scanner.texts[f.studentNo]).code;
    if (idStart >= 0 && re - rs === 19 && buf[rs] === 0x47 && sameId(buf, rs + 1, idStart)) {
      ownNo = 1;
      return '';
    }
    if (plainCode(buf, rs, re)) return rs === re ? '' : latin1(buf, rs, re);
    return codes.ofText(utf8(buf, rs, re)).code;
  };

  /** The cached value of field `i` (an empty value when the file has no such column). */
  function val<T>(c: ByteCache<T>, i: number): T {
    if (i < 0 || i >= scanner.count) return c.get(buf, 0, 0);
    if (scanner.kinds[i] === DECODED) return c.ofText(scanner.texts[i]);
    const s = scanner.starts[i];
    const e = scanner.ends[i];
    // Short cells (性别 男/女, 是/否, 年级 3, 证件类型 1…) by their packed bytes: no hashing.
    if (e - s <= 3) return c.short(buf, s, e);
    return c.get(buf, s, e);
  }
  /** Field i's bytes: sets rs/re; false when the field had to be decoded (escaped quotes). */
  let rs = 0;
  let re = 0;
  const range = (i: number): boolean => {
    if (i < 0 || i >= scanner.count) {
      rs = re = 0;
      return true;
    }
    if (scanner.kinds[i] === DECODED) return false;
    rs = scanner.starts[i];
    re = scanner.ends[i];
    return true;
  };

  const slow = (row: number, cells: string[]) => {
    const n = normalizeRow(kind, ctx, row, cellsByKey(mapping, cells));
    for (const p of n.problems) problems.push(p);
    if (n.record) putRecord(b, n.record);
    else rejected++;
  };

  /** The fast path for the current record; false when it must go to normalizeRow. */
  const idColumn = headerOf.idNumber ?? canonicalHeader(kind, 'idNumber');
  /** The one warning a fast row may carry: about its ID number (identity.ts's words). */
  let idWarning = '';
  const fast = (row: number): boolean => {
    let name = '';
    if (!range(f.name)) return false;
    if (cleanName(buf, rs, re)) name = utf8(buf, rs, re);
    else {
      name = normalizeName(scanner.text(f.name));
      if (name === '') return false; // rejected: normalizeRow says why
    }
    let school = -1;
    if (kind === 'xueji' || kind === 'roster') {
      const sc = val(schools, f.schoolCode);
      if (sc.warns) return false;
      school = sc.pool;
    }
    const type = val(idTypes, f.idType);
    if (type.warns) return false;
    let id = '';
    let key = 0;
    let state: number = ID_NONE;
    let idBirth = 0;
    let idGender = 0;
    idWarning = '';
    idStart = -1;
    if (range(f.idNumber) && rs !== re && fastValidId(buf, rs, re, asOfInt)) {
      idStart = rs;
      key = lastId.key;
      state = ID_VALID;
      idBirth = lastId.birth;
      idGender = lastId.gender;
    } else {
      // Empty, spaced, full-width or invalid: parseIdNumber decides, as identity.ts does.
      const raw = f.idNumber >= 0 && !(scanner.kinds[f.idNumber] !== DECODED && rs === re) ? scanner.text(f.idNumber) : '';
      const parsed = raw === '' ? EMPTY_ID : parseIdNumber(raw, asOf);
      id = parsed.normalized;
      if (parsed.valid) {
        state = ID_VALID;
        key = idKeyOf(id);
        idBirth = dateToInt(parsed.birthDate);
        idGender = parsed.gender === '男' ? 1 : 2;
      } else if (parsed.problem === 'empty') {
        if (kind !== 'roster' && f.idNumber >= 0) idWarning = '身份证号为空';
      } else {
        state = ID_INVALID;
        idWarning =
          parsed.problem === 'birthdate' && parseIdNumber(raw).valid
            ? `身份证号中的出生日期晚于基准日期 ${asOf}，请核对`
            : `${problemMessage(parsed.problem ?? 'chars')}，请核对`;
      }
    }
    const g = val(genders, f.gender);
    if (g.warns || (g.gender !== 0 && idGender !== 0 && g.gender !== idGender)) return false;
    const d = val(dates, f.birthDate);
    if (d.warns || d.date > asOfInt || (d.date !== 0 && idBirth !== 0 && d.date !== idBirth)) return false;
    let studentNo = '';
    let division = -1;
    switch (kind) {
      case 'hukou': {
        const dv = val(divisions, f.householdDivisionCode);
        if (dv.warns) return false;
        division = dv.pool;
        break;
      }
      case 'xueji': {
        const gr = val(grades, f.grade);
        const st = val(statuses, f.status);
        const dv = val(divisions, f.householdDivisionCode);
        const mg = val(migrants, f.migrant);
        if (
          gr.warns ||
          (f.status >= 0 && st.warns) ||
          dv.warns ||
          mg.warns ||
          val(leftBehind, f.leftBehind).warns ||
          val(disabled, f.disabled).warns
        )
          return false;
        studentNo = studentNoOf();
        const i = b.size;
        t.grade[i] = gr.grade;
        t.status[i] = st.status;
        t.className[i] = val(classes, f.className).pool;
        t.schoolName[i] = val(schoolNames, f.schoolName).pool;
        t.homeTaught[i] = val(modes, f.studyMode).homeTaught ? 1 : 0;
        t.migrant[i] = mg.flag;
        division = dv.pool;
        break;
      }
      case 'roster': {
        const gr = val(grades, f.grade);
        if (gr.warns) return false;
        studentNo = studentNoOf();
        const i = b.size;
        t.grade[i] = gr.grade;
        t.className[i] = val(classes, f.className).pool;
        break;
      }
      case 'poverty': {
        const h = val(households, f.householdType);
        if ((f.householdType >= 0 && h.warns) || val(headIds, f.headIdNumber).warns || val(divisions, f.divisionCode).warns) return false;
        t.householdType[b.size] = h.pool;
        t.household[b.size] = h.category;
        break;
      }
      case 'disability':
        break;
    }
    const i = b.add();
    t.row[i] = row;
    t.name[i] = name;
    t.gender[i] = g.gender || idGender;
    t.birth[i] = d.date || idBirth;
    t.id[i] = id;
    t.idState[i] = state;
    t.idKey[i] = key;
    t.idType[i] = type.code;
    if (kind === 'xueji' || kind === 'roster') {
      t.studentNo[i] = studentNo;
      t.ownNo[i] = ownNo;
      t.school[i] = school;
    }
    if (kind === 'hukou' || kind === 'xueji') t.division[i] = division;
    if (idWarning !== '') problems.push({ file: fileName, row, column: idColumn, severity: 'warning', message: idWarning });
    return true;
  };

  for (const r of pendingRows) {
    rows++;
    slow(r.index - headerIndex, r.cells);
  }
  let lastProgress = 0;
  while (scanner.next()) {
    if (scanner.count === 1 && scanner.starts[0] === scanner.ends[0] && scanner.kinds[0] !== DECODED) continue; // blank line
    if (!surelyFilled(scanner) && filledCount(scanner) === 0) continue;
    rows++;
    const row = scanner.index - headerIndex;
    b.reserve(); // the fast path writes kind-specific columns at index b.size before add()
    if (!fast(row)) slow(row, scanner.cells());
    if (opts.onProgress && rows - lastProgress >= 50_000) {
      lastProgress = rows;
      opts.onProgress(scanner.offset, rows);
    }
  }
  if (rows === 0) throw refuse(fileName, '只有表头，没有数据行');
  const table = b.finish();
  duplicates(table, fileName, headerOf.idNumber ?? canonicalHeader(kind, 'idNumber'), problems);
  return { table, report: reportOf(kind, fileName, rows, rejected, problems) };
}

/** The importer's warnings for an ID number repeated within the file (DuplicateTracker, fed in row order). */
function duplicates(t: RecordTable, fileName: string, column: string, problems: ImportProblem[]): void {
  const valid = new KeyIndex(t.size);
  const others = new Map<string, number>();
  const repeated = new Uint8Array(t.size);
  let any = false;
  for (let i = 0; i < t.size; i++) {
    const k = t.idKey[i];
    let first: number;
    if (k !== 0) first = valid.add(k, i);
    else {
      const id = t.id[i];
      if (id === '') continue;
      first = others.get(id) ?? i;
      if (first === i) others.set(id, i);
    }
    if (first !== i) {
      repeated[i] = repeated[first] = 1;
      any = true;
    }
  }
  if (!any) return;
  const tracker = new DuplicateTracker(fileName, column);
  for (let i = 0; i < t.size; i++)
    if (repeated[i]) for (const p of tracker.add({ row: t.row[i], idNumber: idText(t, i) })) problems.push(p);
}
