/**
 * Loading a snapshot's records with COPY in chunks (issue 3: PGlite has one connection, so each chunk is its own short
 * statement and other users' requests run between chunks).
 *
 * Lines come ready in COPY's text format (record-rows.ts) and are written as UTF-8 straight into the chunk's buffer
 * as they come: a chunk kept as one long string had to be flattened and encoded when sent, which cost the importer's
 * thread about 1.5 s per 300,000 rows (bench/copy-encoding.bench.ts). On PostgreSQL the COPY of
 * one chunk runs on the server while the next chunk is read and validated here (one chunk in flight at most); on PGlite
 * the database runs on this thread, so each chunk is loaded before reading goes on.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../db/client';

/** Rows per COPY statement on PGlite: short enough that a waiting request is served within a fraction of a second. */
export const PGLITE_CHUNK_ROWS = 5_000;
/** Rows per COPY statement on PostgreSQL: the statement runs on the server, other requests use other connections. */
export const POSTGRES_CHUNK_ROWS = 10_000;
/**
 * While a chunk is in flight on PostgreSQL, let the event loop run every this many rows: reading a buffered file is
 * all microtasks, and without a turn of the loop the socket would not take the chunk's next bytes.
 */
const YIELD_ROWS = 500;
const INITIAL_BYTES = 4 << 20;

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
    await pipeline(
      Readable.from([typeof data === 'string' ? Buffer.from(data) : data]),
      client.query(copyFrom(`${statement} FROM STDIN WITH (FORMAT text)`)),
    );
  } finally {
    client.release();
  }
}

export class ChunkedCopy {
  private buf = Buffer.allocUnsafe(INITIAL_BYTES);
  private used = 0;
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

  /** Add one line; returns a promise (to await) only when a chunk is sent or the event loop is given a turn. */
  add(line: string): Promise<void> | undefined {
    // a UTF-16 code unit is at most 3 bytes of UTF-8
    if (this.used + line.length * 3 > this.buf.length) this.grow(line.length * 3);
    this.used += this.buf.write(line, this.used);
    if (++this.rows >= this.chunkRows) return this.send();
    if (this.inFlight && this.rows % YIELD_ROWS === 0) return new Promise((resolve) => setImmediate(resolve));
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

  private grow(atLeast: number) {
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.used + atLeast));
    this.buf.copy(next, 0, 0, this.used);
    this.buf = next;
  }

  private async send(): Promise<void> {
    // the chunk keeps its buffer; the next lines go to a new one (the chunk may still be in flight)
    const data = this.buf.subarray(0, this.used);
    this.buf = Buffer.allocUnsafe(this.buf.length);
    this.used = 0;
    this.rows = 0;
    await this.settle();
    if (data.length === 0) return;
    const p = copyText(this.database, this.table, this.columns, data);
    if (!this.overlap) return p;
    // awaited by the next send, finish or settle; a failure is raised there
    p.catch(() => undefined);
    this.inFlight = p;
  }
}
