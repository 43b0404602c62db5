import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerialClient } from './serial-client';

/**
 * Parallel reads in a transaction share one client: SerialClient hands them to pg one at a time, so pg 8 never warns
 * that pg 9 will refuse a query sent while another runs. Its own file: Node prints a deprecation once per process, and
 * the last test (a plain client, which must warn) shows that this process had not printed it before.
 */
const url = process.env.TEST_DATABASE_URL;
const warned: string[] = [];
const listen = (w: Error) => {
  if (w.message.includes('already executing a query')) warned.push(w.message);
};

describe.skipIf(process.env.TEST_DB !== 'postgres' || !url)('SerialClient (PostgreSQL)', () => {
  const pool = new pg.Pool({ connectionString: url, max: 2, Client: SerialClient });
  const db = drizzle(pool);
  // Node's own listener prints warnings: the control's warning is expected, so it stays out of the test output
  const printers = process.listeners('warning');
  beforeAll(() => {
    process.removeAllListeners('warning');
    process.on('warning', listen);
  });
  afterAll(async () => {
    process.off('warning', listen);
    for (const p of printers) process.on('warning', p);
    await pool.end();
  });

  const parallel = (tx: Pick<typeof db, 'execute'>) =>
    Promise.all([
      tx.execute(sql`select pg_sleep(0.05), 1 as n`),
      tx.execute(sql`select 2 as n`),
      tx.execute(sql`select txid_current() as t, 3 as n`),
      tx.execute(sql`select txid_current() as t, 4 as n`),
    ]);

  it('answers parallel reads in one transaction, each with its own rows, in the same transaction, without the warning', async () => {
    const results = await db.transaction((tx) => parallel(tx));
    expect(results.map((r) => Number(r.rows[0].n))).toEqual([1, 2, 3, 4]);
    expect(results[2].rows[0].t).toBe(results[3].rows[0].t);
    await new Promise((r) => setImmediate(r)); // warnings are emitted on the next tick
    expect(warned).toEqual([]);
  });

  it('a failed query fails its own caller and the transaction; the client serves the next one', async () => {
    const outcome = db.transaction((tx) =>
      Promise.all([tx.execute(sql`select 1`), tx.execute(sql`select 1 / 0`), tx.execute(sql`select 3`)]),
    );
    await expect(outcome).rejects.toMatchObject({ cause: { message: expect.stringMatching(/division by zero/) } });
    for (let i = 0; i < 3; i++) expect((await db.execute(sql`select 5 as n`)).rows[0].n).toBe(5);
    expect(warned).toEqual([]);
  });

  it('a plain pg client in the same process does warn (the check above can see it)', async () => {
    const plain = new pg.Pool({ connectionString: url, max: 1 });
    try {
      await drizzle(plain).transaction((tx) => parallel(tx));
      await new Promise((r) => setImmediate(r));
      expect(warned).toHaveLength(1);
    } finally {
      await plain.end();
    }
  });
});
