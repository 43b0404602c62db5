import {
  explanationsSchema,
  isFrozenStatus,
  isReportLate,
  maskIdNumber,
  monthlyReportNext,
  monthlyReportRefusal,
  MONTHLY_REPORT_ACTION_LABELS,
  MONTHLY_REPORT_STATUS_LABELS,
  MONTHLY_REPORT_STATUSES,
  reportDueOn,
  shanghaiToday,
  type DrillDown,
  type Explanations,
  type MonthlyReport,
  type MonthlyReportAction,
  type MonthlyReportListItem,
  type MonthlyReportStatus,
  type CountySettings,
  type SchoolCalendar,
  monthlyReportListQuerySchema,
} from '@notoneless/shared';
import type { z } from 'zod';
import { AppError, notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { authorize } from '../../policies/org.policy';
import { getCountySettings, getSchoolCalendar } from '../settings/settings.service';
import { computeSchoolMonth, type SchoolMonth } from './monthly-figures.repository';
import {
  canCorrectMonthlyReport,
  canFillMonthlyReport,
  canOpenMonthlyReports,
  canReviewMonthlyReport,
  monthlyReportSchools,
  monthlyReportVisible,
} from '../../policies/monthly-reports.policy';
import * as repo from './monthly-reports.repository';
import { presentReportRow } from './report-row.presenter';
import { actorOf, submittedColumns, writeReview } from './review-write';
import type { FrozenFigures, ReportRow, SchoolInfo } from './monthly-reports.repository';

/**
 * 月报 (issue 7 items 1–2; seed 002 二): a school's month computed live while it is a draft or returned, frozen on
 * submission; reviewed by its 中心校 (or the county for a 局属 school); corrected by a new version with its reason.
 * Every step is audited and recorded in monthly_report_events.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type MonthContext = { settings: CountySettings; cal: SchoolCalendar; today: string };

export async function monthContext(ctx: Ctx): Promise<MonthContext> {
  const county = ctx.actor.countyCode;
  const [settings, cal] = await Promise.all([getCountySettings(ctx.db, county), getSchoolCalendar(ctx.db, county)]);
  return { settings, cal, today: shanghaiToday(ctx.now) };
}

export const defaultMonth = (today: string) => {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

function checkMonth(month: string, today: string) {
  if (month > today.slice(0, 7)) throw new AppError('BAD_REQUEST', '该月份尚未开始，不能生成月报');
}

async function visibleSchool(ctx: Ctx, schoolId: string): Promise<SchoolInfo> {
  authorize(canOpenMonthlyReports(ctx.actor), '您的角色没有月报');
  if (!UUID.test(schoolId) || !monthlyReportVisible(ctx.actor, schoolId)) throw notFound('学校');
  const school = await repo.findSchool(ctx.db, ctx.actor.countyCode, schoolId);
  if (!school) throw notFound('学校');
  return school;
}

const statusOf = (row: ReportRow | undefined): MonthlyReportStatus => (row ? (row.status as MonthlyReportStatus) : 'not_started');
const explanationsOf = (row: ReportRow | undefined): Explanations => explanationsSchema.parse(row?.explanations ?? {});

/** Live figures of a school's month with the school's explanations. */
export function computeLive(ctx: Pick<Ctx, 'db' | 'actor'>, mc: MonthContext, schoolId: string, month: string, ex: Explanations) {
  return computeSchoolMonth(ctx.db, {
    countyCode: ctx.actor.countyCode,
    schoolId,
    month,
    today: mc.today,
    cal: mc.cal,
    explanations: ex.children,
  });
}

/** The frozen figures of a submitted/accepted version (figures are never sent with their member ids). */
export const frozenOf = (row: ReportRow): FrozenFigures => row.figures as FrozenFigures;

function abilities(ctx: Ctx, school: SchoolInfo, status: MonthlyReportStatus, monthEnded: boolean) {
  const fill = canFillMonthlyReport(ctx.actor, school.id);
  return {
    explain: fill && monthlyReportNext(status, 'explain') !== null,
    submit: fill && monthEnded && monthlyReportNext(status, 'submit') !== null,
    review: canReviewMonthlyReport(ctx.actor, school) && status === 'submitted',
    correct: canCorrectMonthlyReport(ctx.actor, school.id) && monthlyReportNext(status, 'correct') !== null,
    export: true,
  };
}

/**
 * The report of a school's month: its current version, or (version = N) an earlier version as it was — its frozen
 * figures, its explanations and the events up to it, with no actions (a superseded version is never acted on).
 */
async function present(
  ctx: Ctx,
  mc: MonthContext,
  school: SchoolInfo,
  month: string,
  live?: SchoolMonth,
  version?: number,
): Promise<MonthlyReport> {
  const county = ctx.actor.countyCode;
  const versions = await repo.versionsOf(ctx.db, county, school.id, month);
  const current = versions[0];
  const row = version === undefined || version === current?.version ? current : versions.find((v) => v.version === version);
  if (version !== undefined && !row && !(version === 1 && !current)) throw notFound('版本的月报');
  const superseded = row !== undefined && current !== undefined && row.version < current.version;
  const status = statusOf(row);
  const explanations = explanationsOf(row);
  const frozen = row && (isFrozenStatus(status) || superseded) && row.figures ? frozenOf(row) : null;
  const figures = frozen ? frozen.figures : (live ?? (await computeLive(ctx, mc, school.id, month, explanations))).figures;
  const shownVersions = superseded ? versions.filter((v) => v.version <= row.version) : versions;
  const events = await repo.eventsOf(
    ctx.db,
    county,
    shownVersions.map((v) => v.id),
  );
  const dueOn = reportDueOn(month, mc.settings.monthlyReportDueDay);
  const firstSubmittedOn = await repo.firstSubmittedOn(ctx.db, county, school.id, month);
  const monthEnded = mc.today.slice(0, 7) > month;
  return {
    id: row?.id ?? null,
    level: 'school',
    schoolId: school.id,
    unitId: school.unitId,
    unitName: school.name,
    townshipName: school.townshipName,
    month,
    version: row?.version ?? 1,
    currentVersion: current?.version ?? 1,
    supersededBy: superseded ? (versions.find((v) => v.version === row!.version + 1) ?? current).version : null,
    versions: versions.map((v) => ({ id: v.id, version: v.version, status: v.status, correctionReason: v.correctionReason })),
    status,
    statusLabel: MONTHLY_REPORT_STATUS_LABELS[status],
    figuresSource: frozen ? 'frozen' : 'live',
    computedAt: (frozen && row?.computedAt ? row.computedAt : ctx.now).toISOString(),
    figures,
    explanations,
    dueOn,
    late: isReportLate({ dueOn, today: mc.today, firstSubmittedOn }),
    ...presentReportRow(row, events, MONTHLY_REPORT_ACTION_LABELS),
    can: superseded
      ? { explain: false, submit: false, review: false, correct: false, export: false }
      : abilities(ctx, school, status, monthEnded),
  };
}

export async function getReport(ctx: Ctx, schoolId: string, month: string, version?: number): Promise<MonthlyReport> {
  const school = await visibleSchool(ctx, schoolId);
  const mc = await monthContext(ctx);
  checkMonth(month, mc.today);
  return present(ctx, mc, school, month, undefined, version);
}

export async function listReports(ctx: Ctx, q: z.infer<typeof monthlyReportListQuerySchema>) {
  authorize(canOpenMonthlyReports(ctx.actor), '您的角色没有月报');
  const county = ctx.actor.countyCode;
  const mc = await monthContext(ctx);
  const month = q.month ?? defaultMonth(mc.today);
  checkMonth(month, mc.today);
  const schools = await repo.listSchools(ctx.db, county, {
    schoolIds: monthlyReportSchools(ctx.actor),
    townshipCode: q.townshipCode,
    schoolId: q.schoolId,
  });
  const bySchool = await repo.currentBySchool(ctx.db, county, month, schools);
  const dueOn = reportDueOn(month, mc.settings.monthlyReportDueDay);
  const all: MonthlyReportListItem[] = schools.map((s) => {
    const r = bySchool.get(s.id);
    const status = statusOf(r);
    const f = r && isFrozenStatus(status) && r.figures ? frozenOf(r).figures : null;
    return {
      id: r?.id ?? null,
      schoolId: s.id,
      schoolName: s.name,
      townshipCode: s.townshipCode,
      townshipName: s.townshipName,
      month,
      version: r?.version ?? 1,
      status,
      statusLabel: MONTHLY_REPORT_STATUS_LABELS[status],
      dueOn,
      late: isReportLate({ dueOn, today: mc.today, firstSubmittedOn: r?.firstSubmittedOn ?? null }),
      enrolled: f?.enrolled.count ?? null,
      attending: f?.attending.count ?? null,
      gap: f?.gap ?? null,
      unexplained: f?.unexplained.count ?? null,
      submittedAt: r?.submittedAt?.toISOString() ?? null,
    };
  });
  const counts = Object.fromEntries(MONTHLY_REPORT_STATUSES.map((st) => [st, all.filter((i) => i.status === st).length])) as Record<
    MonthlyReportStatus,
    number
  >;
  return { month, dueOn, items: q.status ? all.filter((i) => i.status === q.status) : all, counts };
}

function refuse(status: MonthlyReportStatus, action: MonthlyReportAction) {
  const why = monthlyReportRefusal(status, action);
  if (why) throw new AppError('CONFLICT', why);
}

export async function saveExplanations(ctx: Ctx, schoolId: string, month: string, body: Explanations): Promise<MonthlyReport> {
  const school = await visibleSchool(ctx, schoolId);
  authorize(canFillMonthlyReport(ctx.actor, school.id), '只有本校可以填写月报说明');
  const mc = await monthContext(ctx);
  checkMonth(month, mc.today);
  const county = ctx.actor.countyCode;
  const ids = Object.keys(body.children);
  if (ids.some((id) => !UUID.test(id))) throw new AppError('BAD_REQUEST', '说明中的学生编号格式不正确');
  const own = await repo.childrenOfSchool(ctx.db, county, school.id, ids);
  if (ids.some((id) => !own.has(id))) throw new AppError('BAD_REQUEST', '只能对本校在籍学生填写说明');
  await inTx(ctx, async (tx) => {
    const [row] = await repo.versionsOf(tx, county, school.id, month);
    const status = statusOf(row);
    refuse(status, 'explain');
    let id = row?.id;
    if (!row)
      id = await repo.insertReport(tx, {
        countyCode: county,
        schoolId: school.id,
        unitId: school.unitId,
        month,
        version: 1,
        status: 'draft',
        explanations: body,
        now: ctx.now,
      });
    else await repo.updateReport(tx, county, row.id, { explanations: body, updatedAt: ctx.now });
    await repo.addEvent(tx, {
      countyCode: county,
      reportId: id!,
      action: 'explain',
      ...actorOf(ctx),
      comment: `说明 ${ids.length} 名学生${body.note ? '，附备注' : ''}`,
    });
    await audit(tx, ctx, {
      action: 'monthly_report.explained',
      targetType: 'monthly_report',
      targetId: id!,
      data: { schoolId: school.id, month, children: ids.length },
    });
  });
  return present(ctx, mc, school, month);
}

export async function submit(ctx: Ctx, schoolId: string, month: string): Promise<MonthlyReport> {
  const school = await visibleSchool(ctx, schoolId);
  authorize(canFillMonthlyReport(ctx.actor, school.id), '只有本校可以上报月报');
  const mc = await monthContext(ctx);
  checkMonth(month, mc.today);
  if (mc.today.slice(0, 7) <= month) throw new AppError('CONFLICT', '该月尚未结束，月底后再上报');
  const county = ctx.actor.countyCode;
  await inTx(ctx, async (tx) => {
    const [head] = await repo.versionsOf(tx, county, school.id, month);
    const row = head ? await repo.lockReport(tx, county, head.id) : null;
    const status = statusOf(row ?? undefined);
    refuse(status, 'submit');
    const explanations = explanationsOf(row ?? undefined);
    const computed = await computeSchoolMonth(tx, {
      countyCode: county,
      schoolId: school.id,
      month,
      today: mc.today,
      cal: mc.cal,
      explanations: explanations.children,
    });
    const n = computed.figures.unexplained.count;
    if (n > 0) throw new AppError('CONFLICT', `尚有 ${n} 名学生未说明在籍不在校的原因，请逐一说明后再上报`);
    const frozen: FrozenFigures = computed;
    let id = row?.id;
    const set = submittedColumns(ctx, frozen);
    if (!row) {
      id = await repo.insertReport(tx, {
        countyCode: county,
        schoolId: school.id,
        unitId: school.unitId,
        month,
        version: 1,
        status: 'submitted',
        explanations,
        now: ctx.now,
      });
    }
    await repo.updateReport(tx, county, id!, set);
    await repo.addEvent(tx, { countyCode: county, reportId: id!, action: 'submit', ...actorOf(ctx) });
    await audit(tx, ctx, {
      action: 'monthly_report.submitted',
      targetType: 'monthly_report',
      targetId: id!,
      data: {
        schoolId: school.id,
        month,
        version: row?.version ?? 1,
        enrolled: computed.figures.enrolled.count,
        attending: computed.figures.attending.count,
        gap: computed.figures.gap,
      },
    });
  });
  return present(ctx, mc, school, month);
}

export async function review(ctx: Ctx, id: string, body: { decision: 'return' | 'accept'; comment: string }): Promise<MonthlyReport> {
  authorize(canOpenMonthlyReports(ctx.actor), '您的角色没有月报');
  const county = ctx.actor.countyCode;
  const found = UUID.test(id) ? await repo.findReport(ctx.db, county, id) : null;
  if (!found?.schoolId || !monthlyReportVisible(ctx.actor, found.schoolId)) throw notFound('月报');
  const school = await visibleSchool(ctx, found.schoolId);
  authorize(
    canReviewMonthlyReport(ctx.actor, school),
    school.unitKind === 'bureau' ? '局属学校的月报由县教育局审核' : '只有本校所属中心校或县教育局可以审核',
  );
  const mc = await monthContext(ctx);
  await inTx(ctx, async (tx) => {
    const row = await repo.lockReport(tx, county, id);
    if (!row) throw notFound('月报');
    const [head] = await repo.versionsOf(tx, county, school.id, row.month);
    if (head.id !== row.id) throw new AppError('CONFLICT', '该版本已被更正，请审核最新版本');
    refuse(statusOf(row), body.decision);
    await writeReview(tx, ctx, {
      county,
      id,
      decision: body.decision,
      comment: body.comment,
      actions: { accept: 'monthly_report.accepted', return: 'monthly_report.returned' },
      data: { schoolId: school.id, month: row.month, version: row.version },
    });
  });
  const row = await repo.findReport(ctx.db, county, id);
  return present(ctx, mc, school, row!.month);
}

export async function correct(ctx: Ctx, schoolId: string, month: string, reason: string): Promise<MonthlyReport> {
  const school = await visibleSchool(ctx, schoolId);
  authorize(canCorrectMonthlyReport(ctx.actor, school.id), '只有本校或县教育局可以更正月报');
  const mc = await monthContext(ctx);
  const county = ctx.actor.countyCode;
  await inTx(ctx, async (tx) => {
    const [head] = await repo.versionsOf(tx, county, school.id, month);
    const row = head ? await repo.lockReport(tx, county, head.id) : null;
    refuse(statusOf(row ?? undefined), 'correct');
    const id = await repo.insertReport(tx, {
      countyCode: county,
      schoolId: school.id,
      unitId: school.unitId,
      month,
      version: row!.version + 1,
      status: 'draft',
      explanations: explanationsOf(row!),
      correctionReason: reason,
      now: ctx.now,
    });
    await repo.addEvent(tx, { countyCode: county, reportId: id, action: 'correct', ...actorOf(ctx), comment: reason });
    await audit(tx, ctx, {
      action: 'monthly_report.corrected',
      targetType: 'monthly_report',
      targetId: id,
      data: { schoolId: school.id, month, version: row!.version + 1, previousId: row!.id, reason },
    });
  });
  return present(ctx, mc, school, month);
}

/** The children behind a figure: frozen members of a submitted version, else computed now. Audited (names of children). */
export async function drillDown(ctx: Ctx, idOrKey: string, figureKey: string): Promise<DrillDown> {
  authorize(canOpenMonthlyReports(ctx.actor), '您的角色没有月报');
  const county = ctx.actor.countyCode;
  const mc = await monthContext(ctx);
  let school: SchoolInfo;
  let source: repo.FrozenFigures;
  let reportId: string | null = null;
  let month: string;
  const composite = /^([0-9a-f-]{36})_(\d{4}-\d{2})$/i.exec(idOrKey);
  if (composite) {
    school = await visibleSchool(ctx, composite[1]);
    month = composite[2];
    checkMonth(month, mc.today);
    const [row] = await repo.versionsOf(ctx.db, county, school.id, month);
    if (row) throw new AppError('BAD_REQUEST', '该月已有月报，请按月报编号查看');
    source = await computeLive(ctx, mc, school.id, month, explanationsSchema.parse({}));
  } else {
    const row = UUID.test(idOrKey) ? await repo.findReport(ctx.db, county, idOrKey) : null;
    if (!row?.schoolId || !monthlyReportVisible(ctx.actor, row.schoolId)) throw notFound('月报');
    school = await visibleSchool(ctx, row.schoolId);
    reportId = row.id;
    month = row.month;
    source =
      isFrozenStatus(statusOf(row)) && row.figures ? frozenOf(row) : await computeLive(ctx, mc, school.id, month, explanationsOf(row));
  }
  const label = figureLabel(source.figures, figureKey);
  if (label === null) throw new AppError('NOT_FOUND', '没有这项数据');
  const items = await namedChildren(ctx, [{ source, schoolName: school.name, members: source.members[figureKey] ?? [] }]);
  items.sort(
    (a, b) => (a.grade ?? 0) - (b.grade ?? 0) || (a.className ?? '').localeCompare(b.className ?? '') || a.name.localeCompare(b.name, 'zh'),
  );
  await inTx(ctx, (tx) =>
    audit(tx, ctx, {
      action: 'monthly_report.children_viewed',
      targetType: 'monthly_report',
      targetId: reportId ?? `${school.id}_${month}`,
      data: { schoolId: school.id, month, figureKey, count: items.length },
    }),
  );
  return { figureKey, label, count: items.length, items, truncated: false };
}

/**
 * The children behind members of one or more schools' figures, in the order given: a child of the registry with its ID
 * number masked, or a roster person with no 学籍 (named from the frozen/live rosterPeople).
 */
export async function namedChildren(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  parts: { source: Pick<repo.FrozenFigures, 'rosterPeople'>; schoolName: string; members: { id: string; detail: string }[] }[],
): Promise<DrillDown['items']> {
  const ids = parts.flatMap((p) => p.members.map((m) => m.id)).filter((id) => UUID.test(id));
  const people = await repo.childrenByIds(ctx.db, ctx.actor.countyCode, [...new Set(ids)]);
  const byId = new Map(people.map((p) => [p.id, p]));
  return parts.flatMap(({ source, schoolName, members }) =>
    members.map((m) => {
      const c = byId.get(m.id);
      if (c)
        return {
          childId: c.id,
          name: c.name,
          gender: c.gender,
          idNumberMasked: maskIdNumber(c.idNumber),
          schoolName: c.schoolName ?? '',
          grade: c.grade,
          className: c.className,
          detail: m.detail,
        };
      const r = source.rosterPeople[m.id];
      return {
        childId: m.id,
        name: r?.name ?? '',
        gender: r?.gender ?? '',
        idNumberMasked: '',
        schoolName,
        grade: r?.grade ?? null,
        className: r?.className ?? null,
        detail: m.detail,
      };
    }),
  );
}

/** The label of a figure key of the figures, or null when the key is not one of them. */
export function figureLabel(f: repo.FrozenFigures['figures'], key: string): string | null {
  const all = [
    f.enrolled,
    f.attending,
    f.unexplained,
    f.attendingWithoutRegistry,
    ...f.gapCauses,
    ...f.movements,
    ...f.keyGroups,
    ...f.byGrade.flatMap((g) => [g.enrolled, g.attending]),
  ];
  return all.find((x) => x.key === key)?.label ?? null;
}
