import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Consolidated, MonthlyReport } from '@notoneless/shared';
import { getTestApp, getTestDatabase, testClock } from '../../../test/test-app';
import { makeCounty, type CountyFixture } from '../../../test/factories';
import { login, type Session } from '../../../test/session';
import type { Db } from '../../db/client';
import { children, statSnapshots } from '../../db/schema/index';
import { at, setCalendar } from '../attendance/attendance-test-support';
import { LIVE_KIND, refreshMonthlyLive, refreshMonthlyLiveIfDue } from './monthly-live-cache';
import { seedSchoolOctober } from './monthly-reports-test-support';

/**
 * The consolidated table over pre-aggregated live figures (monthly-live-cache.ts): what it answers from the cache
 * equals what a live computation answers, it follows a data change after a refresh, and it says how fresh it is.
 */

let app: FastifyInstance;
let db: Db;
let county: CountyFixture;
const s: Record<string, Session> = {};
let fx: Awaited<ReturnType<typeof seedSchoolOctober>>;
const URL = '/api/monthly-reports/consolidated?month=2026-10';

const ok = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const cacheRows = () =>
  db
    .select({ scopeKey: statSnapshots.scopeKey, computedAt: statSnapshots.computedAt })
    .from(statSnapshots)
    .where(and(eq(statSnapshots.countyCode, county.countyCode), eq(statSnapshots.kind, LIVE_KIND), eq(statSnapshots.period, '2026-10')));
const dropCache = () =>
  db.delete(statSnapshots).where(and(eq(statSnapshots.countyCode, county.countyCode), eq(statSnapshots.kind, LIVE_KIND)));
/** The table computed live: with no cached row the request computes every pending school now. */
async function liveTable(x: Session, url = URL): Promise<Consolidated> {
  await dropCache();
  return ok(await x.get(url));
}
const withoutFreshness = (c: Consolidated) => ({ ...c, liveComputedAt: null });
const schoolRow = (c: Consolidated, id: string) => c.rows.find((r) => r.key === id)!;

beforeAll(async () => {
  app = await getTestApp();
  db = (await getTestDatabase()).db;
  county = await makeCounty(db);
  for (const [k, u] of Object.entries(county.users)) s[k] = await login(app, u.username);
  at('2026-11-04', '09:00'); // the writes of the setup happen before the tests' times (the dirty mark compares them)
  await setCalendar(s.countyAdmin);
  fx = await seedSchoolOctober(db, county, county.users.schoolAdmin.id);
});
beforeEach(() => at('2026-11-04'));

describe('the consolidated table from the pre-aggregated live figures', () => {
  it('the first request stores every pending school of the county; the next ones answer from it, equal to live', async () => {
    await dropCache();
    const first: Consolidated = ok(await s.countyAdmin.get(URL));
    expect(first.pendingSchools).toHaveLength(4);
    expect(first.liveComputedAt).toBe(testClock.now().toISOString());
    const stored = await cacheRows();
    expect(stored.map((r) => r.scopeKey).sort()).toEqual(
      ['county', ...county.townships.flatMap((t) => t.schools.map((x) => `school:${x.id}`))].sort(),
    );

    at('2026-11-04', '10:05');
    const cached: Consolidated = ok(await s.countyAdmin.get(URL));
    // answered from the rows of 10:00, not recomputed
    expect(cached.liveComputedAt).toBe(first.liveComputedAt);
    const live = await liveTable(s.countyAdmin);
    expect(live.liveComputedAt).toBe(testClock.now().toISOString());
    expect(withoutFreshness(cached)).toEqual(withoutFreshness(live));

    // the 中心校's school rows: each equals the school's own (live) report
    const unit: Consolidated = ok(await s.unitAdmin.get(URL));
    const own: MonthlyReport = ok(await s.schoolAdmin.get(`/api/monthly-reports/school/${fx.S.id}/2026-10`));
    expect(own.figuresSource).toBe('live');
    expect(schoolRow(unit, fx.S.id).figures).toEqual(own.figures);
    expect(schoolRow(unit, fx.S.id).figures.enrolled.count).toBe(12);
  });

  it('after a data change the table keeps its figures and their time until a refresh, then follows it', async () => {
    at('2026-11-04', '10:00');
    const before: Consolidated = ok(await s.unitAdmin.get(URL));
    const stamp = before.liveComputedAt;
    expect(stamp).not.toBeNull();
    expect(schoolRow(before, fx.S.id).figures.enrolled.count).toBe(12);

    // B1 (attending, 在读) leaves the registry: 在籍 12 → 11 at S
    await db
      .update(children)
      .set({ status: '转出' })
      .where(and(eq(children.countyCode, county.countyCode), eq(children.id, fx.B1.id)));
    at('2026-11-04', '10:01');
    const stale: Consolidated = ok(await s.unitAdmin.get(URL));
    expect(stale.liveComputedAt).toBe(stamp);
    expect(schoolRow(stale, fx.S.id).figures.enrolled.count).toBe(12);

    const r = await refreshMonthlyLive(db, county.countyCode, '2026-10', testClock.now());
    expect(r.schools).toBe(4);
    const fresh: Consolidated = ok(await s.unitAdmin.get(URL));
    expect(fresh.liveComputedAt).toBe(testClock.now().toISOString());
    expect(schoolRow(fresh, fx.S.id).figures.enrolled.count).toBe(11);
    expect(fresh.total.figures.enrolled.count).toBe(before.total.figures.enrolled.count - 1);
    // and equals a live computation again, the school's own page included
    const own: MonthlyReport = ok(await s.schoolAdmin.get(`/api/monthly-reports/school/${fx.S.id}/2026-10`));
    expect(schoolRow(fresh, fx.S.id).figures).toEqual(own.figures);
    expect(withoutFreshness(fresh)).toEqual(withoutFreshness(await liveTable(s.unitAdmin)));
  });

  it('a school’s explanation shows at once (its row is recomputed); a submitted report uses its frozen figures', async () => {
    at('2026-11-04', '11:00');
    await refreshMonthlyLive(db, county.countyCode, '2026-10', testClock.now());
    at('2026-11-04', '11:10');
    const base = `/api/monthly-reports/school/${fx.S.id}/2026-10`;
    const explained: MonthlyReport = ok(
      await s.schoolAdmin.put(`${base}/explanations`, { note: '', children: { [fx.B6.id]: '外出务工' } }),
    );
    const c: Consolidated = ok(await s.unitAdmin.get(URL));
    expect(schoolRow(c, fx.S.id).figures).toEqual(explained.figures);
    // the other schools' rows are still those of 11:00: the freshness is the oldest row's
    expect(c.liveComputedAt).toBe(new Date('2026-11-04T11:00:00+08:00').toISOString());

    const submitted: MonthlyReport = ok(await s.schoolAdmin.post(`${base}/submit`, { confirm: true }));
    expect(submitted.status).toBe('submitted');
    const after: Consolidated = ok(await s.unitAdmin.get(URL));
    expect(after.pendingSchools.map((p) => p.schoolId)).not.toContain(fx.S.id);
    expect(schoolRow(after, fx.S.id).figures).toEqual(submitted.figures);
  });

  it('the background refresh (dashboards tick): not due when fresh and unchanged; due after an audited write or 15 minutes', async () => {
    at('2026-11-04', '12:00');
    await refreshMonthlyLive(db, county.countyCode, '2026-10', testClock.now());
    const stamp = async () => (await cacheRows())[0].computedAt.toISOString();
    const t0 = await stamp();
    at('2026-11-04', '12:05');
    await refreshMonthlyLiveIfDue(db, county.countyCode, testClock.now(), app.log);
    expect(await stamp()).toBe(t0);
    // an audited write (the county saves its calendar again, unchanged) marks the county dirty
    await setCalendar(s.countyAdmin);
    at('2026-11-04', '12:07');
    await refreshMonthlyLiveIfDue(db, county.countyCode, testClock.now(), app.log);
    expect(await stamp()).toBe(testClock.now().toISOString());
    at('2026-11-04', '12:23');
    await refreshMonthlyLiveIfDue(db, county.countyCode, testClock.now(), app.log);
    expect(await stamp()).toBe(testClock.now().toISOString());
  });
});
