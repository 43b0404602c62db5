/**
 * Loading a snapshot's records with COPY in chunks (issue 3: PGlite has one connection, so each chunk is its own short
 * statement and other users' requests run between chunks).
 *
 * Lines come ready in COPY's text format (record-rows.ts). On PostgreSQL the COPY of one chunk runs on the server
 * while the next chunk is read and validated here (one chunk in flight at most); on PGlite the database runs on this
 * thread, so each chunk is loaded before reading goes on.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../db/client';

/** Rows per COPY statement on PGlite: short enough that a waiting request is served within a fraction of a second. */
export const PGLITE_CHUNK_ROWS = 5_000;
/** Rows per COPY statement on PostgreSQL: the statement runs on the server, other requests use other connections. */
export const POSTGRES_CHUNK_ROWS = 10_000;

/** One COPY … FROM (FORMAT text) of `text` (lines ending in \n). */
export async function copyText(database: Database, table: string, columns: readonly string[], text: string): Promise<void> {
  if (text === '') return;
  const statement = `COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')})`;
  if (database.pglite) {
    await database.pglite.query(`${statement} FROM '/dev/blob' WITH (FORMAT text)`, [], { blob: new Blob([text]) });
    return;
  }
  const client = await database.pool!.connect();
  try {
    await pipeline(Readable.from([Buffer.from(text)]), client.query(copyFrom(`${statement} FROM STDIN WITH (FORMAT text)`)));
  } finally {
    client.release();
  }
}

export class ChunkedCopy {
  private text = '';
  private rows = 0;
  private inFlight: Promise<void> | null = null;
  private readonly chunkRows: number;
  private readonly overlap: boolean;

  constructor(
    private readonly database: Database,
    private readonly table: string,
    private readonly columns: readonly string[],
  ) {
    this.overlap = database.pglite === null;
    this.chunkRows = this.overlap ? POSTGRES_CHUNK_ROWS : PGLITE_CHUNK_ROWS;
  }

  /** Add one line; returns a promise (to await) only when a chunk is sent. */
  add(line: string): Promise<void> | undefined {
    this.text += line;
    if (++this.rows >= this.chunkRows) return this.send();
    return undefined;
  }

  /** Send what is left and wait until every chunk is stored. */
  async finish(): Promise<void> {
    await this.send();
    await this.settle();
  }

  /** Wait for the chunk in flight (its failure included); for clean-up after an error, before deleting rows. */
  async settle(): Promise<void> {
    const p = this.inFlight;
    this.inFlight = null;
    if (p) await p;
  }

  private async send(): Promise<void> {
    const text = this.text;
    this.text = '';
    this.rows = 0;
    await this.settle();
    if (text === '') return;
    const p = copyText(this.database, this.table, this.columns, text);
    if (!this.overlap) return p;
    // awaited by the next send, finish or settle; a failure is raised there
    p.catch(() => undefined);
    this.inFlight = p;
  }
}
