/**
 * The hand-written XLSX reader against ExcelJS's streaming WorkbookReader (the reader it replaced) as an oracle, on
 * generated workbooks with every kind of cell: shared and inline strings, rich text, dates in several formats (and the
 * 1904 date system), numbers, booleans, errors, formulas, hyperlinks, blank cells, sparse columns, characters that
 * need escaping. Where this reader differs from ExcelJS on purpose (xlsx-cells.ts), the generator leaves the case out
 * and xlsx-sheet.test.ts pins it instead.
 */
import { StringDecoder } from 'node:string_decoder';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTmpDir } from '../__fixtures__/make-files';
import type { RawRecord } from './csv-reader';
import { resolveLimits } from './limits';
import { openSource } from './source';
import { xlsxRecords } from './xlsx-reader';

const tmp = makeTmpDir();
afterAll(() => tmp.cleanup());

/** The text ExcelJS's cell values became in the ExcelJS-based reader (its xlsx-cells.ts, kept here as the oracle). */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
  return String(Number(n.toPrecision(15)));
}
function exceljsText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v !== 'object') return '';
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText))
    return (o.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
  if ('formula' in o || 'sharedFormula' in o) return exceljsText(o.result);
  if ('error' in o) return '';
  if ('text' in o) return exceljsText(o.text);
  return '';
}

const trimEnd = (cells: string[]) => {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === '') n--;
  return cells.slice(0, n);
};

/** ExcelJS decodes each chunk on its own (exceljs#2063); the old reader fed it decoded text, and so does the oracle. */
async function* decoded(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.write(chunk);
  yield decoder.end();
}

type SheetReader = AsyncIterable<ExcelJS.Row> & { iterator: AsyncIterable<Buffer | string> };
type BookReader = AsyncIterable<SheetReader> & { _parseSharedStrings(entry: Readable): AsyncGenerator<unknown> };

async function oracle(path: string): Promise<RawRecord[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  const book = reader as unknown as BookReader;
  const parseSharedStrings = book._parseSharedStrings.bind(reader);
  book._parseSharedStrings = (entry) => parseSharedStrings(entry.pipe(new PassThrough()).setEncoding('utf8'));
  const out: RawRecord[] = [];
  for await (const sheet of book) {
    sheet.iterator = decoded(sheet.iterator);
    for await (const row of sheet) {
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let c = 1; c < values.length; c++) cells.push(exceljsText(values[c]));
      out.push({ index: row.number, cells: trimEnd(cells) });
    }
    break;
  }
  return out;
}

async function ours(path: string): Promise<RawRecord[]> {
  const src = await openSource({ path });
  try {
    const out: RawRecord[] = [];
    const limits = resolveLimits({ maxColumns: 16384, maxCellChars: 100_000 });
    for await (const r of xlsxRecords(src, { fileName: 'x.xlsx', limits })) out.push({ index: r.index, cells: trimEnd(r.cells) });
    return out;
  } finally {
    await src.close();
  }
}

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] };
}

const STRINGS = [
  '张三',
  '欧阳娜娜',
  '河南省郑州市荥阳市桃园镇周岭村10组72号',
  'a&b<c>d"e\'f',
  '  两边有空格  ',
  '第一行\n第二行',
  '\t制表符',
  '0012',
  '410182201903099900',
  '4101822019030999X',
  '=1+1',
  '😀 表情 𠀀',
  '中'.repeat(3000),
  'x]]>y',
  '&amp; written out',
  'ü é ñ',
];
/** Strings ExcelJS read back right in every kind of cell: it decoded string results of formulas and inline strings
 * twice (&amp;amp; → &), which this reader does not. */
const PLAIN = STRINGS.filter((s) => !/&\w+;/.test(s));
const DATE_FORMATS = ['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', 'mm-dd-yy', 'm/d/yy h:mm', '[$-804]yyyy/m/d', 'yyyy/mm/dd;@', 'h:mm:ss'];
const NUMBER_FORMATS = ['0.00', '#,##0', '0%', '@', '"年"0', '[Red]0.0', 'General'];
const NUMBERS = [0, 1, -1, 3, 41703, 0.1 + 0.2, 1e15, 123456789012345680, 1e-7, 1e21, 2.5e25, -0.5, 5201023456, 3.14159265358979];
/** ExcelJS dropped a formula's result 0 (read as ''); this reader reads '0'. */
const NONZERO = NUMBERS.filter((n) => n !== 0);

type Cell = { value: unknown; numFmt?: string };

function cellFor(r: ReturnType<typeof random>, sharedStrings: boolean): Cell | null {
  switch (r.int(12)) {
    case 0:
    case 1:
      return null;
    case 2:
    case 3:
      return { value: r.pick(sharedStrings ? STRINGS : PLAIN) };
    case 4:
      return { value: r.pick(NUMBERS) };
    case 5:
      return { value: r.pick(NUMBERS), numFmt: r.pick(NUMBER_FORMATS) };
    case 6:
      return { value: new Date(Date.UTC(1990 + r.int(40), r.int(12), 1 + r.int(28), r.int(24), r.int(60))), numFmt: r.pick(DATE_FORMATS) };
    case 7:
      return { value: r.next() < 0.5 };
    case 8: // ExcelJS kept only the last run of an inline rich text (see xlsx-sheet.test.ts)
      return sharedStrings ? { value: { richText: [{ text: r.pick(STRINGS), font: { bold: true } }, { text: '村' }] } } : { value: '村' };
    case 9:
      return r.next() < 0.5
        ? { value: { formula: 'ROW()*2', result: r.pick(NONZERO) } }
        : { value: { formula: 'A1&"x"', result: r.pick(PLAIN) } };
    case 10:
      return { value: { error: r.pick(['#N/A', '#DIV/0!', '#VALUE!']) } };
    default:
      return { value: { text: r.pick(sharedStrings ? STRINGS : PLAIN), hyperlink: 'https://example.com/?a=1&b=2' } };
  }
}

function rowsFor(seed: number, sharedStrings: boolean): (Cell | null)[][] {
  const r = random(seed);
  const rows: (Cell | null)[][] = [];
  for (let i = 0; i < 400; i++) {
    const width = r.pick([0, 1, 3, 9, 30, 80]);
    const row: (Cell | null)[] = [];
    for (let c = 0; c < width; c++) row.push(r.next() < 0.2 ? null : cellFor(r, sharedStrings)); // sparse columns
    rows.push(row);
  }
  return rows;
}

function fill(ws: ExcelJS.Worksheet, rows: (Cell | null)[][], commit: boolean) {
  rows.forEach((cells, i) => {
    const row = ws.getRow(i + 1 + (i > 200 ? 3 : 0)); // a gap of row numbers
    cells.forEach((cell, c) => {
      if (!cell) return;
      const target = row.getCell(c + 1);
      target.value = cell.value as ExcelJS.CellValue;
      if (cell.numFmt) target.numFmt = cell.numFmt;
    });
    if (commit) row.commit();
  });
}

describe('XLSX reader = ExcelJS on generated workbooks', () => {
  it.each([1, 2, 3])('in-memory writer (shared strings, rich text), seed %i', async (seed) => {
    const wb = new ExcelJS.Workbook();
    if (seed === 3) wb.properties.date1904 = true;
    fill(wb.addWorksheet('数据'), rowsFor(seed, true), false);
    fill(wb.addWorksheet('其他'), rowsFor(seed + 100, true), false);
    const path = tmp.file(`mem-${seed}.xlsx`, Buffer.from(await wb.xlsx.writeBuffer()));
    const expected = await oracle(path);
    expect(expected.length).toBeGreaterThan(250);
    expect(await ours(path)).toEqual(expected);
  });

  it.each([
    [false, 4],
    [true, 5],
  ])('streaming writer (shared strings: %s, seed %i; the strings part comes after the sheet)', async (sharedStrings, seed) => {
    const path = `${tmp.dir}/stream-${seed}.xlsx`;
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: sharedStrings, useStyles: true });
    fill(wb.addWorksheet('数据'), rowsFor(seed, sharedStrings), true);
    await wb.commit();
    const expected = await oracle(path);
    expect(expected.length).toBeGreaterThan(250);
    expect(await ours(path)).toEqual(expected);
  });
});
