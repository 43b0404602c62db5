import {
  explanationsSchema,
  isFrozenStatus,
  monthBounds,
  shanghaiToday,
  statisticsDay,
  type MonthlyFigures,
  type MonthlyReportStatus,
  type SchoolCalendar,
} from '@notoneless/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { rows, type Db, type DbOrTx } from '../../db/client';
import { statSnapshots } from '../../db/schema/index';
import { changedSince } from '../dashboards/dashboards.repository';
import { getSchoolCalendar } from '../settings/settings.service';
import { computeSchoolsMonth } from './monthly-figures.repository';
import * as repo from './monthly-reports.repository';

/**
 * Pre-aggregated live figures of the schools whose 月报 is not in yet (issue 7, speed: the consolidated table over a
 * large county). One `stat_snapshots` row per school and month (kind 'monthly_live', scopeKey 'school:<id>', period
 * 'YYYY-MM') holding the school's live MonthlyFigures, the basis they were computed on (统计时点, school days, the
 * last day counted) and the school's explanations at the time. Refreshed in the background by the dashboards'
 * refresher (same tick, same "dirty" mark: an audited write since the snapshot) for the month being reported and
 * any cached current month; a request computes (and stores) only the schools with no usable row. Submitted/accepted
 * reports never use it (their figures are frozen); a single school's report page stays live. The children behind the
 * figures are not stored (they would be the whole county's 在籍 list): the consolidated drill-down stays live.
 */

export const LIVE_KIND = 'monthly_live';

type LiveRow = { figures: MonthlyFigures; basis: string; explanations: Record<string, string> };

/** What the live figures of a month depend on besides the data: the 统计时点, its school days and the last day counted. */
export function liveBasis(month: string, today: string, cal: SchoolCalendar): string {
  const { asOf, schoolDays } = statisticsDay(month, today, cal);
  const { last } = monthBounds(month);
  return `${asOf}|${schoolDays.length}|${today < last ? today : last}`;
}

const sameExplanations = (a: Record<string, string>, b: Record<string, string>) => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
};

async function upsert(db: DbOrTx, countyCode: string, month: string, computedAt: Date, items: { schoolId: string; data: LiveRow }[]) {
  for (let i = 0; i < items.length; i += 200) {
    await db
      .insert(statSnapshots)
      .values(
        items
          .slice(i, i + 200)
          .map((x) => ({ countyCode, scopeKey: `school:${x.schoolId}`, kind: LIVE_KIND, period: month, data: x.data, computedAt })),
      )
      .onConflictDoUpdate({
        target: [statSnapshots.countyCode, statSnapshots.scopeKey, statSnapshots.kind, statSnapshots.period],
        set: { data: sql`excluded.data`, computedAt: sql`excluded.computed_at` },
      });
  }
}

async function compute(
  db: DbOrTx,
  p: {
    countyCode: string;
    month: string;
    today: string;
    cal: SchoolCalendar;
    schools: { id: string; explanations: Record<string, string> }[];
  },
) {
  const basis = liveBasis(p.month, p.today, p.cal);
  const live = await computeSchoolsMonth(db, {
    countyCode: p.countyCode,
    schoolIds: p.schools.map((s) => s.id),
    month: p.month,
    today: p.today,
    cal: p.cal,
    explanations: Object.fromEntries(p.schools.map((s) => [s.id, s.explanations])),
  });
  return p.schools.map((s) => ({ schoolId: s.id, data: { figures: live.get(s.id)!.figures, basis, explanations: s.explanations } }));
}

/** The county's schools whose current version of the month is not frozen, with their explanations. */
async function pendingOfCounty(db: DbOrTx, countyCode: string, month: string) {
  const schools = await repo.listSchools(db, countyCode, { schoolIds: null });
  const current = await repo.currentVersions(
    db,
    countyCode,
    [month],
    schools.map((s) => s.id),
  );
  const bySchool = new Map(current.map((r) => [r.schoolId, r]));
  return schools.flatMap((s) => {
    const r = bySchool.get(s.id);
    if (r && isFrozenStatus(r.status as MonthlyReportStatus) && r.figures) return [];
    return [{ id: s.id, explanations: explanationsSchema.parse(r?.explanations ?? {}).children }];
  });
}

/**
 * Recompute a month's live figures of every pending school of a county in one pass and replace the month's rows
 * (computedAt: the moment the computation started, so a write during it still marks the rows dirty).
 */
export async function refreshMonthlyLive(
  db: Db,
  countyCode: string,
  month: string,
  now: Date,
): Promise<{ computedAt: Date; schools: number }> {
  const today = shanghaiToday(now);
  const cal = await getSchoolCalendar(db, countyCode);
  const pending = await pendingOfCounty(db, countyCode, month);
  const items = await compute(db, { countyCode, month, today, cal, schools: pending });
  await db.transaction(async (tx) => {
    await tx
      .delete(statSnapshots)
      .where(and(eq(statSnapshots.countyCode, countyCode), eq(statSnapshots.kind, LIVE_KIND), eq(statSnapshots.period, month)));
    await upsert(tx, countyCode, month, now, items);
    // the county's mark: when the month was last computed as a whole (also when no school is pending)
    await tx
      .insert(statSnapshots)
      .values({ countyCode, scopeKey: 'county', kind: LIVE_KIND, period: month, data: { schools: items.length }, computedAt: now });
  });
  return { computedAt: now, schools: items.length };
}

/** One refresh at a time per county and month; a second caller waits for the running one. */
const running = new Map<string, Promise<{ computedAt: Date; schools: number }>>();
export function refreshMonthlyLiveOnce(db: Db, countyCode: string, month: string, now: Date) {
  const key = `${countyCode}|${month}`;
  let p = running.get(key);
  if (!p) {
    p = refreshMonthlyLive(db, countyCode, month, now).finally(() => running.delete(key));
    running.set(key, p);
  }
  return p;
}

/**
 * The live figures of the given pending schools of a month, from the cache: a school with no row, a row computed on
 * another basis (another 统计时点 or last day: the day changed during the month) or with other explanations is computed
 * now (all such schools in one pass) and stored. Returns the figures and the oldest computedAt of the rows used.
 */
export async function cachedLiveFigures(
  db: Db,
  p: {
    countyCode: string;
    month: string;
    today: string;
    cal: SchoolCalendar;
    now: Date;
    schools: { id: string; explanations: Record<string, string> }[];
  },
): Promise<{ figures: Map<string, MonthlyFigures>; computedAt: Date | null }> {
  const figures = new Map<string, MonthlyFigures>();
  if (!p.schools.length) return { figures, computedAt: null };
  const stored = await db
    .select({ scopeKey: statSnapshots.scopeKey, data: statSnapshots.data, computedAt: statSnapshots.computedAt })
    .from(statSnapshots)
    .where(
      and(
        eq(statSnapshots.countyCode, p.countyCode),
        eq(statSnapshots.kind, LIVE_KIND),
        eq(statSnapshots.period, p.month),
        inArray(
          statSnapshots.scopeKey,
          p.schools.map((s) => `school:${s.id}`),
        ),
      ),
    );
  const byKey = new Map(stored.map((r) => [r.scopeKey, r]));
  const basis = liveBasis(p.month, p.today, p.cal);
  let oldest: Date | null = null;
  const missing: typeof p.schools = [];
  for (const s of p.schools) {
    const r = byKey.get(`school:${s.id}`);
    const d = r?.data as LiveRow | undefined;
    if (!r || !d || d.basis !== basis || !sameExplanations(d.explanations ?? {}, s.explanations)) {
      missing.push(s);
      continue;
    }
    figures.set(s.id, d.figures);
    if (!oldest || r.computedAt < oldest) oldest = r.computedAt;
  }
  // a month the background does not keep fresh (an older one): recomputed when an audited write happened since
  if (oldest && !keptByBackground(p.month, p.today) && (await changedSince(db, p.countyCode, oldest))) {
    missing.splice(0, missing.length, ...p.schools);
    figures.clear();
    oldest = null;
  }
  if (missing.length) {
    // the first request of a county and month (nothing stored yet) computes the whole county in one pass
    const items = stored.length
      ? await compute(db, { countyCode: p.countyCode, month: p.month, today: p.today, cal: p.cal, schools: missing }).then(async (x) => {
          await upsert(db, p.countyCode, p.month, p.now, x);
          return x;
        })
      : (await refreshMonthlyLiveOnce(db, p.countyCode, p.month, p.now), await readBack(db, p.countyCode, p.month, missing, p));
    for (const x of items) figures.set(x.schoolId, x.data.figures);
    if (!oldest || p.now < oldest) oldest = p.now;
  }
  return { figures, computedAt: oldest };
}

/** After a whole-county refresh: the rows of the schools asked for (a school missing from it is computed alone). */
async function readBack(
  db: Db,
  countyCode: string,
  month: string,
  schools: { id: string; explanations: Record<string, string> }[],
  p: { today: string; cal: SchoolCalendar; now: Date },
) {
  const stored = await db
    .select({ scopeKey: statSnapshots.scopeKey, data: statSnapshots.data })
    .from(statSnapshots)
    .where(
      and(
        eq(statSnapshots.countyCode, countyCode),
        eq(statSnapshots.kind, LIVE_KIND),
        eq(statSnapshots.period, month),
        inArray(
          statSnapshots.scopeKey,
          schools.map((s) => `school:${s.id}`),
        ),
      ),
    );
  const got = new Map(stored.map((r) => [r.scopeKey.slice('school:'.length), r.data as LiveRow]));
  const basis = liveBasis(month, p.today, p.cal);
  const out: { schoolId: string; data: LiveRow }[] = [];
  const rest: typeof schools = [];
  for (const s of schools) {
    const d = got.get(s.id);
    if (d && d.basis === basis && sameExplanations(d.explanations ?? {}, s.explanations)) out.push({ schoolId: s.id, data: d });
    else rest.push(s);
  }
  if (rest.length) {
    const x = await compute(db, { countyCode, month, today: p.today, cal: p.cal, schools: rest });
    await upsert(db, countyCode, month, p.now, x);
    out.push(...x);
  }
  return out;
}

/** How old the rows of a month may get after writes, and at most (as the dashboards). */
export const LIVE_MIN_AGE_MS = 60_000;
export const LIVE_MAX_AGE_MS = 15 * 60_000;

const previousMonth = (month: string) => {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

const keptByBackground = (month: string, today: string) => month === today.slice(0, 7) || month === previousMonth(today.slice(0, 7));

/** The months the background keeps fresh: the month being reported (last month) always, this month once asked for. */
async function monthsToKeep(db: Db, countyCode: string, today: string) {
  const current = today.slice(0, 7);
  const reported = previousMonth(current);
  const r = await rows<{ period: string; ms: number }>(
    db,
    sql`select period, (extract(epoch from min(computed_at)) * 1000)::float8 as ms from stat_snapshots
        where county_code = ${countyCode} and kind = ${LIVE_KIND} and period in (${reported}, ${current}) group by period`,
  );
  const at = new Map(r.map((x) => [x.period, new Date(Number(x.ms))]));
  return [reported, ...(at.has(current) ? [current] : [])].map((month) => ({ month, at: at.get(month) ?? null }));
}

/**
 * Called on every tick of the dashboards' refresher for each county: recompute a kept month when it has no rows, when
 * its rows are older than LIVE_MAX_AGE_MS or of another day, or (after LIVE_MIN_AGE_MS) when an audited write
 * happened since.
 */
export async function refreshMonthlyLiveIfDue(db: Db, countyCode: string, now: Date, log: FastifyBaseLogger): Promise<void> {
  try {
    const today = shanghaiToday(now);
    for (const { month, at } of await monthsToKeep(db, countyCode, today)) {
      if (at) {
        const age = now.getTime() - at.getTime();
        const due =
          age >= LIVE_MAX_AGE_MS || shanghaiToday(at) !== today || (age >= LIVE_MIN_AGE_MS && (await changedSince(db, countyCode, at)));
        if (!due) continue;
      }
      const t0 = performance.now();
      const r = await refreshMonthlyLiveOnce(db, countyCode, month, now);
      log.info({ county: countyCode, month, schools: r.schools, ms: Math.round(performance.now() - t0) }, 'monthly live figures refreshed');
    }
  } catch (err) {
    log.warn({ err }, 'monthly live figures refresh failed');
  }
}
