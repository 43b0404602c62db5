/**
 * 到校日报 under the morning burst (issue 6, "Load"): a county of thousands of classes submits its daily reports against
 * the real server (a child process on PostgreSQL), driven by autocannon on the same machine, while a school
 * administrator keeps the school view open. Every request is authenticated (session cookie), CSRF-checked, validated
 * and written with its audit event in one transaction, answered after commit. Afterwards the rows are counted against
 * the answers: no submission lost, none doubled; some clientKeys are then resent to show that a resend is recorded once.
 *   node --import tsx bench/attendance.bench.ts [--classes 5000] [--seconds 20] [--connections 64] [--workers 1] [--tcp] [--no-view]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { isSchoolDay, shanghaiToday, type SchoolCalendar } from '../packages/shared/src/index';
import { migrateDatabase, openPostgres, type DbOrTx } from '../apps/server/src/db/client';
import { seedDemo } from '../apps/server/src/db/seed/demo';
import { loadCalendar, replaceCalendar } from '../apps/server/src/modules/settings/settings.repository';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const CLASSES = Number(arg('classes', '5000'));
const SECONDS = Number(arg('seconds', '20'));
const CONNECTIONS = Number(arg('connections', '64'));
const WORKERS = Number(arg('workers', '1'));
const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/notoneless_bench_attendance';
const DB_NAME = BASE_URL.split('/').pop()!;
/** the seeded county is kept as a template database, so that a second run starts in seconds */
const TEMPLATE = `${DB_NAME}_tpl_${CLASSES}`;
const ADMIN_URL = BASE_URL.replace(/\/[^/]+$/, '/postgres');
const COUNTY = '410182';
const GOAL = { rps: 1000, p99: 150, view: 200 };
/**
 * The server reaches PostgreSQL on this machine through its Unix socket when there is one (a deployment choice: TCP on
 * loopback costs each of the few statements of a submission a round through the network stack); --tcp forces TCP.
 */
const PG_SOCKET = process.env.BENCH_PG_SOCKET ?? '/var/run/postgresql';
const SERVER_DB_URL =
  !process.argv.includes('--tcp') && fs.existsSync(path.join(PG_SOCKET, '.s.PGSQL.5432')) && /@(127\.0\.0\.1|localhost)[:/]/.test(BASE_URL)
    ? `${BASE_URL}?host=${PG_SOCKET}`
    : BASE_URL;
const root = path.resolve(import.meta.dirname, '..');

const ms = (n: number) => `${n.toFixed(1)} ms`;
const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
const ok = (b: boolean) => (b ? 'met' : 'NOT MET');

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Seed the county once into the template: ~40 children a class, a committed 在校名册 per school (the class lists). */
async function ensureTemplate() {
  const exists = await admin(async (c) => (await c.query('select 1 from pg_database where datname = $1', [TEMPLATE])).rowCount === 1);
  if (exists) return;
  const t0 = performance.now();
  await admin((c) => c.query(`create database ${TEMPLATE}`));
  const database = openPostgres(BASE_URL.replace(/\/[^/]+$/, `/${TEMPLATE}`), 4);
  try {
    await migrateDatabase(database);
    await database.db.transaction((tx) => seedDemo(tx as unknown as DbOrTx, { children: Math.round(CLASSES * 39.4), seed: 1 }));
    const pool = database.pool!;
    // one committed roster per school, its rows the school's children in class (matched by ID number)
    await pool.query(
      `insert into registry_snapshots (county_code, id, kind, scope_kind, scope_id, file_name, file_hash, size_bytes, encoding, status,
         row_count, accepted_count, uploaded_at, committed_at, fed_at)
       select s.county_code, uuid_v7(), 'roster', 'school', s.id::text, '在校名册.xlsx', md5(s.id::text), 1, 'utf-8', 'committed',
         0, 0, now(), now(), now()
       from schools s where s.county_code = $1 and exists (select 1 from classes k where k.county_code = s.county_code and k.school_id = s.id)`,
      [COUNTY],
    );
    await pool.query(
      `insert into roster_entries (county_code, snapshot_id, row_no, raw, name, id_number, id_valid, gender, school_code, grade, class_name,
         student_no)
       select ch.county_code, r.id, 1 + row_number() over (partition by r.id order by k.grade, k.name, ch.student_no), '{}'::jsonb, ch.name,
         ch.id_number, true, ch.gender, s.code, k.grade, k.name, ch.student_no
       from children ch
       join classes k on k.county_code = ch.county_code and k.id = ch.class_id
       join schools s on s.county_code = k.county_code and s.id = k.school_id
       join registry_snapshots r on r.county_code = s.county_code and r.kind = 'roster' and r.scope_id = s.id::text and r.status = 'committed'
       where ch.county_code = $1 and ch.status = '在读'`,
      [COUNTY],
    );
    await pool.query(
      `update registry_snapshots r set row_count = n, accepted_count = n
       from (select snapshot_id, count(*)::int as n from roster_entries group by snapshot_id) x where x.snapshot_id = r.id`,
    );
    await pool.query('vacuum analyze');
  } catch (e) {
    await database.close();
    await admin((c) => c.query(`drop database if exists ${TEMPLATE}`));
    throw e;
  }
  await database.close();
  console.log(`  seeded the template county ${TEMPLATE} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

async function freshDatabase() {
  await admin(async (c) => {
    await c.query(`drop database if exists ${DB_NAME} with (force)`);
    await c.query(`create database ${DB_NAME} template ${TEMPLATE}`);
  });
  const database = openPostgres(BASE_URL, 4);
  await migrateDatabase(database);
  return database;
}

/** The school days the burst reports on: today first (made a school day if the calendar says otherwise), then back. */
async function reportDays(db: DbOrTx, today: string, needed: number): Promise<string[]> {
  let cal: SchoolCalendar = await loadCalendar(db, COUNTY);
  if (!isSchoolDay(today, cal)) {
    cal = { terms: cal.terms, days: [...cal.days.filter((d) => d.date !== today), { date: today, kind: 'workday', name: '压测补课' }] };
    if (!cal.terms.some((t) => t.startDate <= today && today <= t.endDate))
      cal.terms = [...cal.terms, { name: '压测学期', startDate: today, endDate: today }];
    await replaceCalendar(db, COUNTY, cal);
  }
  const out: string[] = [];
  for (let d = new Date(`${today}T00:00:00Z`), guard = 0; out.length < needed && guard < 800; guard++) {
    const iso = d.toISOString().slice(0, 10);
    if (isSchoolDay(iso, cal)) out.push(iso);
    d = new Date(d.getTime() - 86_400_000);
  }
  return out;
}

type Teacher = { classId: string; cookie: string; csrf: string; childIds: string[] };

/** A session for every 班主任 and for the school administrator, written as a login would write them. */
async function sessions(pool: pg.Pool) {
  const { rows: teachers } = await pool.query<{ userId: string; classId: string; childIds: string[] }>(
    `select u.id as "userId", k.id as "classId",
       (select array_agg(ch.id order by ch.student_no) from children ch
         where ch.county_code = k.county_code and ch.class_id = k.id and ch.status = '在读') as "childIds"
     from classes k join users u on u.id = k.head_teacher_id and u.active
     where k.county_code = $1 order by k.id`,
    [COUNTY],
  );
  const make = () => {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: createHash('sha256').update(token).digest('hex'), csrf: randomBytes(24).toString('base64url') };
  };
  const out: Teacher[] = [];
  const values: unknown[][] = [];
  for (const t of teachers.filter((x) => x.childIds?.length >= 4)) {
    const s = make();
    values.push([s.hash, t.userId, s.csrf]);
    out.push({ classId: t.classId, cookie: `nol_session=${s.token}; nol_csrf=${s.csrf}`, csrf: s.csrf, childIds: t.childIds });
  }
  const head = await pool.query<{ id: string; schoolId: string }>(
    `select u.id, r.scope_id as "schoolId" from users u join user_roles r on r.user_id = u.id and r.role = 'school_admin'
     where u.username = 'xiaozhang'`,
  );
  const sa = make();
  values.push([sa.hash, head.rows[0].id, sa.csrf]);
  for (let i = 0; i < values.length; i += 1000) {
    const b = values.slice(i, i + 1000);
    await pool.query(
      `insert into sessions (token_hash, user_id, csrf_token, created_at, expires_at, ip, user_agent)
       select h, u::uuid, c, now(), now() + interval '12 hours', '127.0.0.1', 'bench' from unnest($1::text[], $2::text[], $3::text[]) as x(h, u, c)`,
      [b.map((v) => v[0]), b.map((v) => v[1]), b.map((v) => v[2])],
    );
  }
  return { teachers: out, schoolAdmin: { cookie: `nol_session=${sa.token}; nol_csrf=${sa.csrf}`, schoolId: head.rows[0].schoolId } };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

async function startServer(port: number): Promise<ChildProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nol-bench-att-'));
  // BENCH_CPU_PROF=dir writes the server's CPU profile there (node --cpu-prof), to see where a submission's time goes
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const main = path.join(root, 'apps/server/src/main.ts');
  // --workers N: the same server in N processes sharing the port (node:cluster), to see whether a second one helps
  const launcher = `import cluster from 'node:cluster';
    cluster.setupPrimary({ exec: ${JSON.stringify(main)}, execArgv: [...${JSON.stringify(prof)}, '--import', 'tsx'] });
    for (let i = 0; i < ${WORKERS}; i++) cluster.fork();
    process.on('SIGTERM', () => { for (const w of Object.values(cluster.workers)) w.process.kill('SIGTERM'); });
    cluster.on('exit', () => { if (!Object.keys(cluster.workers).length) process.exit(0); });`;
  const args = WORKERS > 1 ? ['--input-type=module', '-e', launcher] : [...prof, '--import', 'tsx', main];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: SERVER_DB_URL,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      DATA_DIR: dataDir,
      WEB_DIST: path.join(dataDir, 'no-web'),
      NODE_ENV: 'production',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout!.resume();
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

type Job = { t: Teacher; date: string; key: string; body: string };

function jobFor(t: Teacher, date: string, n: number): Job {
  // a few absences: one 病假, one 迟到, and every fifth class one 无故缺勤 (the absence rules run on it)
  const ids = t.childIds;
  const absences: object[] = [
    { childId: ids[n % ids.length], reason: '病假' },
    { childId: ids[(n + 1) % ids.length], reason: '迟到' },
  ];
  if (n % 5 === 0) absences.push({ childId: ids[(n + 2) % ids.length], reason: '无故缺勤', contactResult: '已联系上' });
  const key = `bench-${date}-${t.classId}`;
  return { t, date, key, body: JSON.stringify({ classId: t.classId, date, clientKey: key, absences }) };
}

async function main() {
  console.log(
    `\n到校日报 burst — ${CLASSES.toLocaleString()} classes, ${SECONDS} s, ${CONNECTIONS} connections (PostgreSQL, ${os.cpus().length} cores, ${WORKERS} server process${WORKERS > 1 ? 'es' : ''})`,
  );
  await ensureTemplate();
  const database = await freshDatabase();
  const pool = database.pool!;
  const today = shanghaiToday(new Date());
  const { teachers, schoolAdmin } = await sessions(pool);
  const days = await reportDays(database.db, today, Math.ceil((GOAL.rps * 3 * SECONDS) / teachers.length) + 1);
  // the burst is each day's first reports, as in a morning: the demo seed's history (every school day up to yesterday)
  // is cleared on the burst's days, or a submission there would be a correction (version 2, counted as doubled)
  await pool.query(
    `delete from absences a using attendance_reports r
     where r.county_code = a.county_code and r.id = a.report_id and r.county_code = $1 and r.date = any($2::date[])`,
    [COUNTY, days],
  );
  await pool.query(`delete from attendance_reports where county_code = $1 and date = any($2::date[])`, [COUNTY, days]);
  await pool.query('vacuum analyze attendance_reports, absences');
  // every request a different class and day: today's reports first, then the school days before
  const jobs: Job[] = [];
  days.forEach((d, di) => teachers.forEach((t, i) => jobs.push(jobFor(t, d, di * teachers.length + i))));
  console.log(`  server → PostgreSQL through ${SERVER_DB_URL === BASE_URL ? 'TCP' : `the Unix socket in ${PG_SOCKET}`}`);
  console.log(
    `  ${teachers.length} classes with a class list and a signed-in 班主任; reporting on ${days[0]} … (${days.length} school days)`,
  );
  const [{ n: auditBefore }] = (
    await pool.query<{ n: number }>(
      `select count(*)::int as n from audit_events where action in ('attendance.reported', 'attendance.report_updated')`,
    )
  ).rows;

  const port = await freePort();
  const server = await startServer(port);
  const base = `http://127.0.0.1:${port}`;
  try {
    // warm-up: a few requests through every code path (JIT, pool connections), on classes that are not counted
    const warm = jobs.splice(jobs.length - 200, 200);
    for (const j of warm.slice(0, 50)) {
      const r = await fetch(`${base}/api/attendance/reports`, {
        method: 'POST',
        headers: { cookie: j.t.cookie, 'x-csrf-token': j.t.csrf, 'content-type': 'application/json' },
        body: j.body,
      });
      if (!r.ok) throw new Error(`warm-up submission answered ${r.status}: ${await r.text()}`);
      await r.arrayBuffer();
    }

    // the school view, polled as the school administrator during the burst
    const view: number[] = [];
    const viewErrors: string[] = [];
    let polling = true;
    const poller = (async () => {
      await new Promise((r) => setTimeout(r, 500));
      while (polling && !process.argv.includes('--no-view')) {
        const t0 = performance.now();
        const r = await fetch(`${base}/api/attendance/overview?schoolId=${schoolAdmin.schoolId}`, {
          headers: { cookie: schoolAdmin.cookie },
        });
        await r.arrayBuffer();
        if (!polling) break;
        if (r.ok) view.push(performance.now() - t0);
        else viewErrors.push(String(r.status));
        // about three views a second: as if each of the county’s ~600 school offices refreshed it every few minutes
        await new Promise((res) => setTimeout(res, 250));
      }
    })();

    const cpuBefore = { server: cpuTree(server.pid!), pg: await backendCpu(pool), self: process.cpuUsage() };
    let next = 0;
    const sent = new Map<string, Job>();
    const answered2xx = new Set<string>();
    const statuses = new Map<number, number>();
    const result = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          path: '/api/attendance/reports',
          setupRequest: (req, context) => {
            const j = jobs[next++ % jobs.length];
            (context as { key?: string }).key = j.key;
            sent.set(j.key, j);
            return { ...req, headers: { cookie: j.t.cookie, 'x-csrf-token': j.t.csrf, 'content-type': 'application/json' }, body: j.body };
          },
          onResponse: (status, _body, context) => {
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            if (status >= 200 && status < 300) answered2xx.add((context as { key: string }).key);
          },
        },
      ],
    });
    const pgAfter = await backendCpu(pool);
    const cpu = {
      server: cpuTree(server.pid!) - cpuBefore.server,
      pg: [...pgAfter].reduce((n, [pid, t]) => n + t - (cpuBefore.pg.get(pid) ?? 0), 0),
      self: (() => {
        const u = process.cpuUsage(cpuBefore.self);
        return (u.user + u.system) / 1000;
      })(),
    };
    polling = false;
    await poller;

    // count what was stored against what was answered, once the requests autocannon stopped waiting for are done
    const keys = [...sent.keys()];
    for (let last = -1, i = 0; i < 50; i++) {
      const [{ n }] = (await pool.query<{ n: number }>('select count(*)::int as n from audit_events')).rows;
      if (n === last) break;
      last = n;
      await new Promise((r) => setTimeout(r, 300));
    }
    const stored = await pool.query<{ key: string; version: number; reports: number }>(
      `select s.client_key as key, r.version,
         (select count(*)::int from attendance_reports x where x.county_code = r.county_code and x.class_id = r.class_id and x.date = r.date) as reports
       from attendance_submissions s join attendance_reports r on r.county_code = s.county_code and r.id = s.report_id
       where s.county_code = $1 and s.client_key = any($2::text[])`,
      [COUNTY, keys],
    );
    const storedBy = new Map(stored.rows.map((r) => [r.key, r]));
    const lost = [...answered2xx].filter((k) => !storedBy.has(k)).length;
    const doubledRows = stored.rows.filter((r) => r.version !== 1 || r.reports !== 1).length;
    const [{ n: auditAfter }] = (
      await pool.query<{ n: number }>(
        `select count(*)::int as n from audit_events where action in ('attendance.reported', 'attendance.report_updated')`,
      )
    ).rows;
    const [{ n: absenceRows }] = (
      await pool.query<{ n: number }>(
        `select count(*)::int as n from absences a join attendance_submissions s on s.county_code = a.county_code and s.report_id = a.report_id
         where s.county_code = $1 and s.client_key = any($2::text[])`,
        [COUNTY, keys],
      )
    ).rows;
    const reportsAudited = auditAfter - auditBefore - warm.slice(0, 50).length;
    // every stored report (answered, or written after autocannon stopped waiting) with exactly the absences it was sent with
    const absencesOfKey = (k: string) => (JSON.parse(sent.get(k)!.body) as { absences: unknown[] }).absences.length;
    const expectedAbsences = stored.rows.reduce((n, r) => n + absencesOfKey(r.key), 0);
    const writtenUnanswered = stored.rows.filter((r) => !answered2xx.has(r.key)).length;
    const doubled = doubledRows + Math.max(0, reportsAudited - stored.rows.length);

    // resend 200 answered clientKeys (a phone that lost the answer): answered with the stored report, recorded once
    const resend = [...answered2xx].slice(0, 200);
    let unchanged = 0;
    for (const k of resend) {
      const j = sent.get(k)!;
      const r = await fetch(`${base}/api/attendance/reports`, {
        method: 'POST',
        headers: { cookie: j.t.cookie, 'x-csrf-token': j.t.csrf, 'content-type': 'application/json' },
        body: j.body,
      });
      if (r.ok && ((await r.json()) as { outcome: string }).outcome === 'unchanged') unchanged++;
    }
    const after = await pool.query<{ n: number; v: number }>(
      `select count(*)::int as n, coalesce(sum(r.version), 0)::int as v from attendance_submissions s
       join attendance_reports r on r.county_code = s.county_code and r.id = s.report_id where s.county_code = $1 and s.client_key = any($2::text[])`,
      [COUNTY, resend],
    );
    const [{ n: auditResend }] = (
      await pool.query<{ n: number }>(
        `select count(*)::int as n from audit_events where action in ('attendance.reported', 'attendance.report_updated')`,
      )
    ).rows;
    const resendDoubled = after.rows[0].v - after.rows[0].n + (auditResend - auditAfter);

    const ok2xx = answered2xx.size;
    const rps = ok2xx / (result.duration || SECONDS);
    const lat = result.latency;
    const errors = result.errors + result.timeouts + result.non2xx;
    const v = [...view].sort((a, b) => a - b);
    const load = os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
    console.log(`  submissions answered 2xx: ${ok2xx.toLocaleString()} in ${result.duration.toFixed(1)} s → ${rps.toFixed(0)} per second`);
    console.log(
      `  latency: p50 ${ms(lat.p50)} · p97.5 ${ms(lat.p97_5)} · p99 ${ms(lat.p99)} · max ${ms(lat.max)}; errors ${errors} (non-2xx ${result.non2xx}, timeouts ${result.timeouts}, socket ${result.errors})` +
        (statuses.size > 1 ? `; statuses ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')}` : ''),
    );
    console.log(
      `  stored: ${stored.rows.length.toLocaleString()} reports with their submission, ${absenceRows.toLocaleString()} absences (sent with them ${expectedAbsences.toLocaleString()}), ${reportsAudited.toLocaleString()} audit events; written but unanswered ${writtenUnanswered}`,
    );
    console.log(
      `  lost ${lost} · doubled ${doubled} · resent ${resend.length} clientKeys: ${unchanged} answered 'unchanged', doubled ${resendDoubled}`,
    );
    console.log(
      `  school view during the burst: ${v.length} requests, p50 ${ms(pct(v, 50))} · p95 ${ms(pct(v, 95))} · max ${ms(v[v.length - 1] ?? NaN)}${viewErrors.length ? `, errors ${viewErrors.length}` : ''}`,
    );
    const per = (t: number) => t / Math.max(1, result.requests.total);
    const cores = os.cpus().length;
    console.log(
      `  CPU per submission: server ${per(cpu.server).toFixed(2)} ms · PostgreSQL backends ${per(cpu.pg).toFixed(2)} ms · autocannon and this process ${per(cpu.self).toFixed(2)} ms → at most ${Math.round((cores * 1000) / (per(cpu.server) + per(cpu.pg) + per(cpu.self)))}/s on ${cores} otherwise idle cores`,
    );
    console.log(`  load average (1/5/15 min) at the end: ${load} (other processes share the cores: the figures above are lower bounds)`);
    console.log(
      `  goals: ≥ ${GOAL.rps}/s ${ok(rps >= GOAL.rps)} · p99 < ${GOAL.p99} ms ${ok(lat.p99 < GOAL.p99)} · no lost/doubled ${ok(lost === 0 && doubled === 0 && resendDoubled === 0 && unchanged === resend.length && absenceRows === expectedAbsences)} · school view < ${GOAL.view} ms ${ok(v.length > 0 && v[v.length - 1] < GOAL.view)}`,
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await database.close();
  }
}

/** CPU time (ms) a process has used, from /proc (Linux); 0 elsewhere. */
function cpuOf(pid: number): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** CPU time (ms) of a process and its children (the cluster's workers). */
function cpuTree(pid: number): number {
  let kids: number[] = [];
  try {
    kids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    /* not Linux */
  }
  return cpuOf(pid) + kids.reduce((n, k) => n + cpuTree(k), 0);
}

/** CPU time of each PostgreSQL backend serving the bench database (the server's pool). */
async function backendCpu(pool: pg.Pool): Promise<Map<number, number>> {
  const { rows } = await pool.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  return new Map(rows.map((r) => [r.pid, cpuOf(r.pid)]));
}

await main();
process.exit(0);
