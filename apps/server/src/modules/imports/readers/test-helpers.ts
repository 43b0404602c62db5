/** Helpers for the reader tests. */
import { expect } from 'vitest';
import { AppError } from '../../../http/app-error';
import type { ReadLimits } from './limits';
import { openTableStream, type TableInput, type TableRow } from './table-stream';

export async function readAll(input: TableInput, fileName: string, limits?: Partial<ReadLimits>) {
  const t = await openTableStream(input, fileName, limits);
  const rows: TableRow[] = [];
  for await (const r of t.rows) rows.push(r);
  return {
    format: t.format,
    encoding: t.encoding,
    headers: t.headers,
    headerRow: t.headerRow,
    rows,
    bytesRead: t.bytesRead(),
    totalBytes: t.totalBytes,
  };
}

/** The AppError VALIDATION a read ends with; fails the test if the read succeeds. */
export async function refusalOf(input: TableInput, fileName: string, limits?: Partial<ReadLimits>): Promise<AppError> {
  try {
    await readAll(input, fileName, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('VALIDATION');
    expect((e as AppError).message.startsWith(`「${fileName}」`)).toBe(true);
    return e as AppError;
  }
  throw new Error(`expected 「${fileName}」 to be refused`);
}
