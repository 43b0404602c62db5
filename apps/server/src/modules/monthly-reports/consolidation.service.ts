import {
  CONSOLIDATED_DRILL_DOWN_CAP,
  explanationsSchema,
  isFrozenStatus,
  isReportLate,
  MONTHLY_REPORT_STATUS_LABELS,
  reportDueOn,
  statisticsDay,
  sumFigures,
  type Consolidated,
  type DrillDown,
  type MonthlyFigures,
  type MonthlyReportStatus,
} from '@notoneless/shared';
import { AppError, notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { authorize } from '../../policies/org.policy';
import { canOpenMonthlyReports, monthlyReportSchools } from '../../policies/monthly-reports.policy';
import * as repo from './monthly-reports.repository';
import { computeSchoolsMonth } from './monthly-figures.repository';
import { cachedLiveFigures } from './monthly-live-cache';
import { loadUnitStates, summaryOf } from './unit-report-state';
import { defaultMonth, figureLabel, frozenOf, monthContext, namedChildren, type MonthContext } from './monthly-reports.service';

/**
 * The township and county consolidation of a month (issue 7 item 2: 「the county sees the consolidated township and
 * county tables」) over each school's CURRENT version: the frozen figures of submitted/accepted reports; the live
 * figures of the schools not yet in (draft, returned, not started), which are listed in pendingSchools. Without a
 * township the county sees one row per township; with one (or as a 中心校), one row per school. The pending schools'
 * figures come pre-aggregated (monthly-live-cache.ts, refreshed in the background) and liveComputedAt says when.
 */
export async function consolidateMonth(ctx: Ctx, q: { month?: string; townshipCode?: string }, mc0?: MonthContext): Promise<Consolidated> {
  authorize(canOpenMonthlyReports(ctx.actor), '您的角色没有月报');
  const county = ctx.actor.countyCode;
  const mc = mc0 ?? (await monthContext(ctx));
  const month = q.month ?? defaultMonth(mc.today);
  if (month > mc.today.slice(0, 7)) throw new AppError('BAD_REQUEST', '该月份尚未开始，不能汇总');
  const scopeIds = monthlyReportSchools(ctx.actor);
  const schools = await repo.listSchools(ctx.db, county, { schoolIds: scopeIds, townshipCode: q.townshipCode });
  const bySchool = await repo.currentBySchool(ctx.db, county, month, schools);
  const dueOn = reportDueOn(month, mc.settings.monthlyReportDueDay);
  const { asOf } = statisticsDay(month, mc.today, mc.cal);
  // the 中心校s' own reports of their township (not the bureau's: 局属 schools report to the county themselves)
  const unitStates = await loadUnitStates(
    ctx.db,
    county,
    month,
    schools.filter((s) => s.unitKind !== 'bureau').map((s) => s.unitId),
    { schools, bySchool },
  );
  const unitReports = unitStates.map((u) => summaryOf(u, month));
  const unitOf = new Map(schools.map((s) => [s.id, s.unitId]));

  type Part = {
    schoolId: string;
    schoolName: string;
    township: string;
    townshipName: string;
    status: MonthlyReportStatus;
    late: boolean;
    figures: MonthlyFigures;
  };
  const parts: Part[] = [];
  const pendingSchools: Consolidated['pendingSchools'] = [];
  // the schools not in yet: computed live, all in one pass
  const pending = schools.filter((s) => {
    const r = bySchool.get(s.id);
    return !(r && isFrozenStatus(r.status as MonthlyReportStatus) && r.figures);
  });
  // their live figures from the pre-aggregation (monthly-live-cache.ts), computed now only where it has none
  const live = await cachedLiveFigures(ctx.db, {
    countyCode: county,
    month,
    today: mc.today,
    cal: mc.cal,
    now: ctx.now,
    schools: pending.map((s) => ({ id: s.id, explanations: explanationsSchema.parse(bySchool.get(s.id)?.explanations ?? {}).children })),
  });
  for (const s of schools) {
    const r = bySchool.get(s.id);
    const status: MonthlyReportStatus = r ? (r.status as MonthlyReportStatus) : 'not_started';
    const late = isReportLate({ dueOn, today: mc.today, firstSubmittedOn: r?.firstSubmittedOn ?? null });
    const computed = live.figures.get(s.id);
    const figures: MonthlyFigures = computed ?? frozenOf(r!).figures;
    if (computed) pendingSchools.push({ schoolId: s.id, schoolName: s.name, status: MONTHLY_REPORT_STATUS_LABELS[status], late });
    parts.push({ schoolId: s.id, schoolName: s.name, township: s.townshipCode, townshipName: s.townshipName, status, late, figures });
  }

  const reported = (ps: Part[]) => ps.filter((p) => isFrozenStatus(p.status)).length;
  const row = (key: string, name: string, ps: Part[], status: string | null, withUnits = false) => ({
    key,
    name,
    schools: ps.length,
    reported: reported(ps),
    late: ps.filter((p) => p.late).length,
    status,
    figures: sumFigures(
      month,
      asOf,
      ps.map((p) => p.figures),
    ),
    unitReports: withUnits ? unitReports.filter((u) => ps.some((p) => unitOf.get(p.schoolId) === u.unitId)) : [],
  });
  const countyLevel = !q.townshipCode && scopeIds === null;
  const monthLabel = `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
  let rows: Consolidated['rows'];
  let title: string;
  if (countyLevel) {
    const townships = new Map<string, Part[]>();
    for (const p of parts) townships.set(p.township, [...(townships.get(p.township) ?? []), p]);
    rows = [...townships.entries()].map(([code, ps]) => row(code, ps[0].townshipName, ps, null, true));
    title = `${await repo.countyName(ctx.db, county)}${monthLabel}控辍保学动态数据汇总表`;
  } else {
    rows = parts.map((p) => row(p.schoolId, p.schoolName, [p], MONTHLY_REPORT_STATUS_LABELS[p.status]));
    const tName = q.townshipCode ? await repo.townshipName(ctx.db, county, q.townshipCode) : (parts[0]?.townshipName ?? null);
    const single = q.townshipCode || new Set(parts.map((p) => p.township)).size === 1;
    title = `${single && tName ? tName : await repo.countyName(ctx.db, county)}${monthLabel}控辍保学动态数据汇总表`;
  }
  return {
    month,
    level: countyLevel ? 'county' : 'township',
    title,
    rows,
    total: row('total', '合计', parts, null),
    pendingSchools,
    liveComputedAt: live.computedAt ? live.computedAt.toISOString() : null,
    unitReports,
  };
}

/**
 * The children behind a consolidated figure (issue 7 item 2: 「each figure drills down to the list of children behind
 * it」): the county's (or the actor's scope's) total, a township's row (townshipCode) or a school's row (schoolId),
 * across its schools' CURRENT versions — the frozen members of submitted/accepted reports, the live members of the
 * pending schools computed now (the table's are pre-aggregated, so a count may be newer than the table's figure by
 * up to one refresh; see docs/domain/monthly-report.md). Scope-checked (a
 * township or school outside the actor's scope is 404), audited, ID numbers masked; at most
 * CONSOLIDATED_DRILL_DOWN_CAP children listed (by township, school, grade, class, name), the count is the full one.
 */
export async function consolidatedDrillDown(
  ctx: Ctx,
  q: { month?: string; townshipCode?: string; schoolId?: string },
  figureKey: string,
): Promise<DrillDown> {
  authorize(canOpenMonthlyReports(ctx.actor), '您的角色没有月报');
  const county = ctx.actor.countyCode;
  const mc = await monthContext(ctx);
  const month = q.month ?? defaultMonth(mc.today);
  if (month > mc.today.slice(0, 7)) throw new AppError('BAD_REQUEST', '该月份尚未开始，不能汇总');
  const schools = await repo.listSchools(ctx.db, county, {
    schoolIds: monthlyReportSchools(ctx.actor),
    townshipCode: q.townshipCode,
    schoolId: q.schoolId,
  });
  if (!schools.length && (q.townshipCode || q.schoolId)) throw notFound(q.schoolId ? '学校' : '乡镇');
  const bySchool = await repo.currentBySchool(ctx.db, county, month, schools);
  const pending = schools.filter((s) => {
    const r = bySchool.get(s.id);
    return !(r && isFrozenStatus(r.status as MonthlyReportStatus) && r.figures);
  });
  const live = await computeSchoolsMonth(ctx.db, {
    countyCode: county,
    schoolIds: pending.map((s) => s.id),
    month,
    today: mc.today,
    cal: mc.cal,
    explanations: Object.fromEntries(pending.map((s) => [s.id, explanationsSchema.parse(bySchool.get(s.id)?.explanations ?? {}).children])),
  });
  const parts = schools.map((s) => {
    const source = live.get(s.id) ?? frozenOf(bySchool.get(s.id)!);
    return { school: s, source, members: source.members[figureKey] ?? [] };
  });
  const { asOf } = statisticsDay(month, mc.today, mc.cal);
  const summed = sumFigures(
    month,
    asOf,
    parts.map((p) => p.source.figures),
  );
  const label = figureLabel(summed, figureKey);
  if (label === null) throw new AppError('NOT_FOUND', '没有这项数据');
  const count = parts.reduce((n, p) => n + p.members.length, 0);
  // the first CAP members in the table's order (township, school), each school's then sorted by grade, class and name
  let room = CONSOLIDATED_DRILL_DOWN_CAP;
  const listed = parts.map((p) => {
    const members = p.members.slice(0, Math.max(room, 0));
    room -= members.length;
    return { source: p.source, schoolName: p.school.name, members };
  });
  const perSchool = await Promise.all(
    listed
      .filter((p) => p.members.length)
      .map(async (p) => {
        const items = await namedChildren(ctx, [p]);
        return items.sort(
          (a, b) =>
            (a.grade ?? 0) - (b.grade ?? 0) || (a.className ?? '').localeCompare(b.className ?? '') || a.name.localeCompare(b.name, 'zh'),
        );
      }),
  );
  const items = perSchool.flat();
  await inTx(ctx, (tx) =>
    audit(tx, ctx, {
      action: 'monthly_reports.consolidated_children_viewed',
      targetType: 'monthly_report_consolidation',
      targetId: `${month}:${q.schoolId ?? q.townshipCode ?? 'county'}`,
      data: { month, townshipCode: q.townshipCode ?? null, schoolId: q.schoolId ?? null, figureKey, count, listed: items.length },
    }),
  );
  return { figureKey, label, count, items, truncated: items.length < count };
}
