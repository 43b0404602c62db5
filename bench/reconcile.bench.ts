/**
 * The reconcile benchmark (issue 4): `node --import tsx bench/reconcile.bench.ts [--children 300000] [--seed 1]`.
 * 1. Generates the noisy registries of a synthetic county with known truth (cached under the temp folder).
 * 2. Runs `notoneless reconcile` as a child process (--runs times, default 3): process start → files written, CPU
 *    time and peak RSS (/usr/bin/time).
 * 3. Scores findings.csv per category against the truth, beside the naive exact-ID join on the same files.
 * 4. Runs the exact-ID anti-joins in DuckDB on the same CSVs, and prints both times and the ratio.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  CATEGORY_CODES,
  REGISTRY_FILE_NAMES,
  REGISTRY_GENERATOR_VERSION,
  formatScores,
  readRegistryTruth,
  scoreFindings,
  writeRegistryFiles,
  type CategoryCode,
  type RegistryFileKind,
  type ScoredFinding,
} from '../packages/synth/src/registries/index';
import { readRegistryFiles } from '../apps/server/src/modules/reconciliation/engine/read-all';
import { DEFAULT_AGE_SETTINGS, reconcileTables } from '../apps/server/src/modules/reconciliation/engine/reconcile';
import { eligibleBirthRange, schoolYearOf } from '../packages/shared/src/rules/calendar';
import { emptyTable } from '../apps/server/src/modules/reconciliation/engine/table';
import { parseArgs, optionString } from '../apps/server/src/cli/args';

const AS_OF = '2026-10-15';
const eligible = eligibleBirthRange(schoolYearOf(AS_OF, DEFAULT_AGE_SETTINGS), DEFAULT_AGE_SETTINGS);
const root = path.resolve(import.meta.dirname, '..');
const { options } = parseArgs(process.argv.slice(2));
const children = Number(optionString(options, 'children') ?? 300_000);
const seed = Number(optionString(options, 'seed') ?? 1);
/** Runs of the command and of DuckDB (the machine may be shared: the best and the median are printed). */
const runs = Number(optionString(options, 'runs') ?? 3);
const dir =
  optionString(options, 'dir') ??
  path.join(os.tmpdir(), 'notoneless-bench', `registries-${REGISTRY_GENERATOR_VERSION}-${children}-${seed}`);
const files = (k: RegistryFileKind) => path.join(dir, REGISTRY_FILE_NAMES[k]);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

// 1. The county.
if (!fs.existsSync(path.join(dir, 'truth.json'))) {
  const t = performance.now();
  process.stdout.write(`generating ${children.toLocaleString()} children into ${dir} … `);
  writeRegistryFiles(dir, { children, seed, asOf: AS_OF });
  console.log(`${((performance.now() - t) / 1000).toFixed(1)} s`);
}
const kinds: RegistryFileKind[] = ['hukou', 'xueji', 'roster', 'poverty', 'disability'];
const sizes = kinds.map((k) => fs.statSync(files(k)).size);
const rows = kinds.map((k) => fs.readFileSync(files(k)).reduce((n, b) => (b === 10 ? n + 1 : n), -1));
console.log(
  `files: ${kinds.map((k, i) => `${k} ${rows[i].toLocaleString()} rows ${mb(sizes[i])}`).join(' · ')}; total ${mb(sizes.reduce((a, b) => a + b))}`,
);

// 2. The command, as a user runs it.
const out = path.join(dir, 'out');
fs.rmSync(out, { recursive: true, force: true });
const args = [
  path.join(root, 'apps/server/bin/notoneless.mjs'),
  'reconcile',
  ...kinds.flatMap((k) => [`--${k}`, files(k)]),
  '--as-of',
  AS_OF,
  '--out',
  out,
];
// The command runs from a bundle built on first use when its sources changed: build it before timing.
spawnSync(process.execPath, [args[0], 'reconcile', '--help'], { encoding: 'utf8' });
const haveTime = fs.existsSync('/usr/bin/time');
type Run = { wall: number; rss: number; cpu: number };
const commandRuns: Run[] = [];
for (let i = 0; i < runs; i++) {
  fs.rmSync(out, { recursive: true, force: true });
  const t0 = performance.now();
  const run = haveTime
    ? spawnSync('/usr/bin/time', ['-f', 'rss=%M cpu=%U+%S', process.execPath, ...args], { encoding: 'utf8' })
    : spawnSync(process.execPath, args, { encoding: 'utf8' });
  const wall = performance.now() - t0;
  if (run.status !== 0) {
    console.error(run.stderr);
    throw new Error(`reconcile exited ${run.status}`);
  }
  const m = /rss=(\d+) cpu=([\d.]+)\+([\d.]+)/.exec(run.stderr ?? '');
  commandRuns.push({ wall, rss: m ? Number(m[1]) * 1024 : NaN, cpu: m ? (Number(m[2]) + Number(m[3])) * 1000 : NaN });
}
const best = (xs: number[]) => Math.min(...xs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const walls = commandRuns.map((r) => r.wall);
const wall = median(walls);
const summary = JSON.parse(fs.readFileSync(path.join(out, 'summary.json'), 'utf8')) as { ms: number; counts: Record<CategoryCode, number> };
console.log(
  `\nnotoneless reconcile (${runs} runs): end to end (process start → files written) best ${(best(walls) / 1000).toFixed(2)} s, ` +
    `median ${(wall / 1000).toFixed(2)} s; CPU (user+sys, both threads) median ${(median(commandRuns.map((r) => r.cpu)) / 1000).toFixed(2)} s; ` +
    `peak RSS ${haveTime ? mb(Math.max(...commandRuns.map((r) => r.rss))) : 'n/a'}; machine load ${os.loadavg()[0].toFixed(1)}`,
);

// 3. Accuracy: the engine's findings.csv and the naive exact-ID join, on the truth.
const truth = readRegistryTruth(dir);
const rowList = (s: string) => (s === '' ? [] : s.split(';').map(Number));
const csv = parse(fs.readFileSync(path.join(out, 'findings.csv')), { bom: true, columns: true }) as Record<string, string>[];
const engineFindings: ScoredFinding[] = csv.map((r) => ({
  code: r['类别代码'] as CategoryCode,
  rows: { hukou: rowList(r['户籍行']), xueji: rowList(r['学籍行']), roster: rowList(r['名册行']), poverty: rowList(r['脱贫户行']) },
}));
console.log(`\n${formatScores('engine (findings.csv)', scoreFindings(engineFindings, truth))}`);
const read = await readRegistryFiles(
  Object.fromEntries(kinds.map((k) => [k, { kind: k, path: files(k), fileName: REGISTRY_FILE_NAMES[k] }])),
  { asOf: AS_OF },
);
const naive = reconcileTables(
  {
    hukou: read.hukou?.table ?? emptyTable('hukou'),
    xueji: read.xueji?.table ?? emptyTable('xueji'),
    roster: read.roster?.table ?? emptyTable('roster'),
    poverty: read.poverty?.table ?? emptyTable('poverty'),
    disability: read.disability?.table ?? emptyTable('disability'),
  },
  { asOf: AS_OF, exactIdOnly: true },
);
console.log(`\n${formatScores('naive exact-ID join (normalised ID numbers only)', scoreFindings(naive.findings, truth))}`);

// 4. DuckDB: the exact-ID anti-joins on the same CSVs (reading included).
const duckRuns: number[] = [];
for (let i = 0; i < runs; i++) duckRuns.push(await duckdbAntiJoins(i === 0));
const duckMs = median(duckRuns);
console.log(
  `\nDuckDB exact-ID anti-joins (${runs} runs): best ${(best(duckRuns) / 1000).toFixed(2)} s, median ${(duckMs / 1000).toFixed(2)} s · ` +
    `notoneless reconcile median ${(wall / 1000).toFixed(2)} s · ratio ${(wall / duckMs).toFixed(2)}× (best/best ${(best(walls) / best(duckRuns)).toFixed(2)}×)`,
);
console.log(`engine counts: ${CATEGORY_CODES.map((c) => `${c} ${summary.counts[c]}`).join(', ')}`);

async function duckdbAntiJoins(show: boolean): Promise<number> {
  const t = performance.now();
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const csvOf = (k: RegistryFileKind) => `read_csv('${files(k)}', header = true, all_varchar = true)`;
  await con.run(`create table h as select * from ${csvOf('hukou')}`);
  await con.run(`create table x as select * from ${csvOf('xueji')}`);
  await con.run(`create table r as select * from ${csvOf('roster')}`);
  await con.run(`create table p as select * from ${csvOf('poverty')}`);
  const counts = await con.runAndReadAll(`
    with cur as (select 身份证件号 as id from x where 学籍状态 in ('在读', '休学') and 身份证件号 <> ''),
         act as (select 身份证件号 as id, 学校标识码 as school from x where 学籍状态 = '在读' and coalesce(就读方式, '') <> '送教上门'),
         ros as (select 身份证件号 as id from r where 身份证件号 <> ''),
         oos as (select 公民身份号码 as id from h
                 where substr(公民身份号码, 7, 8) between '${eligible.from.replace(/-/g, '')}' and '${eligible.to.replace(/-/g, '')}'
                   and 公民身份号码 not in (select id from cur) and 公民身份号码 not in (select id from ros)),
         ea as (select id from act where school in (select 学校标识码 from r) and id not in (select id from ros)),
         pu as (select id from ros where id not in (select id from cur)),
         pd as (select id from (select id from oos union select id from ea) d
                where id in (select 公民身份号码 from p where 户类型 similar to '.*(脱贫|监测|不稳定|边缘|突发).*'))
    select (select count(*) from oos) as oos, (select count(*) from ea) as ea, (select count(*) from pu) as pu, (select count(*) from pd) as pd`);
  const ms = performance.now() - t;
  if (show) console.log(`DuckDB counts: ${JSON.stringify(counts.getRowObjects()[0], (_, v) => (typeof v === 'bigint' ? Number(v) : v))}`);
  con.closeSync();
  return ms;
}
