/** What reading a file gives: the table, and the file's summary with its problems in row order. */
import type { RegistryKind } from '../../imports/formats/columns';
import type { ImportProblem } from '../../imports/formats/problems';
import type { RecordTable } from './table';
import type { FileReport } from './types';

export type ReadResult = { table: RecordTable; report: FileReport };

/** The file's summary line: rows, rejected rows and rows with warnings; problems sorted by row. */
export function reportOf(kind: RegistryKind, fileName: string, rows: number, rejected: number, problems: ImportProblem[]): FileReport {
  problems.sort((a, b) => a.row - b.row);
  const warned = new Set<number>();
  for (const p of problems) if (p.severity === 'warning') warned.add(p.row);
  return { kind, fileName, rows, rejected, warnings: warned.size, problems };
}
