import { sql } from 'drizzle-orm';
import { openPglite, migrateDatabase, rows, type DbOrTx } from './src/db/client';
import { seedDemo, DEMO_COUNTY } from './src/db/seed/demo';
import { DEMO_CALENDAR } from './src/db/seed/demo-calendar';
import { computeSchoolMonth } from './src/modules/monthly-reports/monthly-figures.repository';

const dir = process.argv[2];
const database = await openPglite(dir);
await migrateDatabase(database);
const t0 = Date.now();
const [has] = await rows(database.db as unknown as DbOrTx, sql`select 1 from counties where code = ${DEMO_COUNTY.code}`);
if (!has) await database.db.transaction(async (tx) => seedDemo(tx as unknown as DbOrTx, { children: 20_000, seed: 1 }));
console.log('seed ms', Date.now() - t0);
const raw = database.db as unknown as DbOrTx;
const timing = process.env.TIMING === '1';
const db = new Proxy(raw, { get(t, k) { const v = (t as any)[k]; if (k !== 'execute') return typeof v === 'function' ? v.bind(t) : v; return async (q: any) => { const s0 = performance.now(); const r = await v.call(t, q); if (timing) { const txt = (database.db as any).dialect.sqlToQuery(q).sql as string; console.log('T', (performance.now() - s0).toFixed(0), txt.replace(/\s+/g, ' ').slice(0, 90)); } return r; }; } }) as DbOrTx;
const counts = await rows(db, sql`select (select count(*) from attendance_reports) r, (select count(*) from absences) a, (select count(*) from leave_requests) l, (select count(*) from classes) k, (select count(*) from schools) s`);
console.log(counts);
const schools = await rows<{ id: string; name: string }>(db, sql`select s.id, s.name from schools s where county_code = ${DEMO_COUNTY.code} and exists (select 1 from classes k where k.school_id = s.id) order by s.code limit 6`);
for (const s of schools) {
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    const m = await computeSchoolMonth(db, { countyCode: DEMO_COUNTY.code, schoolId: s.id, month: '2026-10', today: '2026-12-07', cal: DEMO_CALENDAR, explanations: {} });
    const f = m.figures;
    if (i === 1) console.log(s.name, (performance.now() - t).toFixed(0), 'ms', { enrolled: f.enrolled.count, attending: f.attending.count, gap: f.gap, causes: f.gapCauses.map((c) => `${c.label}:${c.count}`).join(' '), unexplained: f.unexplained.count, att: f.attendance, mv: f.movements.map((x) => `${x.key}:${x.count}`).join(' ') });
  }
}
await database.close();
