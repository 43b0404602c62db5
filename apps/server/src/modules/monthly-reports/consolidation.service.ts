import {
  explanationsSchema,
  isFrozenStatus,
  isReportLate,
  MONTHLY_REPORT_STATUS_LABELS,
  reportDueOn,
  statisticsDay,
  sumFigures,
  type Consolidated,
  type MonthlyFigures,
  type MonthlyReportStatus,
} from '@notoneless/shared';
import { AppError } from '../../http/app-error';
import type { Ctx } from '../../http/context';
import { authorize } from '../../policies/org.policy';
import { canOpenMonthlyReports, monthlyReportSchools } from './monthly-reports.policy';
import * as repo from './monthly-reports.repository';
import { computeLive, defaultMonth, frozenOf, monthContext, type MonthContext } from './monthly-reports.service';

/**
 * The township and county consolidation of a month (issue 7 item 2: 「the county sees the consolidated township and
 * county tables」) over each school's CURRENT version: the frozen figures of submitted/accepted reports; the live
 * figures of the schools not yet in (draft, returned, not started), which are listed in pendingSchools. Without a
 * township the county sees one row per township; with one (or as a 中心校), one row per school.
 */
export async function consolidateMonth(ctx: Ctx, q: { month?: string; townshipCode?: string }, mc0?: MonthContext): Promise<Consolidated> {
  authorize(canOpenMonthlyReports(ctx.actor), '您的角色没有月报');
  const county = ctx.actor.countyCode;
  const mc = mc0 ?? (await monthContext(ctx));
  const month = q.month ?? defaultMonth(mc.today);
  if (month > mc.today.slice(0, 7)) throw new AppError('BAD_REQUEST', '该月份尚未开始，不能汇总');
  const scopeIds = monthlyReportSchools(ctx.actor);
  const schools = await repo.listSchools(ctx.db, county, { schoolIds: scopeIds, townshipCode: q.townshipCode });
  const current = await repo.currentVersions(
    ctx.db,
    county,
    [month],
    schools.map((s) => s.id),
  );
  const bySchool = new Map(current.map((r) => [r.schoolId, r]));
  const dueOn = reportDueOn(month, mc.settings.monthlyReportDueDay);
  const { asOf } = statisticsDay(month, mc.today, mc.cal);

  type Part = { schoolId: string; schoolName: string; township: string; townshipName: string; status: MonthlyReportStatus; late: boolean; figures: MonthlyFigures };
  const parts: Part[] = [];
  const pendingSchools: Consolidated['pendingSchools'] = [];
  for (const s of schools) {
    const r = bySchool.get(s.id);
    const status: MonthlyReportStatus = r ? (r.status as MonthlyReportStatus) : 'not_started';
    const late = isReportLate({ dueOn, today: mc.today, firstSubmittedOn: r?.firstSubmittedOn ?? null });
    let figures: MonthlyFigures;
    if (r && isFrozenStatus(status) && r.figures) figures = frozenOf(r).figures;
    else {
      figures = (await computeLive(ctx, mc, s.id, month, explanationsSchema.parse(r?.explanations ?? {}))).figures;
      pendingSchools.push({ schoolId: s.id, schoolName: s.name, status: MONTHLY_REPORT_STATUS_LABELS[status], late });
    }
    parts.push({ schoolId: s.id, schoolName: s.name, township: s.townshipCode, townshipName: s.townshipName, status, late, figures });
  }

  const reported = (ps: Part[]) => ps.filter((p) => isFrozenStatus(p.status)).length;
  const row = (key: string, name: string, ps: Part[], status: string | null) => ({
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
  });
  const countyLevel = !q.townshipCode && scopeIds === null;
  const monthLabel = `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
  let rows: Consolidated['rows'];
  let title: string;
  if (countyLevel) {
    const townships = new Map<string, Part[]>();
    for (const p of parts) townships.set(p.township, [...(townships.get(p.township) ?? []), p]);
    rows = [...townships.entries()].map(([code, ps]) => row(code, ps[0].townshipName, ps, null));
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
  };
}
