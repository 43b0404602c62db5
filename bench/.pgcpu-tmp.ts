import pg from 'pg';
import fs from 'node:fs';
import { PgDialect } from 'drizzle-orm/pg-core';
import { randomUUID } from 'node:crypto';
import * as repo from '../apps/server/src/modules/attendance/attendance-reports.repository';
const captured: any[] = [];
const fake = { dialect: new PgDialect(), session: { prepareQuery(q: any) { captured.push(q); return { execute: async (v: any) => { (globalThis as any).__vals = v; return { rows: [] }; } }; } } } as any;
const DB = process.env.DBN ?? 'notoneless_bench_attendance';
const c = new pg.Client({ connectionString: `postgres://postgres@/${DB}?host=/var/run/postgresql` });
await c.connect();
const pid = (await c.query('select pg_backend_pid() p')).rows[0].p;
const tick = () => { const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
const { rows: ks } = await c.query(`select k.id, k.school_id, (select array_agg(id) from children ch where ch.county_code=k.county_code and ch.class_id=k.id) kids from classes k where county_code='410182' order by id limit 1000`);
const date = process.argv[2] ?? '2025-06-03';
await repo.findSubmitFacts(fake, '410182', ks[0].id, 'k', date);
const facts = captured[0];
const bind = (q: any, v: any) => q.params.map((p: any) => (p && typeof p === 'object' && 'name' in p ? v[p.name] : p));
let t0 = tick(), w0 = performance.now();
for (const k of ks) await c.query({ name: 'f', text: facts.sql, values: bind(facts, { countyCode: '410182', classId: k.id, clientKey: 'zz' + k.id, date }) });
console.log('facts      ', ((tick() - t0) / ks.length).toFixed(3), 'ms PG CPU/stmt', ((performance.now() - w0) / ks.length).toFixed(3), 'ms wall');
captured.length = 0;
const mk = (k: any) => ({ countyCode: '410182', id: randomUUID(), classId: k.id, schoolId: k.school_id, date, listSource: 'roster', enrolled: 40,
  counts: { present: 38, sick: 1, personal: 0, unexplained: 0, late: 1 }, by: randomUUID(), byName: '张老师', at: new Date(),
  absences: [{ childId: k.kids[0], reason: '病假', contactResult: null, note: null, leaveId: null, origin: 'teacher' }, { childId: k.kids[1], reason: '迟到', contactResult: null, note: null, leaveId: null, origin: 'teacher' }],
  clientKey: 'cpu-' + randomUUID(), audit: { id: randomUUID(), actorName: '张老师', ip: '127.0.0.1', data: { classId: k.id, date, version: 1, enrolled: 40, sick: 1, personal: 0, unexplained: 0, late: 1 } } });
await repo.insertFirstReport(fake, mk(ks[0]) as any);
const w = captured[0];
const vals = ks.map((k) => { repo.insertFirstReport(fake, mk(k) as any); return (globalThis as any).__vals; });
await new Promise((r) => setTimeout(r, 10));
const mode = process.env.MODE ?? 'each';
t0 = tick(); w0 = performance.now();
if (mode === 'each') for (const v of vals) await c.query({ name: 'w', text: w.sql, values: bind(w, v) });
else { const B = Number(process.env.B ?? 16); for (let i = 0; i < vals.length; i += B) { await c.query('begin'); for (const v of vals.slice(i, i + B)) { await c.query({ name: 'w', text: w.sql, values: bind(w, v) }); } await c.query('commit'); } }
console.log('write', mode.padEnd(5), ((tick() - t0) / vals.length).toFixed(3), 'ms PG CPU/stmt', ((performance.now() - w0) / vals.length).toFixed(3), 'ms wall');
t0 = tick(); for (let i = 0; i < 1000; i++) await c.query({ name: 's', text: 'select 1' }); console.log('select 1   ', ((tick() - t0) / 1000).toFixed(3));
await c.end();
