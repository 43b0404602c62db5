/**
 * openTableStream: the one streaming reader behind the web import, the API and the command line.
 * CSV (UTF-8 with/without BOM, or GB18030/GBK, detected) or XLSX (first sheet), told apart by content.
 *
 * Design: cells are always strings (see xlsx-cells.ts for how XLSX values become text); dates in any spelling,
 * including Excel serial numbers, are left to parseDateCell. Rows are numbered from 1 = the first row under the
 * header, counting blank rows (which are skipped), so row N is the row Excel shows as N + header row.
 * The header is the first row with at least two filled cells among the first ten non-blank rows (title rows above
 * it, as in exported reports, are skipped), else the first non-blank row.
 * The header and the first data row are read before openTableStream resolves, so empty files, header-only files,
 * and files that are not tables are refused before anything is stored.
 */
import { csvRecords, type RawRecord } from './csv-reader';
import { formatBytes, resolveLimits, type ReadLimits } from './limits';
import { refuse } from './refusal';
import { sniff, SNIFF_BYTES } from './sniff';
import { openSource, type ByteSource, type TableInput } from './source';
import { xlsxRecords } from './xlsx-reader';

export type { TableInput } from './source';

export type TableRow = { row: number; cells: string[] };

export type TableStream = {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'gb18030' | 'xlsx';
  /** Header cells as written (a BOM removed). */
  headers: string[];
  /** The header's row in the file as Excel numbers rows (1 unless title rows precede it). */
  headerRow: number;
  /** Data rows, blank rows skipped; iterate once. Limits met on the way throw AppError VALIDATION. */
  rows: AsyncIterable<TableRow>;
  /** Bytes of the file consumed so far by the row reader (for progress). */
  bytesRead(): number;
  totalBytes: number;
  /** Release the file when the rows are not read to the end. */
  close(): Promise<void>;
};

const HEADER_SEARCH_ROWS = 10;
const filled = (cells: readonly string[]) => cells.reduce((n, c) => (c.trim() === '' ? n : n + 1), 0);

async function nextNonBlank(it: AsyncIterator<RawRecord>): Promise<RawRecord | null> {
  for (;;) {
    const r = await it.next();
    if (r.done) return null;
    if (filled(r.value.cells) > 0) return r.value;
  }
}

/** The header record, and non-blank records read past it while looking. */
async function findHeader(it: AsyncIterator<RawRecord>): Promise<{ header: RawRecord | null; after: RawRecord[] }> {
  const seen: RawRecord[] = [];
  while (seen.length < HEADER_SEARCH_ROWS) {
    const r = await nextNonBlank(it);
    if (!r) break;
    if (filled(r.cells) >= 2) return { header: r, after: [] };
    seen.push(r);
  }
  return { header: seen[0] ?? null, after: seen.slice(1) };
}

function openRecords(src: ByteSource, fileName: string, limits: ReadLimits, head: Buffer) {
  const sniffed = sniff(head, fileName, head.length === src.size);
  if (sniffed.format === 'xlsx')
    return { format: 'xlsx' as const, encoding: 'xlsx' as const, records: xlsxRecords(src, { fileName, limits }) };
  const records = csvRecords(src.stream(0, src.size, true), { fileName, encoding: sniffed.encoding, limits });
  return { format: 'csv' as const, encoding: sniffed.encoding, records };
}

export async function openTableStream(input: TableInput, fileName: string, limits?: Partial<ReadLimits>): Promise<TableStream> {
  const lim = resolveLimits(limits);
  const src = await openSource(input);
  let records: AsyncGenerator<RawRecord> | undefined;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await records?.return(undefined);
    await src.close();
  };
  try {
    if (src.size === 0) throw refuse(fileName, '是空文件，没有表头和数据');
    if (src.size > lim.maxFileBytes) {
      throw refuse(fileName, `有 ${formatBytes(src.size)}，超过 ${formatBytes(lim.maxFileBytes)} 的上限，请拆分后再导入`);
    }
    const opened = openRecords(src, fileName, lim, await src.read(0, SNIFF_BYTES));
    records = opened.records;
    const { header, after } = await findHeader(records);
    if (!header) throw refuse(fileName, '是空文件，没有表头和数据');
    const first = after[0] ?? (await nextNonBlank(records));
    if (!first) throw refuse(fileName, '只有表头，没有数据行');
    const headers = header.cells.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h));
    const it = records;
    const rows = async function* (): AsyncGenerator<TableRow> {
      let count = 0;
      const emit = (r: RawRecord): TableRow => {
        if (++count > lim.maxRows) throw refuse(fileName, `的数据超过 ${lim.maxRows} 行的上限，请拆分后再导入`);
        return { row: r.index - header.index, cells: r.cells };
      };
      try {
        for (const r of after.length > 0 ? after : [first]) yield emit(r);
        for (;;) {
          const r = await nextNonBlank(it);
          if (!r) return;
          yield emit(r);
        }
      } finally {
        await close();
      }
    };
    return {
      format: opened.format,
      encoding: opened.encoding,
      headers,
      headerRow: header.index,
      rows: rows(),
      bytesRead: () => src.bytesCounted(),
      totalBytes: src.size,
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
