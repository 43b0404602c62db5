import pg from 'pg';
import { PgDialect } from 'drizzle-orm/pg-core';
import * as repo from '../apps/server/src/modules/attendance/attendance-overview.repository';
const d = new PgDialect();
const got: any[] = [];
const fake = { execute: async (q: any) => { got.push(d.sqlToQuery(q)); return { rows: [] }; } } as any;
const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/' + (process.env.DBN ?? 'notoneless_bench_attendance') });
await c.connect();
const { rows: [h] } = await c.query(`select r.scope_id as "schoolId" from users u join user_roles r on r.user_id = u.id and r.role = 'school_admin' where u.username = 'xiaozhang'`);
const { rows: [t] } = await c.query(`select township_code from schools where id=$1`, [h.schoolId]);
const date = process.argv[2] ?? '2026-12-07';
const scope = { countyCode: '410182', county: false, schoolIds: [h.schoolId], classIds: [], townshipCodes: [], villageCodes: [], unitIds: [], departments: [] };
const cscope = { ...scope, county: true, schoolIds: [] };
await repo.classesOfDay(fake, scope as any, date, { schoolId: h.schoolId });
await repo.absentOn(fake, scope as any, date, { schoolId: h.schoolId });
await repo.classesOfDay(fake, cscope as any, date, { townshipCode: t.township_code });
await repo.absentOn(fake, cscope as any, date, { townshipCode: t.township_code });
await repo.absentOn(fake, cscope as any, date, {});
const labels = ['classesOfDay school', 'absentOn school', 'classesOfDay township', 'absentOn township', 'absentOn county'];
for (const [i, q] of got.entries()) {
  const r = await c.query(`explain (analyze, buffers, costs off) ${q.sql}`, q.params);
  const lines = r.rows.map((x: any) => x['QUERY PLAN']);
  console.log('=== ' + labels[i]); console.log(process.env.FULL ? lines.join('\n') : lines.filter((l: string) => /Scan|Sort|Execution|Planning Time|Join/.test(l)).join('\n'));
}
await c.end();
