import {
  addCalendarDays,
  consolidationFromCohorts,
  dropoutRate,
  eligibleBirthRange,
  enrollmentRate,
  formatRate,
  medianDays,
  persuasionRate,
  schoolYearSpan,
  shanghaiToday,
  type BriefPreview,
  type Consolidated,
  type MonthlyFigures,
} from '@notoneless/shared';
import { AppError } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { hasRole, type Actor } from '../../policies/actor';
import { authorize } from '../../policies/org.policy';
import { countGraduates } from '../children/graduates.repository';
import { renderDocx } from '../documents/render-docx';
import { consolidateMonth } from '../monthly-reports/consolidation.service';
import { getCountySettings } from '../settings/settings.service';
import { briefSpec, caseStory } from './brief-text';
import * as repo from './briefs.repository';

export const canMakeBrief = (a: Actor) => hasRole(a, 'county_admin', 'county_leader');

const previousMonth = (m: string) => {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
};
const lastDayOf = (m: string) => addCalendarDays(`${nextMonth(m)}-01`, -1);
const nextMonth = (m: string) => {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
};
const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
const n = (x: number) => x.toLocaleString('zh-CN');
const move = (f: MonthlyFigures, key: string) => f.movements.find((x) => x.key === key)?.count ?? 0;
const MINUS = '−';

function change(cur: number | null, prev: number | null, unit: 'count' | 'rate'): string | null {
  if (cur === null || prev === null) return null;
  const d = unit === 'rate' ? Math.round((cur - prev) * 1000) / 10 : cur - prev;
  if (d === 0) return '持平';
  const abs = unit === 'rate' ? `${Math.abs(d).toFixed(1)}个百分点` : n(Math.abs(d));
  return `${d > 0 ? '+' : MINUS}${abs}`;
}

type Metric = { key: string; label: string; unit: 'count' | 'rate'; get: (f: MonthlyFigures) => number | null; suffix: string };
const METRICS: Metric[] = [
  { key: 'enrolled', label: '在籍学生', unit: 'count', get: (f) => f.enrolled.count, suffix: '人' },
  { key: 'attending', label: '实际在校学生', unit: 'count', get: (f) => f.attending.count, suffix: '人' },
  { key: 'gap', label: '人籍差额', unit: 'count', get: (f) => f.gap, suffix: '人' },
  { key: 'unexplained', label: '差额中未说明原因', unit: 'count', get: (f) => f.unexplained.count, suffix: '人' },
  { key: 'newSuspected', label: '新增疑似辍学', unit: 'count', get: (f) => move(f, 'newSuspected'), suffix: '人' },
  { key: 'newDropouts', label: '新认定辍学', unit: 'count', get: (f) => move(f, 'newDropouts'), suffix: '人' },
  { key: 'returned', label: '劝返复学', unit: 'count', get: (f) => move(f, 'returned'), suffix: '人' },
  { key: 'povertyDropouts', label: '脱贫户/监测户辍学', unit: 'count', get: (f) => move(f, 'povertyDropouts'), suffix: '人' },
  { key: 'homeTeaching', label: '送教上门学生', unit: 'count', get: (f) => move(f, 'homeTeachingChildren'), suffix: '人' },
  { key: 'attendanceRate', label: '平均到校率', unit: 'rate', get: (f) => f.attendance.rate, suffix: '' },
];

const show = (m: Metric, v: number | null) => (v === null ? '—' : m.unit === 'rate' ? `${(v * 100).toFixed(1)}%` : `${n(v)}${m.suffix}`);

/** The brief's figures: the month's consolidation, last month's for the changes, the indicators, the townships behind. */
export async function briefPreview(ctx: Ctx, month: string): Promise<BriefPreview & { consolidated: Consolidated }> {
  authorize(canMakeBrief(ctx.actor), '只有县级管理员和县领导可以生成控辍保学简报');
  const c = ctx.actor.countyCode;
  const settings = await getCountySettings(ctx.db, c);
  const prevMonth = previousMonth(month);
  // the school year containing the month: its first month's 在籍 is the 辍学率 denominator
  const startMonth = schoolYearSpan(lastDayOf(month), settings.schoolYearStart).from.slice(0, 7);
  // the month's own consolidation first (for its errors), then last month's and the first month's together
  const cur = await consolidateMonth(ctx, { month });
  if (cur.level !== 'county') throw new AppError('FORBIDDEN', '简报需要全县的汇总数据');
  const [prev, first] = await Promise.all([
    consolidateMonth(ctx, { month: prevMonth }),
    startMonth === month || startMonth === prevMonth ? null : consolidateMonth(ctx, { month: startMonth }),
  ]);
  const atStart = startMonth === month ? cur : startMonth === prevMonth ? prev : first!;
  const f = cur.total.figures;
  const pf = prev.total.figures;
  const headline = METRICS.map((m) => {
    const v = m.get(f);
    const p = m.get(pf);
    return { key: m.key, label: m.label, value: show(m, v), previous: show(m, p), change: change(v, p, m.unit) };
  });

  // indicators: the school year that contains the statistics day, up to that day
  const asOf = f.asOf;
  const year = schoolYearSpan(asOf, settings.schoolYearStart);
  const startYear = Number(year.from.slice(0, 4));
  const elig = eligibleBirthRange(startYear, settings);
  const [eligible, cases, overdue, graduates] = await Promise.all([
    repo.eligibleFacts(ctx.db, c, elig.from, elig.to),
    repo.yearCaseFacts(ctx.db, c, year.from, asOf),
    repo.overdueByTownship(ctx.db, c, asOf),
    countGraduates(ctx.db, c),
  ]);
  const enrol = enrollmentRate({ eligible: eligible.eligible, eligibleInSchool: eligible.inSchool });
  const drop = dropoutRate({ dropoutsDuringYear: cases.dropouts, studentsAtYearStart: atStart.total.figures.enrolled.count });
  const pers = persuasionRate({ returned: cases.returned, dropouts: cases.dropouts });
  // the class graduating in this school year entered 一年级 in startYear − 8 (the county's 历史入学人数, indicators.md)
  const cons = consolidationFromCohorts({ graduates, graduationSchoolYearStart: startYear, cohorts: settings.cohorts });
  const med = medianDays(cases.days);
  const overdueTotal = overdue.reduce((s, o) => s + o.n, 0);
  const indicators = [
    {
      key: 'enrollment',
      label: '适龄儿童入学率',
      value: formatRate(enrol),
      basis: `（在校适龄儿童${n(eligible.inSchool)}人 ÷ 适龄儿童${n(eligible.eligible)}人）`,
    },
    {
      key: 'dropout',
      label: `${year.label}辍学率`,
      value: formatRate(drop, 3),
      basis: `（学年内认定辍学${n(cases.dropouts)}人 ÷ ${monthLabel(startMonth)}在籍学生${n(atStart.total.figures.enrolled.count)}人）`,
    },
    {
      key: 'persuasion',
      label: '劝返率',
      value: formatRate(pers),
      basis: `（已复学${n(cases.returned)}人 ÷ 学年内认定辍学${n(cases.dropouts)}人）`,
    },
    {
      key: 'medianDays',
      label: '从报告到复学的天数（中位数）',
      value: med === null ? '—' : `${med}天`,
      basis: `（学年内复学${cases.days.length}人）`,
    },
    {
      key: 'consolidation',
      label: '九年义务教育巩固率',
      value: formatRate(cons),
      basis: cons.cohort
        ? `（初中毕业生${n(graduates)}人 ÷ ${cons.entryYear}年一年级入学${n(cons.cohort.entered)}人＋转入${n(cons.cohort.transfersIn)}人－转出${n(cons.cohort.transfersOut)}人－死亡${n(cons.cohort.deaths)}人）`
        : '',
    },
    {
      key: 'overdue',
      label: '逾期未办个案',
      value: `${n(overdueTotal)}件`,
      basis: `（截至${Number(asOf.slice(5, 7))}月${Number(asOf.slice(8, 10))}日）`,
    },
  ];

  const overdueBy = new Map(overdue.map((o) => [o.townshipCode ?? '', o.n]));
  const townshipsBehind = cur.rows
    .map((r) => {
      const issues: string[] = [];
      if (r.late > 0) issues.push(`${r.late}所学校逾期未报月报`);
      if (r.figures.unexplained.count > 0) issues.push(`人籍差额中${r.figures.unexplained.count}人未说明原因`);
      const od = overdueBy.get(r.key) ?? 0;
      if (od > 0) issues.push(`逾期未办个案${od}件`);
      return { name: r.name, issues, weight: r.late * 100 + od * 10 + r.figures.unexplained.count };
    })
    .filter((r) => r.issues.length)
    .sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name, 'zh-CN'))
    .map(({ name, issues }) => ({ name, issues }));

  const countyName = await repo.countyName(ctx.db, c);
  return {
    month,
    monthLabel: monthLabel(month),
    title: `${countyName}控辍保学简报（${monthLabel(month)}）`,
    countyName,
    asOf,
    schools: cur.total.schools,
    reported: cur.total.reported,
    headline,
    townshipsBehind,
    indicators,
    consolidated: cur,
  };
}

/** The DOCX, with the typical cases the user picked (county cases only; names as 张某某). */
export async function briefDocx(ctx: Ctx, month: string, caseIds: string[]): Promise<{ body: Buffer; fileName: string }> {
  const { consolidated: _c, ...p } = await briefPreview(ctx, month);
  const c = ctx.actor.countyCode;
  const [rows, events] = await Promise.all([repo.casesForBrief(ctx.db, c, caseIds), repo.eventsForCases(ctx.db, c, caseIds)]);
  if (rows.length !== caseIds.length) throw new AppError('NOT_FOUND', '所选典型案例中有个案不存在，或您无权查看');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const stories = caseIds.map((id) => {
    const r = byId.get(id)!;
    return caseStory({
      childName: r.child_name,
      gender: r.gender,
      grade: r.grade === null ? null : Number(r.grade),
      townshipName: r.township_name,
      status: r.status,
      source: r.source,
      reportedOn: r.reported_on,
      dropoutKind: r.dropout_kind,
      cause: r.cause,
      events: events
        .filter((e) => e.case_id === id)
        .map((e) => ({ type: e.type, occurredOn: e.occurred_on, toStatus: e.to_status, data: e.data ?? {} })),
    });
  });
  const body = await renderDocx(briefSpec(p, stories, shanghaiToday(ctx.now)));
  await inTx(ctx, (tx) =>
    audit(tx, ctx, { action: 'brief.exported', targetType: 'brief', targetId: `${c}:${month}`, data: { month, caseIds } }),
  );
  return { body, fileName: `控辍保学简报-${p.monthLabel}.docx` };
}
