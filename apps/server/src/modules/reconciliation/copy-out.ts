import { to as copyTo } from 'pg-copy-streams';
import type { Database } from '../../db/client';

/**
 * A query's rows as COPY CSV bytes (NULL an unquoted empty field): on PGlite twelve times faster than rows as objects
 * (100,000 学籍 rows: 0.23 s against 2.9 s), since nothing crosses the wire protocol row by row.
 */
export async function copyOut(database: Database, query: string): Promise<Buffer> {
  if (database.pglite) {
    const r = await database.pglite.query(`COPY (${query}) TO '/dev/blob' WITH (FORMAT csv)`);
    return r.blob ? Buffer.from(await r.blob.arrayBuffer()) : Buffer.alloc(0);
  }
  const client = await database.pool!.connect();
  try {
    const chunks: Buffer[] = [];
    const stream = client.query(copyTo(`COPY (${query}) TO STDOUT WITH (FORMAT csv)`));
    // events, not `for await`: the stream gives one chunk per row
    await new Promise<void>((resolve, reject) => {
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', resolve);
      stream.on('error', reject);
    });
    return Buffer.concat(chunks);
  } finally {
    client.release();
  }
}
