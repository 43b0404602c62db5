/**
 * 数据看板 over a province (issue 7, speed): PostgreSQL, 3,000,000 children in counties of ~300,000 (20 townships,
 * ~600 schools, ~6,000 classes each), a month of daily reports (class reports + absences), a year of cases. Generated
 * set-based (generate_series), then the pre-aggregation is timed, then the dashboard (county, township, school) and
 * the consolidated 月报 table (its pending schools' live figures pre-aggregated too, timed) are measured through the
 * real server over HTTP, logged in.
 *   node --import tsx bench/dashboards.bench.ts [--children 300000] [--requests 200] [--keep]
 */
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { shanghaiToday, addCalendarDays, weekday } from '../packages/shared/src/index';
import { buildApp } from '../apps/server/src/app';
import { loadEnv } from '../apps/server/src/config/env';
import { hashPassword } from '../apps/server/src/modules/auth/password';
import { refreshCounty } from '../apps/server/src/modules/dashboards/dashboards.refresh';
import { refreshMonthlyLive } from '../apps/server/src/modules/monthly-reports/monthly-live-cache';
import { dropPostgres, freshPostgres } from './pg-bench-db';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const CHILDREN = Number(arg('children', '3000000'));
const REQUESTS = Number(arg('requests', '200'));
const KEEP = process.argv.includes('--keep');
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/nol_bench_dashboards';
const PER_COUNTY = 300_000;
const COUNTIES = Math.max(1, Math.round(CHILDREN / PER_COUNTY));
const TOWNSHIPS = 20;
const CLASS_SIZE = 50;
const CLASSES_PER_SCHOOL = 10;
const PASSWORD = 'Bench2026';
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const today = shanghaiToday(new Date());
const schoolYear = Number(today.slice(5) >= '09-01' ? today.slice(0, 4) : Number(today.slice(0, 4)) - 1);
/** a month of school days: the weekdays of the 30 days before today */
const days: string[] = [];
for (let i = 30; i >= 1; i--) {
  const d = addCalendarDays(today, -i);
  if (weekday(d) >= 1 && weekday(d) <= 5) days.push(d);
}
const reportMonth = addCalendarDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);

async function freshDatabase() {
  const database = await freshPostgres(PG_URL);
  // a stable, valid (version 4) uuid from a text: the generated rows reference each other without lookups
  await database.pool!.query(`create function bench_uuid(text) returns uuid immutable language sql as
    $$ select (substr(md5($1), 1, 12) || '4' || substr(md5($1), 14, 3) || 'a' || substr(md5($1), 18, 15))::uuid $$`);
  return database;
}

/** One county, set-based: every statement is one INSERT … SELECT over generate_series. */
async function generateCounty(client: pg.PoolClient, c: string, n: number, adminHash: string) {
  const schoolsN = Math.ceil(n / (CLASS_SIZE * CLASSES_PER_SCHOOL));
  const q = (text: string, values: unknown[] = []) => {
    // typed parameters: generate_series arithmetic cannot infer them
    let t = text;
    values.forEach((v, i) => {
      const cast = typeof v === 'number' ? 'int' : typeof v === 'string' ? 'text' : null;
      if (cast) t = t.replace(new RegExp(`\\$${i + 1}(?![0-9]|::)`, 'g'), `$${i + 1}::${cast}`);
    });
    return client.query(t, values);
  };
  await q(`insert into counties (code, name) values ($1, $2)`, [c, `基准县${c.slice(-2)}`]);
  await q(`insert into divisions (county_code, code, level, parent_code, name) values ($1, $1, 'county', null, $2)`, [
    c,
    `基准县${c.slice(-2)}`,
  ]);
  await q(
    `insert into divisions (county_code, code, level, parent_code, name)
     select $1, $1 || lpad(t::text, 3, '0'), 'township', $1, '第' || t || '镇' from generate_series(1, $2) t`,
    [c, TOWNSHIPS],
  );
  await q(
    `insert into divisions (county_code, code, level, parent_code, name)
     select $1, $1 || lpad(t::text, 3, '0') || lpad(v::text, 3, '0'), 'village', $1 || lpad(t::text, 3, '0'), '第' || t || '镇' || v || '村'
     from generate_series(1, $2) t, generate_series(1, 10) v`,
    [c, TOWNSHIPS],
  );
  await q(`insert into management_units (county_code, id, kind, name) values ($1, bench_uuid('bureau' || $1), 'bureau', '教育局')`, [c]);
  await q(
    `insert into management_units (county_code, id, kind, name, township_code)
     select $1, bench_uuid('unit' || $1 || t), 'central_school', '第' || t || '镇中心校', $1 || lpad(t::text, 3, '0')
     from generate_series(1, $2) t`,
    [c, TOWNSHIPS],
  );
  // school i lies in township (i % T) + 1
  await q(
    `insert into schools (county_code, id, code, name, type, township_code, unit_id)
     select $1, bench_uuid('school' || $1 || i), $1 || lpad(i::text, 4, '0'), '第' || i || '学校', '九年一贯制',
       $1 || lpad((i % $3 + 1)::text, 3, '0'), bench_uuid('unit' || $1 || (i % $3 + 1))
     from generate_series(0, $2 - 1) i`,
    [c, schoolsN, TOWNSHIPS],
  );
  // class x = school * 10 + j: grade (j % 9) + 1
  await q(
    `insert into classes (county_code, id, school_id, school_year, grade, name)
     select $1, bench_uuid('class' || $1 || x), bench_uuid('school' || $1 || (x / $3)), $4, (x % $3) % 9 + 1, ((x % $3) / 9 + 1) || '班'
     from generate_series(0, $2 * $3 - 1) x`,
    [c, schoolsN, CLASSES_PER_SCHOOL, schoolYear],
  );
  // child k sits in class k / 50; 1 % study elsewhere (no school), a few are 送教上门 or 休学
  await q(
    `insert into children (county_code, id, name, gender, birth_date, household_village_code, household_township_code,
       school_id, class_id, grade, status)
     select $1, bench_uuid('child' || $1 || k), '学生' || k, case when k % 2 = 0 then '男' else '女' end,
       make_date($4 - 6 - (((k / $2) % $3) % 9 + 1), 3, 1) + (k % 300),
       tw || lpad((k % 10 + 1)::text, 3, '0'), tw,
       case when k % 100 = 99 then null else bench_uuid('school' || $1 || (k / $2 / $3)) end,
       case when k % 100 = 99 then null else bench_uuid('class' || $1 || (k / $2)) end,
       case when k % 100 = 99 then null else ((k / $2) % $3) % 9 + 1 end,
       case when k % 100 = 99 then '外地就读' when k % 1000 = 500 then '送教上门' when k % 1000 = 501 then '休学' else '在读' end
     from generate_series(0, $5 - 1) k,
       lateral (select $1 || lpad((((k / $2 / $3) + case when k % 20 = 7 then 1 else 0 end) % $6 + 1)::text, 3, '0') as tw) t`,
    [c, CLASS_SIZE, CLASSES_PER_SCHOOL, schoolYear, n, TOWNSHIPS],
  );
  await q(
    `insert into child_key_groups (county_code, child_id, "group", source, source_label)
     select $1, bench_uuid('child' || $1 || k), g, 'seed', '基准数据'
     from generate_series(0, $2 - 1) k
     cross join lateral (values
       (case when k % 20 = 0 then '脱贫户' end), (case when k % 50 = 1 then '残疾' end),
       (case when k % 10 = 3 then '留守' end), (case when k % 25 = 7 then '随迁' end), (case when k % 40 = 9 then '监测户' end)) v(g)
     where g is not null`,
    [c, n],
  );
  await q(
    `insert into ledger_entries (county_code, id, child_id, ledger, source, opened_at)
     select $1, bench_uuid('entry' || $1 || k), bench_uuid('child' || $1 || k),
       case when k % 1000 = 33 then 'dropout' else 'suspected' end, 'report', now() - ((k % 200) || ' days')::interval
     from generate_series(0, $2 - 1) k where k % 500 = 17 or k % 1000 = 33`,
    [c, n],
  );
  // a year of cases: 1 % of the children, reported over the last 360 days, in every stage
  await q(
    `insert into cases (county_code, id, child_id, status, status_since, source, reported_on, confirmed_on, returned_on,
       dropout_kind, close_kind, closed_at, school_id, township_code, opened_at, updated_at)
     select $1, bench_uuid('case' || $1 || k), bench_uuid('child' || $1 || k), st, now(), 'report', rep,
       case when st in ('persuading', 'returned', 'closed') then rep + 5 end,
       case when st in ('returned', 'closed') then rep + 10 + k % 30 end,
       case when st in ('persuading', 'returned', 'closed') then '辍学' end,
       case when st = 'closed' then 'cancelled' when st = 'not_dropout' then 'not_dropout' end,
       case when st in ('closed', 'not_dropout') then now() end,
       bench_uuid('school' || $1 || (k / $3 / $4)), $1 || lpad(((k / $3 / $4) % $5 + 1)::text, 3, '0'), rep::timestamptz, now()
     from generate_series(0, $2 - 1) k,
       lateral (select (array['verifying', 'persuading', 'returned', 'closed', 'not_dropout', 'suspected'])[(k / 100) % 6 + 1] as st,
                       $6::date - (k * 7 % 360) - 1 as rep) x
     where k % 100 = 17`,
    [c, n, CLASS_SIZE, CLASSES_PER_SCHOOL, TOWNSHIPS, today],
  );
  await q(
    `insert into case_deadlines (county_code, id, case_id, kind, due_on, met_at, created_at)
     select county_code, bench_uuid('dl' || id), id, case when status = 'persuading' then 'notice_return' else 'verify' end,
       coalesce(confirmed_on, reported_on) + 7, case when status in ('verifying', 'persuading', 'suspected') and (extract(doy from reported_on)::int % 3 = 0) then null else now() end, now()
     from cases where county_code = $1`,
    [c],
  );
  // a month of daily reports: class x reports every school day except when (x*31 + day) % 20 = 0; absences
  // of the day: (x + day) % 4 children (病假, 事假, 无故缺勤, 迟到 in turn)
  const classesN = schoolsN * CLASSES_PER_SCHOOL;
  await q(
    `insert into attendance_reports (county_code, id, class_id, school_id, date, list_source, enrolled, present, sick, personal,
       unexplained, late, submitted_by, submitted_by_name, first_submitted_at, submitted_at)
     select $1, bench_uuid('rep' || $1 || x || '-' || di), bench_uuid('class' || $1 || x), bench_uuid('school' || $1 || (x / $3)), d,
       'registry', $4, $4 - least(a, 3), (a >= 1)::int, (a >= 2)::int, (a >= 3)::int, (a >= 4)::int,
       bench_uuid('admin' || $1), '班主任', d::timestamptz, d::timestamptz
     from generate_series(0, $2 - 1) x, unnest($5::date[]) with ordinality as dd(d, di),
       lateral (select ((x + di) % 5)::int as a) aa
     where (x * 31 + di) % 20 <> 0`,
    [c, classesN, CLASSES_PER_SCHOOL, CLASS_SIZE, days],
  );
  await q(
    `insert into absences (county_code, report_id, child_id, class_id, date, reason)
     select $1, bench_uuid('rep' || $1 || x || '-' || di), bench_uuid('child' || $1 || (x * $2 + (di * 7 + m) % $2)),
       bench_uuid('class' || $1 || x), d, (array['病假', '事假', '无故缺勤', '迟到'])[m + 1]
     from generate_series(0, $3 - 1) x, unnest($4::date[]) with ordinality as dd(d, di),
       lateral (select ((x + di) % 5)::int as a) aa,
       generate_series(0, 3) m
     where m < a and (x * 31 + di) % 20 <> 0`,
    [c, CLASS_SIZE, classesN, days],
  );
  await q(
    `insert into monthly_reports (county_code, id, level, school_id, month, status, submitted_at)
     select $1, bench_uuid('mr' || $1 || i), 'school', bench_uuid('school' || $1 || i), $3,
       case when i % 3 = 0 then 'accepted' else 'submitted' end, now()
     from generate_series(0, $2 - 1) i where i % 7 <> 0`,
    [c, schoolsN, reportMonth],
  );
  await q(
    `insert into users (id, county_code, username, display_name, password_hash) values (bench_uuid('admin' || $1), $1, 'bench.' || $1, '基准管理员', $2)`,
    [c, adminHash],
  );
  await q(`insert into user_roles (user_id, role, scope_kind, scope_id) values (bench_uuid('admin' || $1), 'county_admin', 'county', $1)`, [
    c,
  ]);
  return { schools: schoolsN, classes: classesN };
}

function stats(ms: number[]) {
  const xs = [...ms].sort((a, b) => a - b);
  const at = (p: number) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
  return { p50: at(50), p95: at(95), max: xs[xs.length - 1] };
}

async function main() {
  console.log(
    `\n数据看板 — ${CHILDREN.toLocaleString()} children in ${COUNTIES} count${COUNTIES > 1 ? 'ies' : 'y'}, today ${today}, ${days.length} school days of reports, 月报 month ${reportMonth}`,
  );
  const database = await freshDatabase();
  const adminHash = await hashPassword(PASSWORD);
  const counties = Array.from({ length: COUNTIES }, (_, i) => `4190${String(i + 1).padStart(2, '0')}`);
  const t0 = performance.now();
  let schools = 0;
  let classes = 0;
  const client = await database.pool!.connect();
  try {
    await client.query(`set synchronous_commit = off`);
    for (const [i, c] of counties.entries()) {
      const n = i === counties.length - 1 ? CHILDREN - PER_COUNTY * (COUNTIES - 1) : Math.min(PER_COUNTY, CHILDREN);
      const r = await generateCounty(client, c, n, adminHash);
      schools += r.schools;
      classes += r.classes;
      process.stdout.write(`  generated county ${c} (${n.toLocaleString()} children) at ${s(performance.now() - t0)}\n`);
    }
    await client.query('vacuum analyze');
  } finally {
    client.release();
  }
  const [counts] = (
    await database.pool!.query(
      `select (select count(*) from children)::int ch, (select count(*) from attendance_reports)::int rep, (select count(*) from absences)::int abs,
        (select count(*) from cases)::int cases, (select count(*) from child_key_groups)::int kg`,
    )
  ).rows;
  console.log(
    `  data: ${counts.ch.toLocaleString()} children, ${schools.toLocaleString()} schools, ${classes.toLocaleString()} classes, ` +
      `${counts.rep.toLocaleString()} daily reports, ${counts.abs.toLocaleString()} absences, ${counts.cases.toLocaleString()} cases, ` +
      `${counts.kg.toLocaleString()} key-group flags — generated in ${s(performance.now() - t0)}`,
  );

  // the pre-aggregation, county by county (what the background refresher does)
  const t1 = performance.now();
  const per: number[] = [];
  for (const c of counties) {
    const a = performance.now();
    await refreshCounty(database.db, c, new Date());
    per.push(performance.now() - a);
  }
  console.log(
    `  pre-aggregation: ${s(performance.now() - t1)} for ${COUNTIES} count${COUNTIES > 1 ? 'ies' : 'y'} (per county ${s(Math.min(...per))}–${s(Math.max(...per))})`,
  );

  // the pending schools' live 月报 figures of the month being reported (what the same refresher keeps fresh)
  const t2 = performance.now();
  const perLive: number[] = [];
  for (const c of counties) {
    const a = performance.now();
    await refreshMonthlyLive(database.db, c, reportMonth, new Date());
    perLive.push(performance.now() - a);
  }
  console.log(
    `  月报 live figures (${reportMonth}, every school pending): ${s(performance.now() - t2)} (per county ${s(Math.min(...perLive))}–${s(Math.max(...perLive))})`,
  );

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nol-bench-dash-'));
  const app = await buildApp({
    database,
    env: loadEnv({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, LOGIN_RATE_LIMIT: '100000', DATABASE_URL: PG_URL }),
    clock: () => new Date(),
    webDist: null,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address() as { port: number };
  const base = `http://127.0.0.1:${addr.port}`;
  const c0 = counties[0];
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: `bench.${c0}`, password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((x) => x.split(';')[0])
    .join('; ');
  const get = async (url: string) => {
    const a = performance.now();
    const r = await fetch(`${base}${url}`, { headers: { cookie } });
    const body = await r.text();
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${body.slice(0, 300)}`);
    return { ms: performance.now() - a, body };
  };
  const schoolIds = (await database.pool!.query(`select id from schools where county_code = $1 and active order by code`, [c0])).rows.map(
    (r: { id: string }) => r.id,
  );
  const month = today.slice(0, 7);
  const cases: [string, (i: number) => string][] = [
    ['county', () => `/api/dashboards?level=county&month=${month}`],
    ['township', (i) => `/api/dashboards?level=township&townshipCode=${c0}${String((i % TOWNSHIPS) + 1).padStart(3, '0')}&month=${month}`],
    ['school', (i) => `/api/dashboards?level=school&schoolId=${schoolIds[(i * 37) % schoolIds.length]}&month=${month}`],
  ];
  const consolidated = await fetch(`${base}/api/monthly-reports/consolidated?month=${reportMonth}`, { headers: { cookie } });
  if (consolidated.status === 200) {
    cases.push(['consolidated 月报 (county)', () => `/api/monthly-reports/consolidated?month=${reportMonth}`]);
  } else console.log(`  GET /api/monthly-reports/consolidated answered ${consolidated.status}: not measured`);

  let allOk = true;
  for (const [label, url] of cases) {
    await get(url(0)); // warm-up
    const ms: number[] = [];
    let bytes = 0;
    const n = REQUESTS;
    for (let i = 0; i < n; i++) {
      const r = await get(url(i));
      ms.push(r.ms);
      bytes = r.body.length;
    }
    const st = stats(ms);
    const ok = st.p95 < 300;
    allOk &&= ok;
    console.log(
      `  ${label.padEnd(26)} ${n} requests · p50 ${st.p50.toFixed(1)} ms · p95 ${st.p95.toFixed(1)} ms · max ${st.max.toFixed(1)} ms · ${(bytes / 1024).toFixed(1)} KB · p95 < 300 ms: ${ok ? 'yes' : 'NO'}`,
    );
  }
  const county = JSON.parse((await get(cases[0][1](0))).body);
  console.log(
    `  county ${c0}: computedAt ${county.computedAt}; ${county.indicators.map((i: { label: string; display: string }) => `${i.label} ${i.display}`).join('; ')}`,
  );
  if (cases.length > 3) {
    const c = JSON.parse((await get(cases[3][1](0))).body);
    console.log(
      `  consolidated ${reportMonth}: ${c.rows.length} township rows, ${c.total.schools} schools, ${c.pendingSchools.length} pending ` +
        `(live figures pre-aggregated, liveComputedAt ${c.liveComputedAt}); 在籍 ${c.total.figures.enrolled.count}, 在校 ${c.total.figures.attending.count}`,
    );
  }
  console.log(
    `  load: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} (${os.cpus().length} cores)`,
  );
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (!KEEP) await dropPostgres(PG_URL);
  console.log(allOk ? '  all p95 under 300 ms' : '  some p95 over 300 ms');
}

await main();
process.exit(0);
