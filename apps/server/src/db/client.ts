import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import lockfile from 'proper-lockfile';
import pg from 'pg';
import * as schema from './schema/index';
import { SerialClient } from './serial-client';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: repositories accept either. */
export type DbOrTx = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute' | 'selectDistinct'>;
export type DbKind = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  kind: DbKind;
  /** PGlite instance when embedded (bulk COPY uses it); null on PostgreSQL */
  pglite: PGlite | null;
  /** node-postgres pool when on a server; null on PGlite */
  pool: pg.Pool | null;
  close: () => Promise<void>;
};

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export class DataDirLockedError extends Error {
  constructor(dir: string) {
    super(`数据目录 ${dir} 正被另一个进程使用（平台服务器可能正在运行）。请先停止服务器，或设置 DATABASE_URL 使用 PostgreSQL 服务器。`);
  }
}

/** Open the embedded PGlite database in `dataDir/pglite`, locking the folder (PGlite takes one process). */
export async function openPglite(dataDir: string): Promise<Database> {
  const dir = path.join(dataDir, 'pglite');
  fs.mkdirSync(dir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, { stale: 30_000, update: 10_000, realpath: false });
  } catch {
    throw new DataDirLockedError(dir);
  }
  const pglite = await PGlite.create(dir);
  return fromPglite(pglite, async () => {
    await pglite.close();
    await release();
  });
}

export function fromPglite(pglite: PGlite, close?: () => Promise<void>): Database {
  const db = drizzlePglite(pglite, { schema, casing: 'snake_case' }) as unknown as Db;
  return { db, kind: 'pglite', pglite, pool: null, close: close ?? (() => pglite.close()) };
}

export function openPostgres(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max, Client: SerialClient });
  const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
  return { db, kind: 'postgres', pglite: null, pool, close: () => pool.end() };
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.pglite) {
    await migratePglite(drizzlePglite(database.pglite), { migrationsFolder: MIGRATIONS_DIR });
  } else if (database.pool) {
    await migratePg(drizzlePg(database.pool), { migrationsFolder: MIGRATIONS_DIR });
  }
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  const database = opts.databaseUrl ? openPostgres(opts.databaseUrl) : await openPglite(opts.dataDir);
  await migrateDatabase(database);
  return database;
}

/** Rows of a raw query, whichever driver answered. */
export async function rows<T>(db: DbOrTx, query: Parameters<Db['execute']>[0]): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

type PreparedLike = { execute: (values?: Record<string, unknown>) => Promise<unknown> };
type Preparing = {
  dialect: { sqlToQuery: (q: SQL) => { sql: string; params: unknown[] } };
  session: { prepareQuery: (q: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: boolean) => PreparedLike };
};

/**
 * A hot raw query, built once with `sql.placeholder(…)` for its arguments, run as a named prepared statement: on
 * PostgreSQL it is parsed and planned once per pooled connection instead of at every call, and its SQL text is not
 * rebuilt either (PGlite ignores the name). One name must always carry the same text: build it once, at module level.
 * Works on the database and in a transaction: `const findX = preparedRows<Row>('nol_x', () => sql\`…\`)`, then
 * `await findX(db, { id })`.
 */
export function preparedRows<T>(name: string, build: () => SQL) {
  const perDb = new WeakMap<object, PreparedLike>();
  let compiled: { sql: string; params: unknown[] } | null = null;
  return async (db: DbOrTx, values: Record<string, unknown>): Promise<T[]> => {
    let p = perDb.get(db);
    if (!p) {
      const d = db as unknown as Preparing;
      compiled ??= d.dialect.sqlToQuery(build());
      p = d.session.prepareQuery(compiled, undefined, name, false);
      perDb.set(db, p);
    }
    return ((await p.execute(values)) as { rows: T[] }).rows;
  };
}
