import {
  DEADLINE_KIND_LABELS,
  DEFAULT_COUNTY_SETTINGS,
  KEY_GROUPS,
  LEDGER_CATEGORIES,
  addCalendarDays,
  consolidationFromCohorts,
  dropoutRate,
  enrollmentRate,
  formatRate,
  persuasionRate,
  schoolYearOf,
  schoolYearSpan,
  shanghaiToday,
  type Dashboard,
  type DashboardIndicator,
  type DashboardLevel,
  type DashboardQuery,
  type DeadlineKind,
  type RankingRow,
  type Ratio,
} from '@notoneless/shared';
import { sql } from 'drizzle-orm';
import { AppError, notFound } from '../../http/app-error';
import type { Ctx } from '../../http/context';
import { rows } from '../../db/client';
import { authorize } from '../../policies/org.policy';
import {
  canRefreshDashboards,
  canSeeCountyDashboard,
  canSeeDashboard,
  canSeeSchoolDashboard,
  canSeeTownshipDashboard,
} from '../../policies/dashboards.policy';
import { getCountySettings } from '../settings/settings.service';
import type { MonthData } from './dashboards.aggregate';
import { periodOf, refreshOnce, type SnapshotData } from './dashboards.refresh';
import * as repo from './dashboards.repository';

type Target = { level: DashboardLevel; townshipCode: string | null; schoolId: string | null };

/** Which unit the request is about: the one asked for, or the actor's own (county, else their township, else their school). */
function targetOf(ctx: Ctx, q: DashboardQuery): Target {
  const a = ctx.actor;
  authorize(canSeeDashboard(a), '您的角色不能查看数据看板');
  const level: DashboardLevel =
    q.level ??
    (q.schoolId
      ? 'school'
      : q.townshipCode
        ? 'township'
        : a.scope.county
          ? 'county'
          : a.scope.townshipCodes.length
            ? 'township'
            : 'school');
  if (level === 'county') {
    authorize(canSeeCountyDashboard(a), '您只能查看本辖区的数据看板');
    return { level, townshipCode: null, schoolId: null };
  }
  if (level === 'township') {
    const t = q.townshipCode ?? a.scope.townshipCodes[0];
    if (!t) throw new AppError('VALIDATION', '请选择乡镇');
    authorize(canSeeTownshipDashboard(a, t), '您只能查看本辖区的数据看板');
    return { level, townshipCode: t, schoolId: null };
  }
  const s = q.schoolId ?? a.scope.schoolIds[0];
  if (!s) throw new AppError('VALIDATION', '请选择学校');
  authorize(canSeeSchoolDashboard(a, s), '您只能查看本辖区的数据看板');
  return { level, townshipCode: null, schoolId: s };
}

/** A list page's path with its URL filters (the names of apps/web/src/lib/use-url-filters.ts users). */
export function linkOf(path: string, params: Record<string, string | number | boolean | null | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

const lastDayOfMonth = (m: string) => addCalendarDays(`${addCalendarDays(`${m}-28`, 5).slice(0, 7)}-01`, -1);

function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = addCalendarDays(`${m}-28`, 5).slice(0, 7)) out.push(m);
  return out;
}

const rate = (m: MonthData | undefined) => (m && m.enrolled > 0 ? m.present / m.enrolled : null);

const DEFINITIONS = {
  enrollment:
    '入学率 = 在校的适龄儿童数 ÷ 适龄儿童数。适龄儿童：出生日期在县里设置的适龄区间内（默认 6—15 周岁），不含已核实离开（死亡、出国、户籍迁出、已毕业）；在校：适龄儿童台账中本地在读、外地就读、送教上门。',
  dropout:
    '辍学率（“两基”口径）= 本学年内认定辍学的学生数 ÷ 学年初在校学生数。学年初在校学生数以当前在籍学生数（在读、休学、送教上门，以及学籍未注销的疑似辍学、辍学学生）近似，平台不保存历史学籍快照。',
  persuasion: '劝返率 = 本学年认定辍学（含失学）的学生中已复学的人数 ÷ 本学年认定辍学（含失学）的学生数。',
  medianDays: '本学年复学的个案，从报告疑似辍学到复学所用天数的中位数。',
  overdueCases: '未结案、且有已过期限仍未完成的法定时限（核实、家访、劝返通知返校期限等）的个案数。',
  consolidation:
    '九年义务教育巩固率 = 本年初中毕业生数 ÷（九年前一年级入学人数 ＋ 转入 － 转出 － 死亡）。学籍中没有入学日期、县里也未录入历史入学人数时无法计算。',
} as const;

function indicator(key: DashboardIndicator['key'], label: string, ratio: Ratio, link: string | null): DashboardIndicator {
  return { key, label, definition: DEFINITIONS[key], display: formatRate(ratio), ratio, value: ratio.value, link };
}

/** The unit's name and the 全县 › 乡镇 › 学校 trail above it (links only where the actor may go). */
async function names(ctx: Ctx, t: Target): Promise<{ label: string; trail: { label: string; link: string | null }[] }> {
  const c = ctx.actor.countyCode;
  const [county] = await rows<{ name: string }>(ctx.db, sql`select name from counties where code = ${c}`);
  if (t.level === 'county') return { label: county?.name ?? '全县', trail: [] };
  const trail: { label: string; link: string | null }[] = [];
  if (canSeeCountyDashboard(ctx.actor)) trail.push({ label: county?.name ?? '全县', link: '/reports/dashboard?level=county' });
  let townshipCode = t.townshipCode;
  let schoolName: string | null = null;
  if (t.level === 'school') {
    const [s] = await rows<{ name: string; township_code: string }>(
      ctx.db,
      sql`select name, township_code from schools where county_code = ${c} and id = ${t.schoolId}`,
    );
    if (!s) throw notFound('学校');
    schoolName = s.name;
    townshipCode = s.township_code;
  }
  const [tw] = await rows<{ name: string }>(
    ctx.db,
    sql`select name from divisions where county_code = ${c} and code = ${townshipCode} and level = 'township'`,
  );
  if (!tw && t.level === 'township') throw notFound('乡镇');
  if (tw && townshipCode && t.level === 'school')
    trail.push({
      label: tw.name,
      link: canSeeTownshipDashboard(ctx.actor, townshipCode) ? linkOf('/reports/dashboard', { level: 'township', townshipCode }) : null,
    });
  return { label: schoolName ?? tw?.name ?? '', trail };
}

/** The units ranked under the target: the county's townships, or a township's schools (school's township). */
async function rankedUnits(ctx: Ctx, t: Target): Promise<{ by: 'township' | 'school'; units: { id: string; name: string }[] } | null> {
  const c = ctx.actor.countyCode;
  if (t.level === 'county')
    return {
      by: 'township',
      units: await rows<{ id: string; name: string }>(
        ctx.db,
        sql`select code as id, name from divisions where county_code = ${c} and level = 'township' and active order by code`,
      ),
    };
  if (t.level === 'township') {
    // the township's schools this actor may open (a 中心校 does not rank a 局属 school located in its township)
    const schools = await rows<{ id: string; name: string }>(
      ctx.db,
      sql`select id, name from schools where county_code = ${c} and township_code = ${t.townshipCode} and active order by code`,
    );
    return { by: 'school', units: schools.filter((s) => canSeeSchoolDashboard(ctx.actor, s.id)) };
  }
  return null;
}

export async function dashboard(ctx: Ctx, q: DashboardQuery): Promise<Dashboard> {
  const t = targetOf(ctx, q);
  const c = ctx.actor.countyCode;
  const settings = await getCountySettings(ctx.db, c).catch(() => DEFAULT_COUNTY_SETTINGS);
  const today = shanghaiToday(ctx.now);
  const month = q.month ?? today.slice(0, 7);
  const startYear = schoolYearOf(`${month}-01`, settings);
  const span = schoolYearSpan(`${month}-01`, settings.schoolYearStart);
  const period = periodOf(startYear);
  const scopeKey = t.level === 'county' ? 'county' : t.level === 'township' ? `township:${t.townshipCode}` : `school:${t.schoolId}`;
  const [{ label: scopeLabel, trail }, ranked] = await Promise.all([names(ctx, t), rankedUnits(ctx, t)]);
  const rankKeys = ranked ? ranked.units.map((u) => `${ranked.by}:${u.id}`) : [];

  let snaps = await repo.readSnapshots(ctx.db, c, period, [scopeKey, ...rankKeys]);
  if (!snaps.some((s) => s.scopeKey === scopeKey)) {
    // the first request of a county and school year computes it; later ones read what the background keeps fresh
    const current = schoolYearOf(today, settings) === startYear;
    if (!(await repo.snapshotTime(ctx.db, c, period))) await refreshOnce(ctx.database.db, c, ctx.now, current ? undefined : startYear);
    snaps = await repo.readSnapshots(ctx.db, c, period, [scopeKey, ...rankKeys]);
  }
  const own = snaps.find((s) => s.scopeKey === scopeKey);
  if (!own) throw notFound(t.level === 'school' ? '学校' : '乡镇');
  const d = own.data as SnapshotData;
  const byKey = new Map(snaps.map((s) => [s.scopeKey, s.data as SnapshotData]));

  const scope = { townshipCode: t.townshipCode, schoolId: t.schoolId };
  const lastMonth = span.to.slice(0, 7) < today.slice(0, 7) ? span.to : today;
  const months = monthsOf(span.from, lastMonth);
  const attendanceDay = (m: string) =>
    m === d.meta.lastReportDay?.slice(0, 7) ? d.meta.lastReportDay : lastDayOfMonth(m) > today ? today : lastDayOfMonth(m);

  const cat = (k: string) => d.cat[k] ?? 0;
  const eligibleAll = LEDGER_CATEGORIES.reduce((n, k) => n + cat(k), 0);
  const indicators: DashboardIndicator[] = [
    indicator(
      'enrollment',
      '入学率',
      enrollmentRate({ eligible: eligibleAll - cat('已核实离开'), eligibleInSchool: cat('本地在读') + cat('外地就读') + cat('送教上门') }),
      linkOf('/ledgers/eligible', scope),
    ),
    indicator(
      'dropout',
      '辍学率',
      dropoutRate({ dropoutsDuringYear: d.yearDropouts, studentsAtYearStart: d.register }),
      linkOf('/ledgers/dropout', { ...scope, state: 'all' }),
    ),
    indicator(
      'persuasion',
      '劝返率',
      persuasionRate({ returned: d.confirmedReturned, dropouts: d.confirmed }),
      linkOf('/cases', { ...scope, status: 'returned' }),
    ),
    {
      key: 'medianDays',
      label: '报告到复学天数（中位数）',
      definition: DEFINITIONS.medianDays,
      display: d.medianDays === null ? '—（无法计算：本学年暂无复学个案）' : `${d.medianDays} 天`,
      ratio: null,
      value: d.medianDays,
      link: linkOf('/cases', { ...scope, status: 'returned' }),
    },
    {
      key: 'overdueCases',
      label: '逾期个案',
      definition: DEFINITIONS.overdueCases,
      display: `${d.overdue} 件`,
      ratio: null,
      value: d.overdue,
      link: linkOf('/cases', { ...scope, overdue: true }),
    },
    indicator(
      'consolidation',
      '九年义务教育巩固率',
      // the county's 历史入学人数 of this school year's graduating class (entered 一年级 in startYear − 8; indicators.md)
      consolidationFromCohorts({
        graduates: d.graduates,
        graduationSchoolYearStart: startYear,
        cohorts: settings.cohorts,
        countyWide: t.level === 'county',
      }),
      null,
    ),
  ];

  const trends = months.map((m) => {
    const x = d.months[m];
    return {
      month: m,
      newSuspected: x?.sus ?? 0,
      newDropouts: x?.drop ?? 0,
      returns: x?.ret ?? 0,
      attendanceRate: rate(x),
      reportDays: x?.days ?? 0,
      links: {
        // the cases behind the point: reported, confirmed or returned in that month, whatever their status now
        newSuspected: linkOf('/cases', { ...scope, status: 'all', month: m, monthEvent: 'reported' }),
        newDropouts: linkOf('/cases', { ...scope, status: 'all', month: m, monthEvent: 'confirmed' }),
        returns: linkOf('/cases', { ...scope, status: 'all', month: m, monthEvent: 'returned' }),
        attendance: linkOf('/attendance/overview', { ...scope, date: attendanceDay(m) }),
      },
    };
  });

  const ranking = ranked
    ? {
        by: ranked.by,
        month,
        rows: ranked.units.flatMap((u): RankingRow[] => {
          const x = byKey.get(`${ranked.by}:${u.id}`);
          if (!x) return [];
          const f = ranked.by === 'township' ? { townshipCode: u.id } : { schoolId: u.id };
          const m = x.months[month];
          return [
            {
              id: u.id,
              name: u.name,
              eligible: LEDGER_CATEGORIES.reduce((n, k) => n + (x.cat[k] ?? 0), 0),
              suspected: x.openSuspected,
              dropouts: x.openDropout,
              overdue: x.overdue,
              unexplained: x.cat['未说明'] ?? 0,
              unexplainedAbsences: m?.unexplained ?? 0,
              attendanceRate: rate(m),
              dashboardLink: linkOf('/reports/dashboard', { level: ranked.by, ...f, month: q.month }),
              links: {
                suspected: linkOf('/ledgers/suspected', f),
                dropouts: linkOf('/ledgers/dropout', f),
                overdue: linkOf('/cases', { ...f, overdue: true }),
                unexplained: linkOf('/ledgers/eligible', { ...f, category: '未说明' }),
                attendance: linkOf('/attendance/overview', { ...f, date: attendanceDay(month) }),
              },
            },
          ];
        }),
      }
    : null;

  const keyGroups = KEY_GROUPS.filter((g) => d.keyGroups[g]).map((g) => ({
    group: g,
    children: d.keyGroups[g].n,
    suspected: d.keyGroups[g].s,
    dropouts: d.keyGroups[g].d,
    links: {
      children: linkOf('/children', { ...scope, keyGroup: g }),
      suspected: linkOf('/ledgers/suspected', { ...scope, keyGroup: g }),
      dropouts: linkOf('/ledgers/dropout', { ...scope, keyGroup: g }),
    },
  }));

  return {
    level: t.level,
    townshipCode: t.townshipCode,
    schoolId: t.schoolId,
    scopeLabel,
    canCounty: canSeeCountyDashboard(ctx.actor),
    trail: [
      ...trail.map((x) => ({ ...x, link: x.link && q.month ? `${x.link}&month=${q.month}` : x.link })),
      { label: scopeLabel, link: null },
    ],
    schoolYear: span,
    month,
    computedAt: own.computedAt.toISOString(),
    indicators,
    trends,
    ledgers: {
      eligible: { count: eligibleAll, link: linkOf('/ledgers/eligible', scope) },
      suspected: { count: d.openSuspected, link: linkOf('/ledgers/suspected', scope) },
      dropout: { count: d.openDropout, link: linkOf('/ledgers/dropout', scope) },
      byCategory: LEDGER_CATEGORIES.map((k) => ({
        category: k,
        count: cat(k),
        link: linkOf('/ledgers/eligible', { ...scope, category: k }),
      })),
    },
    ranking,
    keyGroups,
    overdue: {
      cases: {
        count: d.overdue,
        link: linkOf('/cases', { ...scope, overdue: true }),
        byKind: Object.entries(d.overdueByKind)
          .map(([kind, count]) => ({ kind, label: DEADLINE_KIND_LABELS[kind as DeadlineKind] ?? kind, count }))
          .sort((a, b) => b.count - a.count),
      },
      lateReports: {
        month: d.meta.reportMonth,
        dueOn: d.meta.dueOn,
        pastDue: d.meta.pastDue,
        count: d.lateReports.count,
        items: d.lateReports.items,
        link: linkOf('/reports/monthly', { ...scope, month: d.meta.reportMonth }),
      },
      silentClasses: {
        date: d.meta.lastReportDay,
        count: d.silentClasses.count,
        items: d.silentClasses.items,
        link: linkOf('/attendance/overview', { ...scope, date: d.meta.lastReportDay }),
      },
    },
  };
}

/** 立即更新: recompute the county's current school year now. */
export async function refreshNow(ctx: Ctx) {
  authorize(canRefreshDashboards(ctx.actor), '只有县级管理员可以立即更新看板数据');
  const t0 = performance.now();
  const r = await refreshOnce(ctx.database.db, ctx.actor.countyCode, ctx.now);
  return { computedAt: r.computedAt.toISOString(), seconds: Math.round((performance.now() - t0) / 100) / 10 };
}
