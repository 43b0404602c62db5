/**
 * Loading a snapshot's records with COPY in chunks (issue 3: PGlite has one connection, so each chunk is its own short
 * statement and other users' requests run between chunks).
 *
 * Lines come ready in COPY's text format (record-rows.ts), as UTF-8 bytes (line-buffer.ts). When reading runs on this
 * thread (ChunkedCopy): on PostgreSQL the COPY of one chunk runs on the server while the next chunk is read and
 * validated here (one chunk in flight at most); on PGlite the database runs on this thread, so each chunk is loaded
 * before reading goes on.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../db/client';
import { LineBuffer } from './line-buffer';

/** Rows per COPY statement on PGlite: short enough that a waiting request is served within a fraction of a second. */
export const PGLITE_CHUNK_ROWS = 5_000;
/** Rows per COPY statement on PostgreSQL: the statement runs on the server, other requests use other connections. */
export const POSTGRES_CHUNK_ROWS = 10_000;
/**
 * While a chunk is in flight on PostgreSQL, let the event loop run every this many rows: reading a buffered file is
 * all microtasks, and without a turn of the loop the socket would not take the chunk's next bytes.
 */
const YIELD_ROWS = 500;

export const chunkRowsFor = (database: Database) => (database.pglite ? PGLITE_CHUNK_ROWS : POSTGRES_CHUNK_ROWS);

/** One COPY … FROM (FORMAT text) of `data` (UTF-8 lines ending in \n). */
export async function copyText(database: Database, table: string, columns: readonly string[], data: string | Uint8Array): Promise<void> {
  if (data.length === 0) return;
  const statement = `COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')})`;
  if (database.pglite) {
    await database.pglite.query(`${statement} FROM '/dev/blob' WITH (FORMAT text)`, [], { blob: new Blob([data]) });
    return;
  }
  const client = await database.pool!.connect();
  try {
    const bytes =
      typeof data === 'string'
        ? Buffer.from(data)
        : Buffer.isBuffer(data)
          ? data
          : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    await pipeline(Readable.from([bytes]), client.query(copyFrom(`${statement} FROM STDIN WITH (FORMAT text)`)));
  } finally {
    client.release();
  }
}

/** COPY in chunks from this thread (when no second core is available for the reading worker, see stage-read.ts). */
export class ChunkedCopy {
  private readonly lines = new LineBuffer();
  private inFlight: Promise<void> | null = null;
  private readonly chunkRows: number;
  private readonly overlap: boolean;

  constructor(
    private readonly database: Database,
    private readonly table: string,
    private readonly columns: readonly string[],
  ) {
    this.overlap = database.pglite === null;
    this.chunkRows = chunkRowsFor(database);
  }

  /** Add one line; returns a promise (to await) only when a chunk is sent or the event loop is given a turn. */
  add(line: string): Promise<void> | undefined {
    this.lines.add(line);
    if (this.lines.lines >= this.chunkRows) return this.send();
    if (this.inFlight && this.lines.lines % YIELD_ROWS === 0) return new Promise((resolve) => setImmediate(resolve));
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
    // the chunk keeps its bytes; the next lines go to a new buffer (the chunk may still be in flight)
    const data = this.lines.take();
    await this.settle();
    if (data.length === 0) return;
    const p = copyText(this.database, this.table, this.columns, data);
    if (!this.overlap) return p;
    // awaited by the next send, finish or settle; a failure is raised there
    p.catch(() => undefined);
    this.inFlight = p;
  }
}
