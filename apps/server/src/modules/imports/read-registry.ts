import { importNamePinyin } from './name-pinyin';
import {
  canonicalHeader,
  cellsByKey,
  COLUMN_SPECS,
  mapHeaders,
  type ColumnKey,
  type HeaderMapping,
  type HeaderOverride,
  type RegistryKind,
} from './formats/columns';
import { DuplicateTracker } from './formats/duplicates';
import type { ImportProblem } from './formats/problems';
import { normalizeRow, type RegistryRecord } from './formats/records';
import { RawCells } from './raw-cells';
import type { ReadLimits } from './readers/limits';
import { openTableStream, type TableInput } from './readers/table-stream';

export type RowCheck = (record: RegistryRecord) => { column: ColumnKey; message: string } | null;

export type ReadProgress = { rows: number; bytes: number; totalBytes: number };

export type ReadOptions = {
  kind: RegistryKind;
  fileName: string;
  asOf: string;
  override?: HeaderOverride;
  limits?: Partial<ReadLimits>;
  /** the web preview shows missing required columns instead of refusing the file */
  allowMissing?: boolean;
  /** an extra rule that rejects rows (a school's roster may hold only its own school) */
  check?: RowCheck;
  previewRows?: number;
  onProgress?: (p: ReadProgress) => void;
  /** each accepted record with its name pinyin and the raw cells by header (awaited only when it returns a promise) */
  onRecord?: (r: AcceptedRecord) => void | Promise<void>;
};

/** An accepted record, its name pinyin, and its raw cells by header as JSON text (see RawCells). */
export type AcceptedRecord = { record: RegistryRecord; rawJson: string; pinyin: { full: string; initials: string } };

export type ReadSummary = {
  format: 'csv' | 'xlsx';
  encoding: string;
  headers: string[];
  mapping: HeaderMapping;
  rowCount: number;
  accepted: number;
  rejected: number;
  warnings: number;
  /** every problem, in row order */
  problems: ImportProblem[];
  preview: Record<string, string>[];
  totalBytes: number;
};

const PROGRESS_EVERY = 2000;

/**
 * The one importer's reading half (issue 3): stream the file, map headers, normalise every row, track duplicate IDs,
 * and hand accepted records to the caller. Used by the preview, the commit, the command line and the problems export.
 */
export async function readRegistry(input: TableInput, opts: ReadOptions): Promise<ReadSummary> {
  const table = await openTableStream(input, opts.fileName, opts.limits);
  try {
    const mapping = mapHeaders(opts.kind, opts.fileName, table.headers, { override: opts.override, allowMissing: opts.allowMissing });
    const headerOf = mapping.headerOf;
    const idHeader = headerOf.idNumber ?? canonicalHeader(opts.kind, 'idNumber');
    const dups = new DuplicateTracker(opts.fileName, idHeader);
    const problems: ImportProblem[] = [];
    const preview: Record<string, string>[] = [];
    let rowCount = 0;
    let accepted = 0;
    let rejected = 0;
    const maxPreview = opts.previewRows ?? 20;
    const missing = mapping.missingRequired.length > 0;
    const raw = new RawCells(table.headers);
    const onRecord = opts.onRecord;
    for await (const row of table.rows) {
      rowCount++;
      if (preview.length < maxPreview) preview.push(raw.object(row.cells));
      if (missing) continue;
      const n = normalizeRow(opts.kind, { fileName: opts.fileName, asOf: opts.asOf, headerOf }, row.row, cellsByKey(mapping, row.cells));
      problems.push(...n.problems);
      let record = n.record;
      if (record && opts.check) {
        const bad = opts.check(record);
        if (bad) {
          problems.push({
            file: opts.fileName,
            row: row.row,
            column: headerOf[bad.column] ?? canonicalHeader(opts.kind, bad.column),
            severity: 'rejected',
            message: bad.message,
          });
          record = null;
        }
      }
      if (!record) {
        rejected++;
        continue;
      }
      accepted++;
      if (record.idNumber) problems.push(...dups.add(record));
      if (onRecord) {
        const pending = onRecord({ record, rawJson: raw.json(row.cells), pinyin: importNamePinyin(record.name) });
        if (pending) await pending;
      }
      if (rowCount % PROGRESS_EVERY === 0) opts.onProgress?.({ rows: rowCount, bytes: table.bytesRead(), totalBytes: table.totalBytes });
    }
    opts.onProgress?.({ rows: rowCount, bytes: table.totalBytes, totalBytes: table.totalBytes });
    problems.sort((a, b) => a.row - b.row);
    const warnRows = new Set(problems.filter((p) => p.severity === 'warning').map((p) => p.row));
    return {
      format: table.format,
      encoding: table.encoding,
      headers: table.headers,
      mapping,
      rowCount,
      accepted,
      rejected,
      warnings: warnRows.size,
      problems,
      preview,
      totalBytes: table.totalBytes,
    };
  } finally {
    await table.close();
  }
}

export const columnOptions = (kind: RegistryKind) => COLUMN_SPECS[kind].map((s) => ({ key: s.key, label: s.header }));
