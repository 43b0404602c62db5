import pg from 'pg';
import { PgDialect } from 'drizzle-orm/pg-core';
import * as repo from '../apps/server/src/modules/attendance/attendance-reports.repository';
import { randomUUID } from 'node:crypto';

const captured: { sql: string; params: unknown[] }[] = [];
const fake = { dialect: new PgDialect(), session: { prepareQuery(q: any) { captured.push(q); return { execute: async (v: any) => { (globalThis as any).__vals = v; return { rows: [] }; } }; } } } as any;

const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/' + (process.env.DBN ?? 'notoneless_bench_attendance') });
await c.connect();
const { rows: [k] } = await c.query(`select k.county_code, k.id, k.school_id from classes k where k.county_code='410182' and exists (select 1 from attendance_reports r where r.class_id=k.id) order by k.id limit 1 offset 37`);
const { rows: kids } = await c.query(`select id from children where county_code='410182' and class_id=$1 limit 3`, [k.id]);
const date = process.argv[2] ?? '2026-11-20';
await repo.findSubmitFacts(fake, '410182', k.id, 'xyz-key', date);
function bind(q: { sql: string; params: any[] }, values: Record<string, unknown>) {
  return q.params.map((p) => (p && typeof p === 'object' && 'name' in p ? values[p.name] : p));
}
const facts = captured[0];
const opts = process.env.NOANALYZE ? '' : 'analyze, buffers, ';
const ex = async (q: { sql: string; params: any[] }, vals: Record<string, unknown>) => {
  const r = await c.query(`explain (${opts}costs off) ${q.sql}`, bind(q, vals));
  console.log(r.rows.map((x: any) => x['QUERY PLAN']).join('\n'));
};
await ex(facts, { countyCode: '410182', classId: k.id, clientKey: 'xyz-key', date });
if (process.env.WRITE) {
  captured.length = 0;
  await repo.insertFirstReport(fake, { countyCode: '410182', id: randomUUID(), classId: k.id, schoolId: k.school_id, date, listSource: 'roster', enrolled: 40,
    counts: { present: 38, sick: 1, personal: 0, unexplained: 0, late: 1 }, by: randomUUID(), byName: 'x', at: new Date(),
    absences: [{ childId: kids[0].id, reason: '病假', contactResult: null, note: null, leaveId: null, origin: 'teacher' }, { childId: kids[1].id, reason: '迟到', contactResult: null, note: null, leaveId: null, origin: 'teacher' }],
    clientKey: 'explain-' + randomUUID(), audit: { id: randomUUID(), actorName: 'x', ip: '1', data: { a: 1 } } } as any).catch(() => null);
  const w = captured[0];
  await c.query('begin');
  // build values from the last call: re-run with a recording
  await ex(w, (globalThis as any).__vals);
  await c.query('rollback');
}
await c.end();
