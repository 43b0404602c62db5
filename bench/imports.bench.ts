/**
 * Import benchmark (issue 3): a 300,000-row 户籍 file as UTF-8 CSV, GB18030 CSV and XLSX, uploaded, parsed, validated,
 * committed (COPY in chunks) and fed to the children registry, on PGlite and on PostgreSQL; peak memory of the whole
 * server process; the longest wait of a request made during the import; the ratio to a plain COPY of the same rows.
 * Each database and format runs in its own process (with this one's node flags), so each peak RSS is that import's.
 *   node --max-semi-space-size=64 --import tsx bench/imports.bench.ts [--rows 300000] [--only pglite|postgres] [--formats csv,gb18030,xlsx]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { from as copyFrom } from 'pg-copy-streams';
import { generateChildren, generateCounty } from '@notoneless/synth';
import { buildApp } from '../apps/server/src/app';
import { loadEnv } from '../apps/server/src/config/env';
import { openDatabase } from '../apps/server/src/db/client';
import { seedDemoIfEmpty } from '../apps/server/src/db/seed/demo';
import { waitForImport } from '../apps/server/src/modules/imports/imports.service';
import { freshPostgres } from './pg-bench-db';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const ROWS = Number(arg('rows', '300000'));
const ONLY = arg('only', 'pglite,postgres').split(',');
const FORMATS = arg('formats', 'csv,gb18030,xlsx').split(',');
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/nol_bench';
const dir = path.join(os.tmpdir(), `nol-bench-imports-${ROWS}`);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** CPU seconds of every local PostgreSQL server process (0 when /proc or the processes cannot be read). */
function postgresCpu(): number {
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / 100;
}
const nodeCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const HEADER = ['姓名', '性别', '出生日期', '公民身份号码', '民族', '户籍地址', '户籍地区划代码', '监护人姓名', '监护人电话'];

async function makeFiles() {
  fs.mkdirSync(dir, { recursive: true });
  const csvPath = path.join(dir, 'hukou-utf8.csv');
  if (!fs.existsSync(csvPath)) {
    const county = generateCounty({ children: ROWS, seed: 7 });
    const lines = [HEADER.join(',')];
    for (const c of generateChildren(county, { children: ROWS, seed: 7 })) {
      lines.push(
        [
          c.name,
          c.gender,
          c.birthDate,
          c.idNumber,
          c.nation,
          `"${c.householdAddress}"`,
          c.householdVillageCode ?? '',
          c.guardianName,
          c.guardianPhone,
        ].join(','),
      );
    }
    fs.writeFileSync(csvPath, '\uFEFF' + lines.join('\r\n') + '\r\n');
    fs.writeFileSync(path.join(dir, 'hukou-gb18030.csv'), iconv.encode(lines.join('\r\n') + '\r\n', 'gb18030'));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path.join(dir, 'hukou.xlsx') });
    const ws = wb.addWorksheet('户籍');
    for (const line of lines) ws.addRow(line.replace(/"/g, '').split(',')).commit();
    ws.commit();
    await wb.commit();
  }
  return { csv: csvPath, gb18030: path.join(dir, 'hukou-gb18030.csv'), xlsx: path.join(dir, 'hukou.xlsx') } as Record<string, string>;
}

async function runOne(kind: 'pglite' | 'postgres', format: string, file: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nol-bench-db-'));
  const database = kind === 'pglite' ? await openDatabase({ dataDir }) : await freshPostgres(PG_URL);
  await seedDemoIfEmpty(database, { children: 2000 });
  const env = loadEnv({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, LOGIN_RATE_LIMIT: '1000' });
  const app = await buildApp({ database, env, clock: () => new Date(), webDist: null });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'Demo2026' } });
  const cookies = (login.cookies as { name: string; value: string }[]).map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = (login.cookies as { name: string; value: string }[]).find((c) => c.name === 'nol_csrf')!.value;

  let peakRss = process.memoryUsage().rss;
  let maxWait = 0;
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const t = performance.now();
      await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookies } });
      maxWait = Math.max(maxWait, performance.now() - t);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();

  const boundary = '----bench';
  const body = Readable.from(
    (async function* () {
      yield Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nhukou\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(file)}"\r\n\r\n`,
      );
      yield* fs.createReadStream(file);
      yield Buffer.from(`\r\n--${boundary}--\r\n`);
    })(),
  );
  const t0 = performance.now();
  const cpu0 = { node: nodeCpu(), pg: postgresCpu() };
  const up = await app.inject({
    method: 'POST',
    url: '/api/imports',
    payload: body,
    headers: { cookie: cookies, 'x-csrf-token': csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  if (up.statusCode !== 200) throw new Error(up.body);
  const tUp = performance.now();
  console.log(`           upload request ${((tUp - t0) / 1000).toFixed(1)} s`);
  const id = up.json().id;
  await waitForImport(id);
  const t1 = performance.now();
  const cpu1 = { node: nodeCpu(), pg: postgresCpu() };
  const phases: Record<string, number> = {};
  let phase = '';
  let phaseStart = performance.now();
  const unsubscribe = app.deps.jobs.subscribe(id, (j) => {
    if (j.phase !== phase) {
      if (phase) phases[phase] = (phases[phase] ?? 0) + (performance.now() - phaseStart) / 1000;
      phase = j.phase;
      phaseStart = performance.now();
    }
  });
  const commit = await app.inject({ method: 'POST', url: `/api/imports/${id}/commit`, headers: { cookie: cookies, 'x-csrf-token': csrf } });
  if (commit.statusCode !== 200) throw new Error(commit.body);
  await waitForImport(id);
  const t2 = performance.now();
  const cpu2 = { node: nodeCpu(), pg: postgresCpu() };
  unsubscribe();
  if (phase) phases[phase] = (phases[phase] ?? 0) + (performance.now() - phaseStart) / 1000;
  probing = false;
  await probe;
  const detail = (await app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { cookie: cookies } })).json();
  if (detail.status !== 'committed') throw new Error(`import ended ${detail.status}: ${JSON.stringify(detail.job)}`);
  const total = (t2 - t0) / 1000;
  console.log(
    `  ${kind.padEnd(8)} ${format.padEnd(8)} rows ${fmt(detail.rowCount)}  read+validate ${((t1 - t0) / 1000).toFixed(1)} s  commit+feed ${((t2 - t1) / 1000).toFixed(1)} s  total ${total.toFixed(1)} s  ${fmt(detail.rowCount / total)} rows/s  peak RSS ${fmt(peakRss / 1048576)} MB  longest request wait ${fmt(maxWait)} ms`,
  );
  const cpu = (a: typeof cpu0, b: typeof cpu0) =>
    `node ${(b.node - a.node).toFixed(1)} s` + (kind === 'postgres' ? `, PostgreSQL ${(b.pg - a.pg).toFixed(1)} s` : '');
  console.log(`           CPU: read+validate ${cpu(cpu0, cpu1)} · commit+feed ${cpu(cpu1, cpu2)}`);
  console.log(
    `           commit phases: ${Object.entries(phases)
      .filter(([p]) => p !== 'done')
      .map(([p, v]) => `${p} ${v.toFixed(1)} s`)
      .join(', ')}`,
  );
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return detail.rowCount / total;
}

/** The floor: a plain COPY of the same rows into a PostgreSQL table with the same columns. */
async function plainCopy(file: string): Promise<number> {
  const database = await freshPostgres(PG_URL);
  const client = await database.pool!.connect();
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const t = performance.now();
  await client.query(
    'create table plain_copy (name text, gender text, birth text, id text, nation text, address text, division text, guardian text, phone text)',
  );
  await pipeline(
    Readable.from([text.slice(text.indexOf('\n') + 1)]),
    client.query(copyFrom('COPY plain_copy FROM STDIN WITH (FORMAT csv)')),
  );
  const s = (performance.now() - t) / 1000;
  client.release();
  await database.close();
  const rows = ROWS;
  console.log(`  plain COPY into PostgreSQL: ${fmt(rows)} rows in ${s.toFixed(2)} s = ${fmt(rows / s)} rows/s`);
  return rows / s;
}

const files = await makeFiles();
const caseAt = process.argv.indexOf('--case');
if (caseAt > 0) {
  // one database and format in this process (the parent's loop below), so that each peak RSS is that import's alone
  const [kind, format] = process.argv[caseAt + 1].split(':') as ['pglite' | 'postgres', string];
  const rate = await runOne(kind, format, files[format]);
  console.log(`RATE ${rate}`);
  process.exit(0);
}
console.log(`\nImports benchmark — ${fmt(ROWS)} 户籍 rows (files in ${dir})`);
const copyRate = ONLY.includes('postgres') ? await plainCopy(files.csv) : null;
for (const kind of ONLY as ('pglite' | 'postgres')[]) {
  for (const format of FORMATS) {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--rows', String(ROWS), '--case', `${kind}:${format}`],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const out = child.stdout ?? '';
    process.stdout.write(out.replace(/^RATE .*\n?/m, ''));
    const rate = Number(/^RATE (.*)$/m.exec(out)?.[1]);
    if (child.status !== 0 || !Number.isFinite(rate)) {
      console.log(`  ${kind} ${format}: failed (exit ${child.status})`);
      process.exitCode = 1;
      continue;
    }
    if (copyRate) console.log(`           ratio to plain COPY: ${(rate / copyRate).toFixed(3)}`);
  }
}
process.exit(process.exitCode ?? 0);
