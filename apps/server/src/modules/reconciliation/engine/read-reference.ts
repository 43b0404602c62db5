/**
 * The reference reading path: the importer's streaming reader (CSV or XLSX), header mapping and normalizeRow, row by
 * row. Used for XLSX files (and in tests, as the yardstick of the fast CSV path).
 */
import { canonicalHeader, cellsByKey, mapHeaders, type RegistryKind } from '../../imports/formats/columns';
import { DuplicateTracker } from '../../imports/formats/duplicates';
import type { ImportProblem } from '../../imports/formats/problems';
import { normalizeRow } from '../../imports/formats/records';
import { openTableStream, type TableInput } from '../../imports/readers/table-stream';
import { putRecord } from './from-records';
import { reportOf, type ReadResult } from './report';
import { TableBuilder } from './table';

/** No upload limits on the command line: the files are the user's own. */
export const NO_LIMITS = {
  maxFileBytes: Number.MAX_SAFE_INTEGER,
  maxRows: Number.MAX_SAFE_INTEGER,
  maxUncompressedBytes: Number.MAX_SAFE_INTEGER,
};

export async function readWithImporter(input: TableInput, kind: RegistryKind, fileName: string, asOf: string): Promise<ReadResult> {
  const stream = await openTableStream(input, fileName, NO_LIMITS);
  try {
    const mapping = mapHeaders(kind, fileName, stream.headers);
    const headerOf = mapping.headerOf;
    const dups = new DuplicateTracker(fileName, headerOf.idNumber ?? canonicalHeader(kind, 'idNumber'));
    const builder = new TableBuilder(kind);
    const problems: ImportProblem[] = [];
    let rows = 0;
    let rejected = 0;
    for await (const r of stream.rows) {
      rows++;
      const n = normalizeRow(kind, { fileName, asOf, headerOf }, r.row, cellsByKey(mapping, r.cells));
      for (const p of n.problems) problems.push(p);
      if (!n.record) {
        rejected++;
        continue;
      }
      if (n.record.idNumber) for (const p of dups.add(n.record)) problems.push(p);
      putRecord(builder, n.record);
    }
    return { table: builder.finish(), report: reportOf(kind, fileName, rows, rejected, problems) };
  } finally {
    await stream.close();
  }
}
