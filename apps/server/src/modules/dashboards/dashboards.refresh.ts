import {
  DEFAULT_COUNTY_SETTINGS,
  addCalendarDays,
  eligibleBirthRange,
  schoolYearOf,
  schoolYearSpan,
  shanghaiToday,
  type CountySettings,
} from '@notoneless/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client';
import { refreshMonthlyLiveIfDue } from '../monthly-reports/monthly-live-cache';
import { getCountySettings } from '../settings/settings.service';
import { rollUp, type UnitData } from './dashboards.aggregate';
import * as repo from './dashboards.repository';

/**
 * Pre-aggregation of the dashboards into `stat_snapshots` (issue 7, speed): one row per unit (county, township,
 * school) and school year, recomputed set-based in the background — on a timer, sooner after an audited write
 * (every change is audited, so a look at `audit_events` since the last computation is the cheap "dirty" mark), and
 * when the day changes (overdue deadlines and late reports depend on the date). A request never waits for a
 * refresh, except the very first one of a county and school year.
 */

export type SnapshotMeta = {
  today: string;
  /** the 月报 month whose lateness is counted, its due day, and whether that day has passed */
  reportMonth: string;
  dueOn: string;
  pastDue: boolean;
  lastReportDay: string | null;
};
export type SnapshotData = UnitData & { meta: SnapshotMeta };

/** The period key of a school year: '2026-2027'. */
export const periodOf = (startYear: number) => `${startYear}-${startYear + 1}`;

export function periodFacts(settings: CountySettings, countyCode: string, today: string, startYear: number): repo.Period {
  const span = schoolYearSpan(`${startYear}-${settings.schoolYearStart}`, settings.schoolYearStart);
  const birth = eligibleBirthRange(startYear, settings);
  return { countyCode, from: span.from, to: span.to, startYear, birthFrom: birth.from, birthTo: birth.to, today };
}

const previousMonth = (month: string) => addCalendarDays(`${month}-01`, -1).slice(0, 7);

/** Recompute every unit of a county for a school year (default: the current one); returns the moment it describes. */
export async function refreshCounty(
  db: Db,
  countyCode: string,
  now: Date,
  startYear?: number,
): Promise<{ computedAt: Date; units: number }> {
  const settings = await getCountySettings(db, countyCode).catch(() => DEFAULT_COUNTY_SETTINGS);
  const today = shanghaiToday(now);
  const year = startYear ?? schoolYearOf(today, settings);
  const p = periodFacts(settings, countyCode, today, year);
  const reportMonth = previousMonth(today.slice(0, 7));
  const dueOn = `${today.slice(0, 7)}-${String(settings.monthlyReportDueDay).padStart(2, '0')}`;
  const lastDay = await repo.lastReportDay(db, p);
  const [children, keyGroups, caseMonths, caseYear, overdueKinds, attendance, silent, schools, townships] = await Promise.all([
    repo.childFacts(db, p),
    repo.keyGroupFacts(db, p),
    repo.caseMonthFacts(db, p),
    repo.caseYearFacts(db, p),
    repo.overdueKindFacts(db, p),
    repo.attendanceFacts(db, p),
    lastDay ? repo.silentClasses(db, p, lastDay) : Promise.resolve([]),
    repo.schoolsWithReport(db, countyCode, reportMonth),
    repo.townships(db, countyCode),
  ]);
  const meta: SnapshotMeta = { today, reportMonth, dueOn, pastDue: today > dueOn, lastReportDay: lastDay };
  const units = rollUp({
    children,
    keyGroups,
    caseMonths,
    caseYear,
    overdueKinds,
    attendance,
    silent,
    schools,
    lateReportsPastDue: meta.pastDue,
    townshipCodes: townships.map((t) => t.code),
  });
  const items = [...units].map(([scopeKey, data]) => ({ scopeKey, data: { ...data, meta } satisfies SnapshotData }));
  await db.transaction(async (tx) => repo.replaceSnapshots(tx, countyCode, periodOf(year), now, items));
  return { computedAt: now, units: items.length };
}

/** One refresh at a time per county and period; a second caller waits for the running one. */
const running = new Map<string, Promise<{ computedAt: Date; units: number }>>();
export function refreshOnce(db: Db, countyCode: string, now: Date, startYear?: number) {
  const key = `${countyCode}|${startYear ?? 'current'}`;
  let p = running.get(key);
  if (!p) {
    p = refreshCounty(db, countyCode, now, startYear).finally(() => running.delete(key));
    running.set(key, p);
  }
  return p;
}

/** How often the background looks for counties to refresh, the least time between two refreshes after writes, and the most. */
export const TICK_MS = 30_000;
export const MIN_AGE_MS = 60_000;
export const MAX_AGE_MS = 15 * 60_000;

/** Whether a county's current snapshot should be recomputed now. */
export async function needsRefresh(db: Db, countyCode: string, now: Date, settings: CountySettings): Promise<boolean> {
  const today = shanghaiToday(now);
  const at = await repo.snapshotTime(db, countyCode, periodOf(schoolYearOf(today, settings)));
  if (!at) return true;
  const age = now.getTime() - at.getTime();
  if (age >= MAX_AGE_MS || shanghaiToday(at) !== today) return true;
  return age >= MIN_AGE_MS && (await repo.changedSince(db, countyCode, at));
}

/** The background refresher: started with the server (not under tests, which refresh on demand). */
export function startRefresher(db: Db, clock: () => Date, log: FastifyBaseLogger): () => void {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      for (const c of await repo.countyCodes(db)) {
        const settings = await getCountySettings(db, c.code).catch(() => DEFAULT_COUNTY_SETTINGS);
        await refreshMonthlyLiveIfDue(db, c.code, clock(), log); // the pending schools' 月报 figures (consolidated table)
        if (!(await needsRefresh(db, c.code, clock(), settings))) continue;
        const t0 = performance.now();
        const r = await refreshOnce(db, c.code, clock());
        log.info({ county: c.code, units: r.units, ms: Math.round(performance.now() - t0) }, 'dashboards refreshed');
      }
    } catch (err) {
      log.warn({ err }, 'dashboards refresh failed');
    } finally {
      busy = false;
    }
  };
  const first = setTimeout(() => void tick(), 2_000);
  const timer = setInterval(() => void tick(), TICK_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
