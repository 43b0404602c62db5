/**
 * XLSX records, streamed from the first sheet (first visible tab) by a small hand-written reader, after the zip has
 * passed zip-directory's checks:
 * 1. xl/workbook.xml and its relationships name the first sheet, the shared strings and the styles (xlsx-first-sheet);
 * 2. styles.xml tells which cell styles are dates (xlsx-styles);
 * 3. the shared strings are inflated and scanned into a string array (xlsx-shared-strings), wherever they sit in the
 *    zip (entries are read by their offsets);
 * 4. the sheet is inflated chunk by chunk and scanned as bytes (xlsx-sheet), yielding a record per row.
 * Every inflated chunk first passes xlsx-guard's TextRunCheck (a 200 MB cell fails at the first chunk past the limit).
 *
 * Why not ExcelJS's streaming WorkbookReader, as before (README, Performance): for the 300,000-row benchmark file it
 * took 7–16 CPU-s (a SAX event and an object per cell, a Row model per row; it parses ahead of a slow consumer, so
 * memory grew to ~500 MB while rows were normalised) against ~2 CPU-s here, and it needed two hooks into its internals
 * to decode UTF-8 correctly and to bound cell lengths. ExcelJS still writes workbooks (lib/xlsx.ts) and is the test
 * oracle of this reader (xlsx-oracle.test.ts).
 */
import type { RawRecord } from './csv-reader';
import type { ReadLimits } from './limits';
import { asRefusal, NOT_EXCEL, refuse } from './refusal';
import type { ByteSource } from './source';
import { workbookParts } from './xlsx-first-sheet';
import { maxTextRunBytes, TextRunCheck } from './xlsx-guard';
import { SharedStringsScanner } from './xlsx-shared-strings';
import { SheetScanner } from './xlsx-sheet';
import { dateStyles } from './xlsx-styles';
import { countRest, entryChunks, readEntry } from './xlsx-zip-entry';
import { checkWorkbookEntries, readZipDirectory, verifyZipEntries, type ZipEntry } from './zip-directory';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

export type XlsxReadOptions = { fileName: string; limits: ReadLimits };

/** The first sheet's entry: the part the workbook names, else the first worksheet in the zip. */
function sheetEntry(entries: readonly ZipEntry[], part: string | null): ZipEntry | undefined {
  const named = part === null ? undefined : entries.find((e) => e.name === part);
  if (named) return named;
  const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name));
  return sheets.sort((a, b) => a.localOffset - b.localOffset)[0];
}

export async function* xlsxRecords(src: ByteSource, opts: XlsxReadOptions): AsyncGenerator<RawRecord> {
  const { fileName, limits } = opts;
  const tooLong = () => refuse(fileName, `中有单元格的内容超过 ${limits.maxCellChars} 个字符的上限，无法导入`);
  const runLimit = maxTextRunBytes(limits.maxCellChars);
  const maxPending = runLimit * 2 + 1024 * 1024;
  try {
    const entries = await readZipDirectory(src, fileName);
    checkWorkbookEntries(entries, fileName, limits);
    const kept = await verifyZipEntries(src, entries, fileName, new Set([WORKBOOK, WORKBOOK_RELS]));
    const parts = workbookParts(kept.get(WORKBOOK)?.toString('utf8'), kept.get(WORKBOOK_RELS)?.toString('utf8'));
    const sheet = sheetEntry(entries, parts.sheet);
    if (!sheet) throw refuse(fileName, '中没有工作表');
    const byName = new Map(entries.map((e) => [e.name, e]));

    const stylesEntry = byName.get(parts.styles);
    const styles = stylesEntry ? (await readEntry(src, stylesEntry, fileName)).toString('utf8') : undefined;

    const read = [sheet];
    const stringsEntry = byName.get(parts.sharedStrings);
    let sharedStrings: string[] = [];
    if (stringsEntry && stringsEntry !== sheet) {
      const scanner = new SharedStringsScanner(limits.maxCellChars, maxPending, tooLong);
      const check = new TextRunCheck(runLimit, tooLong);
      for await (const chunk of entryChunks(src, stringsEntry, fileName, true)) {
        check.feed(chunk);
        scanner.write(chunk);
      }
      scanner.end();
      sharedStrings = scanner.strings;
      read.push(stringsEntry);
    }

    const scanner = new SheetScanner({
      fileName,
      limits,
      sharedStrings,
      dateStyles: dateStyles(styles),
      date1904: parts.date1904,
      maxPending,
      onTooLong: tooLong,
    });
    const check = new TextRunCheck(runLimit, tooLong);
    for await (const chunk of entryChunks(src, sheet, fileName, true)) {
      check.feed(chunk);
      scanner.write(chunk);
      for (const record of scanner.take()) yield record;
    }
    scanner.end();
    for (const record of scanner.take()) yield record;
    await countRest(src, read);
  } catch (e) {
    throw asRefusal(e, fileName, `${NOT_EXCEL}（文件已损坏或格式不正确），请在 Excel 中重新保存后再导入`);
  }
}
