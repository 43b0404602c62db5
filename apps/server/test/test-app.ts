import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../src/app';
import { fromPglite, openPostgres, type Database } from '../src/db/client';
import { loadEnv } from '../src/config/env';

/** A clock tests can move (deadlines, lockouts, "today"). */
export const testClock = {
  current: null as Date | null,
  set(d: Date | string) {
    this.current = typeof d === 'string' ? new Date(d) : d;
  },
  reset() {
    this.current = null;
  },
  now(): Date {
    return this.current ?? new Date();
  },
};

let databasePromise: Promise<Database> | null = null;
let appPromise: Promise<FastifyInstance> | null = null;

/** One database per test worker, from the migrated template (PGlite) or the shared test server (PostgreSQL). */
export function getTestDatabase(): Promise<Database> {
  databasePromise ??= (async () => {
    const cfg = inject('testDb');
    if (cfg.kind === 'postgres') return openPostgres(cfg.url, 4);
    const blob = new Blob([fs.readFileSync(cfg.template)]);
    const pglite = await PGlite.create({ loadDataDir: blob });
    return fromPglite(pglite);
  })();
  return databasePromise;
}

export function getTestApp(): Promise<FastifyInstance> {
  appPromise ??= (async () => {
    const database = await getTestDatabase();
    const env = loadEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      LOGIN_RATE_LIMIT: '100000',
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'nol-int-')),
    });
    const app = await buildApp({ database, env, clock: () => testClock.now(), webDist: null });
    await app.ready();
    return app;
  })();
  return appPromise;
}

export async function closeTestApp(): Promise<void> {
  if (appPromise) await (await appPromise).close();
  if (databasePromise) await (await databasePromise).close();
  appPromise = null;
  databasePromise = null;
}
