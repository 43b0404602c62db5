import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { cohortEntryYearForSchoolYear, consolidationFromCohorts, formatRate, parseIdNumber, shanghaiToday } from '@notoneless/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rows, type Database } from '../client';
import { countGraduates } from '../../modules/children/graduates.repository';
import { getCountySettings } from '../../modules/settings/settings.service';
import { DEMO_COUNTY, seedDemo } from './demo';
import { demoCohorts } from './demo-cohorts';
import { demoSchoolYear } from './demo-year';

// The demo county's 历史入学人数 (2009–2018 for 2026—2027) and last summer's 初中毕业生, so its dashboard and brief
// show a 巩固率. The demo is built for the school year of the real clock's today, like the test reads it.

let db: Database;
const now = new Date(); // the real clock, as the demo of a first start reads it
const c = DEMO_COUNTY.code;

beforeAll(async () => {
  db = await openDatabase({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'nol-demo-cohorts-')) });
  await db.db.transaction(async (tx) => seedDemo(tx as never, { children: 2000, seed: 5, now }));
}, 300_000);
afterAll(async () => db?.close());

describe('demo seed: graduates and cohorts', () => {
  it('seeds last summer’s graduates: about one 九年级 class, one year older, valid and unused ID numbers, no class', async () => {
    const graduates = await countGraduates(db.db, c);
    const [g9] = await rows<{ n: number }>(
      db.db,
      sql`select count(*)::int as n from children where county_code = ${c} and grade = 9 and status <> '已毕业'`,
    );
    expect(graduates).toBeGreaterThan(0.5 * Number(g9.n));
    expect(graduates).toBeLessThan(1.5 * Number(g9.n));
    const grads = await rows<{ id_number: string; birth_date: string; class_id: string | null; school_id: string | null }>(
      db.db,
      sql`select id_number, birth_date::text as birth_date, class_id, school_id from children where county_code = ${c} and status = '已毕业'`,
    );
    for (const g of grads) {
      const p = parseIdNumber(g.id_number);
      expect(p.valid, g.id_number).toBe(true);
      expect(p.birthDate).toBe(g.birth_date);
      expect(g.class_id).toBeNull();
      expect(g.school_id).not.toBeNull();
    }
    const [dups] = await rows<{ n: number }>(
      db.db,
      sql`select count(*)::int as n from (select id_number from children where county_code = ${c} group by 1 having count(*) > 1) d`,
    );
    expect(Number(dups.n)).toBe(0);
  });

  it('stores the ten cohorts up to the graduating class’s and this school year’s 巩固率 is computed from them (about 98.6 %)', async () => {
    const settings = await getCountySettings(db.db, c);
    const y = demoSchoolYear(shanghaiToday(now));
    const last = cohortEntryYearForSchoolYear(y); // 2018 for 2026—2027
    expect(last).toBe(y - 8);
    expect(settings.cohorts.map((x) => x.entryYear)).toEqual(Array.from({ length: 10 }, (_, i) => last - 9 + i));
    const graduates = await countGraduates(db.db, c);
    expect(settings.cohorts).toEqual(demoCohorts(graduates, y));
    const r = consolidationFromCohorts({ graduates, graduationSchoolYearStart: y, cohorts: settings.cohorts });
    expect(r.computable).toBe(true);
    expect(r.value!).toBeGreaterThan(0.97);
    expect(r.value!).toBeLessThan(1);
    expect(formatRate(r)).toMatch(/^9[89]\.\d\d%$/);
  });
});
