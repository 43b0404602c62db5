import pg from 'pg';
import { PgDialect } from 'drizzle-orm/pg-core';
import * as repo from '../apps/server/src/modules/attendance/attendance-reports.repository';
const captured: any[] = [];
const fake = { dialect: new PgDialect(), session: { prepareQuery(q: any) { captured.push(q); return { execute: async () => ({ rows: [] }) }; } } } as any;
await repo.findSubmitFacts(fake, '410182', '00000000-0000-0000-0000-000000000000', 'k', '2026-12-07');
const q = captured[0];
for (const mode of ['auto', 'force_generic_plan', 'force_custom_plan', 'auto']) {
  const c = new pg.Client({ connectionString: 'postgres://postgres@/notoneless_bench_attendance?host=/var/run/postgresql' });
  await c.connect();
  await c.query(`set plan_cache_mode = ${mode}`);
  const { rows: ks } = await c.query(`select id from classes where county_code='410182' order by id limit 400`);
  const names = q.params.map((p: any) => p.name);
  const t0 = performance.now();
  const u0 = (await c.query(`select 1`)) && process.cpuUsage();
  for (const k of ks) await c.query({ name: 'f', text: q.sql, values: names.map((n: string) => ({ countyCode: '410182', classId: k.id, clientKey: 'zz' + k.id, date: '2026-12-07' })[n]) });
  const dt = performance.now() - t0;
  const stat = await c.query(`select * from pg_prepared_statements`);
  console.log(mode, (dt / ks.length).toFixed(3), 'ms/stmt wall', 'generic_plans' in stat.rows[0] ? `generic=${stat.rows[0].generic_plans} custom=${stat.rows[0].custom_plans}` : '');
  await c.end();
}
