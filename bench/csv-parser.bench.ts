/**
 * Why the importer reads CSV with its own parser (issue 3, speed): csv-parse, with the options the importer used, was
 * the largest single cost of reading a 300,000-row 户籍 file. Both parse the same 户籍-like text, fed in 256 KB pieces
 * as the importer reads the file; the records must be identical.
 *   node --import tsx bench/csv-parser.bench.ts [--rows 200000]
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { CsvParser } from '../apps/server/src/modules/imports/readers/csv-parser';

const at = process.argv.indexOf('--rows');
const ROWS = Math.min(at > 0 ? Number(process.argv[at + 1]) : 200_000, 300_000);
const lines = ['姓名,性别,出生日期,公民身份号码,民族,户籍地址,户籍地区划代码,监护人姓名,监护人电话'];
for (let i = 0; i < ROWS; i++) {
  const d = String(1 + (i % 28)).padStart(2, '0');
  lines.push(
    `张${'伟芳娜秀英敏静丽强磊'[i % 10]}${'军洋勇艳杰娟涛明超秀'[(i >> 3) % 10]},${i % 2 ? '男' : '女'},2015-03-${d},410182201503${d}${String(i % 1000).padStart(3, '0')}X,汉族,` +
      `"河南省郑州市荥阳市城关镇${i % 40}村${i % 7}组${i % 90}号",410182100${String(i % 300).padStart(3, '0')},王${i % 10}明,1385555${String(i % 10000).padStart(4, '0')}`,
  );
}
const bytes = Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n');
const pieces: Buffer[] = [];
for (let p = 0; p < bytes.length; p += 256 * 1024) pieces.push(bytes.subarray(p, p + 256 * 1024));

/** Each parser hands its records to `use`, as the importer does, one piece at a time. */
async function withCsvParse(use: (r: string[]) => void): Promise<void> {
  const parser = Readable.from(pieces).pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }));
  for await (const r of parser as AsyncIterable<string[]>) use(r);
}

async function withCsvParser(use: (r: string[]) => void): Promise<void> {
  const p = new CsvParser();
  const out: string[][] = [];
  for await (const b of Readable.from(pieces)) {
    p.write((b as Buffer).toString('utf8'), false, out);
    for (const r of out) use(r);
    out.length = 0;
  }
  p.write('', true, out);
  for (const r of out) use(r);
}

/** CPU seconds of this process (less disturbed than wall time by other work on a shared machine). */
async function time<T>(f: () => T | Promise<T>): Promise<[T, number]> {
  const t = process.cpuUsage();
  const r = await f();
  const used = process.cpuUsage(t);
  return [r, (used.user + used.system) / 1e6];
}

// the real reader decodes with a StringDecoder; here the text is decoded once so that the pieces hold whole characters
const text = bytes.toString('utf8');
pieces.length = 0;
for (let p = 0; p < text.length; p += 128 * 1024) pieces.push(Buffer.from(text.slice(p, p + 128 * 1024)));

console.log(`\nCSV parsing — ${ROWS.toLocaleString('en-US')} 户籍 rows, ${(bytes.length / 1048576).toFixed(0)} MB`);
const all = async (f: typeof withCsvParse) => {
  const out: string[][] = [];
  await f((r) => out.push(r));
  return JSON.stringify(out);
};
if ((await all(withCsvParse)) !== (await all(withCsvParser))) throw new Error('the parsers disagree');
let cells = 0;
const count = (r: string[]) => {
  cells += r.length;
};
for (let round = 1; round <= 3; round++) {
  cells = 0;
  const [, ta] = await time(() => withCsvParse(count));
  const cellsA = cells;
  cells = 0;
  const [, tb] = await time(() => withCsvParser(count));
  if (cells !== cellsA) throw new Error('the parsers disagree');
  console.log(
    `  round ${round}, CPU time: csv-parse ${ta.toFixed(2)} s (${Math.round(ROWS / ta).toLocaleString('en-US')} rows/s) · CsvParser ${tb.toFixed(2)} s (${Math.round(ROWS / tb).toLocaleString('en-US')} rows/s) · ${(ta / tb).toFixed(1)}× faster, same records`,
  );
}
