import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from './client';

export type CopyValue = string | number | boolean | null | undefined;

/** One CSV field for COPY … (FORMAT csv): NULL as an unquoted empty field, everything else quoted. */
function field(v: CopyValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v.includes('"') ? `"${v.replace(/"/g, '""')}"` : `"${v}"`;
}

/** Rows as COPY CSV text (a hot path of every import: plain loops, no intermediate arrays). */
export function toCopyCsv(rows: CopyValue[][]): string {
  const lines: string[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    let line = field(r[0]);
    for (let j = 1; j < r.length; j++) line += ',' + field(r[j]);
    lines[i] = line;
  }
  return lines.join('\n') + '\n';
}

/**
 * Bulk-load rows with COPY (6× faster than batched INSERTs on PGlite). Each call is one statement, atomic on its own;
 * callers load a snapshot in chunks and make it visible with one short transaction at the end.
 */
export async function copyRows(database: Database, table: string, columns: string[], rows: CopyValue[][]): Promise<void> {
  if (!rows.length) return;
  const cols = columns.map((c) => `"${c}"`).join(', ');
  const csv = toCopyCsv(rows);
  if (database.pglite) {
    await database.pglite.query(`COPY "${table}" (${cols}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv]) });
    return;
  }
  const client = await database.pool!.connect();
  try {
    await pipeline(Readable.from([csv]), client.query(copyFrom(`COPY "${table}" (${cols}) FROM STDIN WITH (FORMAT csv)`)));
  } finally {
    client.release();
  }
}
