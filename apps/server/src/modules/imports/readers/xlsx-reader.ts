/**
 * XLSX records, streamed with ExcelJS's WorkbookReader from the first sheet (first visible tab), after the zip has
 * passed zip-directory's checks. Hooks into two ExcelJS internals (pinned by xlsx-reader.test.ts):
 * `_parseSharedStrings(entry)` and each worksheet's `iterator` get their XML through xlsx-guard (correct UTF-8
 * decoding, cell-length limit). Cell references beyond Excel's last column (XFD) are refused by ExcelJS itself
 * (col-cache "Out of bounds") before it allocates anything; that error gets its own message here.
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RawRecord } from './csv-reader';
import type { ReadLimits } from './limits';
import { asRefusal, NOT_EXCEL, refuse } from './refusal';
import type { ByteSource } from './source';
import { cellText } from './xlsx-cells';
import { firstSheetPart } from './xlsx-first-sheet';
import { guardedXml, guardedXmlStream, maxTextRunBytes, TextRunCheck } from './xlsx-guard';
import { checkWorkbookEntries, readZipDirectory, verifyZipEntries } from './zip-directory';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

type SheetReader = {
  iterator: AsyncIterable<Buffer | string>;
  [Symbol.asyncIterator](): AsyncIterator<ExcelJS.Row>;
};
type BookReader = {
  on(event: 'entry', listener: (e: { type: string; id?: string }) => void): unknown;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  [Symbol.asyncIterator](): AsyncIterator<SheetReader>;
};

export type XlsxReadOptions = { fileName: string; limits: ReadLimits };

/** The sheet number ExcelJS will report for the first sheet (xl/worksheets/sheetN.xml → 'N'), or null. */
async function targetSheet(src: ByteSource, opts: XlsxReadOptions): Promise<string | null> {
  const { fileName, limits } = opts;
  const entries = await readZipDirectory(src, fileName);
  checkWorkbookEntries(entries, fileName, limits);
  const kept = await verifyZipEntries(src, entries, fileName, new Set([WORKBOOK, WORKBOOK_RELS]));
  const part = firstSheetPart(kept.get(WORKBOOK)?.toString('utf8'), kept.get(WORKBOOK_RELS)?.toString('utf8'));
  const m = part ? /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(part) : null;
  return m && entries.some((e) => e.name === part) ? m[1] : null;
}

function rowCells(row: ExcelJS.Row, opts: XlsxReadOptions): string[] {
  const { fileName, limits } = opts;
  const values = row.values as unknown[];
  const cells: string[] = [];
  for (let c = 1; c < values.length; c++) {
    const text = cellText(values[c]);
    if (c > limits.maxColumns) {
      if (text !== '') throw refuse(fileName, `文件第 ${row.number} 行的列数超过 ${limits.maxColumns} 列的上限，无法导入`);
      continue;
    }
    if (text.length > limits.maxCellChars) {
      throw refuse(fileName, `文件第 ${row.number} 行第 ${c} 列的内容超过 ${limits.maxCellChars} 个字符的上限，无法导入`);
    }
    cells.push(text);
  }
  return cells;
}

export async function* xlsxRecords(src: ByteSource, opts: XlsxReadOptions): AsyncGenerator<RawRecord> {
  const { fileName, limits } = opts;
  const target = await targetSheet(src, opts);
  const input = src.stream(0, src.size, true);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell date cells from numbers
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit', // tells which sheet part each worksheet comes from
  });
  const book = reader as unknown as BookReader;
  const tooLong = () => refuse(fileName, `中有单元格的内容超过 ${limits.maxCellChars} 个字符的上限，无法导入`);
  const newCheck = () => new TextRunCheck(maxTextRunBytes(limits.maxCellChars), tooLong);
  const parseSharedStrings = book._parseSharedStrings.bind(reader);
  book._parseSharedStrings = (entry) => parseSharedStrings(entry.pipe(guardedXmlStream(newCheck())));
  let sheetNo: string | undefined;
  book.on('entry', (e) => {
    if (e.type === 'worksheet') sheetNo = e.id;
  });
  try {
    for await (const sheet of { [Symbol.asyncIterator]: () => book[Symbol.asyncIterator]() }) {
      if (target !== null && sheetNo !== target) continue;
      sheet.iterator = guardedXml(sheet.iterator, newCheck());
      for await (const row of { [Symbol.asyncIterator]: () => sheet[Symbol.asyncIterator]() }) {
        yield { index: row.number, cells: rowCells(row, opts) };
      }
      return;
    }
    throw refuse(fileName, '中没有工作表');
  } catch (e) {
    if (e instanceof Error && /Out of bounds/.test(e.message)) throw refuse(fileName, `${NOT_EXCEL}（有单元格超出了 Excel 的最大列 XFD）`);
    throw asRefusal(e, fileName, `${NOT_EXCEL}（文件已损坏或格式不正确），请在 Excel 中重新保存后再导入`);
  } finally {
    input.destroy();
  }
}
