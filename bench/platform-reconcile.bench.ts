/**
 * 四查三比对 inside the platform (issue 4): the noisy registries of a synthetic county imported as snapshots, then one
 * reconciliation run (load the committed snapshots, link, store and diff the findings), on PGlite and on PostgreSQL.
 *   node --import tsx bench/platform-reconcile.bench.ts [--children 300000] [--only pglite,postgres]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { REGISTRY_FILE_NAMES, writeRegistryFiles, type RegistryFileKind } from '../packages/synth/src/registries/index';
import { buildApp } from '../apps/server/src/app';
import { loadEnv } from '../apps/server/src/config/env';
import { openDatabase } from '../apps/server/src/db/client';
import { seedDemoIfEmpty } from '../apps/server/src/db/seed/demo';
import { waitForImport } from '../apps/server/src/modules/imports/imports.service';
import { waitForRun } from '../apps/server/src/modules/reconciliation/run.service';
import { freshPostgres } from './pg-bench-db';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const CHILDREN = Number(arg('children', '300000'));
const ONLY = arg('only', 'pglite,postgres').split(',');
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/nol_bench';
const dir = path.join(os.tmpdir(), `nol-bench-platform-${CHILDREN}`);
const KINDS: RegistryFileKind[] = ['hukou', 'xueji', 'roster', 'poverty', 'disability'];
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

if (!fs.existsSync(path.join(dir, 'truth.json'))) writeRegistryFiles(dir, { children: CHILDREN, seed: 1, asOf: '2026-10-15' });

async function runOne(kind: 'pglite' | 'postgres') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nol-bench-prdb-'));
  const database = kind === 'pglite' ? await openDatabase({ dataDir }) : await freshPostgres(PG_URL);
  await seedDemoIfEmpty(database, { children: 1000 });
  const app = await buildApp({
    database,
    env: loadEnv({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, LOGIN_RATE_LIMIT: '1000' }),
    clock: () => new Date(),
    webDist: null,
  });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'Demo2026' } });
  const cookies = login.cookies as { name: string; value: string }[];
  const headers = {
    cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '),
    'x-csrf-token': cookies.find((c) => c.name === 'nol_csrf')!.value,
  };
  const t0 = performance.now();
  for (const k of KINDS) {
    const file = path.join(dir, REGISTRY_FILE_NAMES[k]);
    const boundary = '----bench';
    const body = Readable.from(
      (async function* () {
        yield Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${k}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${k}.csv"\r\n\r\n`,
        );
        yield* fs.createReadStream(file);
        yield Buffer.from(`\r\n--${boundary}--\r\n`);
      })(),
    );
    const up = await app.inject({
      method: 'POST',
      url: '/api/imports',
      payload: body,
      headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    if (up.statusCode !== 200) throw new Error(up.body);
    await waitForImport(up.json().id);
    const c = await app.inject({ method: 'POST', url: `/api/imports/${up.json().id}/commit`, headers });
    if (c.statusCode !== 200) throw new Error(c.body);
    await waitForImport(up.json().id);
  }
  const t1 = performance.now();
  const run = await app.inject({ method: 'POST', url: '/api/reconciliation/runs', payload: {}, headers });
  if (run.statusCode !== 200) throw new Error(run.body);
  await waitForRun(run.json().id);
  const t2 = performance.now();
  const detail = (await app.inject({ method: 'GET', url: `/api/reconciliation/runs/${run.json().id}`, headers })).json();
  const again = await app.inject({ method: 'POST', url: '/api/reconciliation/runs', payload: {}, headers });
  await waitForRun(again.json().id);
  const t3 = performance.now();
  const second = (await app.inject({ method: 'GET', url: `/api/reconciliation/runs/${again.json().id}`, headers })).json();
  const phases = (p: Record<string, number> = {}) => `read ${s(p.load ?? 0)} · engine ${s(p.engine ?? 0)} · store ${s(p.save ?? 0)}`;
  const counts = Object.entries(detail.summary.counts as Record<string, number>)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  console.log(
    `  ${kind.padEnd(8)} import of the five files ${s(t1 - t0)} · first run ${s(t2 - t1)} (${detail.status}, ${detail.summary.new} new findings) · second run (diff only) ${s(t3 - t2)}`,
  );
  console.log(`           first: ${phases(detail.summary.phases)}; second: ${phases(second.summary.phases)}`);
  console.log(`           ${counts}`);
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

console.log(`\n四查三比对 in the platform — ${CHILDREN.toLocaleString()} children (files in ${dir})`);
for (const kind of ONLY as ('pglite' | 'postgres')[]) await runOne(kind);
process.exit(0);
