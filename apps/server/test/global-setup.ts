import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { fromPglite, migrateDatabase, openPostgres } from '../src/db/client';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  export interface ProvidedContext {
    testDb: { kind: 'pglite'; template: string } | { kind: 'postgres'; url: string };
  }
}

/**
 * Integration tests run on PGlite (default) or on PostgreSQL (TEST_DB=postgres with TEST_DATABASE_URL).
 * PGlite: migrate once, dump the data folder, and let each worker start from that template (a fresh PGlite costs ~2 s).
 * PostgreSQL: reset the public schema and migrate once; tests isolate themselves by building their own county.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DB === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DB=postgres 需要设置 TEST_DATABASE_URL');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS drizzle CASCADE; CREATE SCHEMA public;');
    await client.end();
    const database = openPostgres(url, 2);
    await migrateDatabase(database);
    await database.close();
    project.provide('testDb', { kind: 'postgres', url });
    return;
  }
  const pglite = await PGlite.create();
  const database = fromPglite(pglite);
  await migrateDatabase(database);
  const blob = (await pglite.dumpDataDir('none')) as Blob;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nol-test-')), 'template.tar');
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  await pglite.close();
  project.provide('testDb', { kind: 'pglite', template: file });
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
