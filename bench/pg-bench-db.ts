/** The benchmarks' own PostgreSQL database (BENCH_DATABASE_URL): created empty and migrated for a run, dropped after. */
import pg from 'pg';
import { migrateDatabase, openPostgres, type Database } from '../apps/server/src/db/client';

/** Statements on the server's `postgres` database: a database cannot be created or dropped from inside itself. */
async function onServer(url: string, statements: (name: string) => string[]) {
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  for (const q of statements(url.split('/').pop()!)) await admin.query(q);
  await admin.end();
}

/** Drop and re-create the database of `url`, then open it (a pool of 10) and migrate it. */
export async function freshPostgres(url: string): Promise<Database> {
  await onServer(url, (name) => [`drop database if exists ${name}`, `create database ${name}`]);
  const db = openPostgres(url, 10);
  await migrateDatabase(db);
  return db;
}

/** Drop the database of `url`, closing any connection still open to it. */
export async function dropPostgres(url: string) {
  await onServer(url, (name) => [`drop database if exists ${name} with (force)`]);
}
