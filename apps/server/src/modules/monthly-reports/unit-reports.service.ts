import { sql } from 'drizzle-orm';
import { MONTHLY_REPORT_STATUS_LABELS, statisticsDay, sumFigures, UNIT_REPORT_ACTION_LABELS, type UnitReport } from '@notoneless/shared';
import { rows, type DbOrTx } from '../../db/client';
import { AppError, notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { authorize } from '../../policies/org.policy';
import { canOpenMonthlyReports, canReviewUnitReport, canSubmitUnitReport, unitReportVisible } from '../../policies/monthly-reports.policy';
import * as repo from './monthly-reports.repository';
import { presentReportRow } from './report-row.presenter';
import { actorOf, submittedColumns, writeReview } from './review-write';
import { frozenOf, monthContext, type MonthContext } from './monthly-reports.service';
import { notAcceptedRefusal, schoolsNotAccepted, unitReviewRefusal, unitSubmitPlan } from './unit-report-rules';
import { loadUnitStates, summaryOf, type UnitState } from './unit-report-state';
import * as unitRepo from './unit-reports.repository';
import type { UnitFrozen, UnitInfo } from './unit-reports.repository';

/**
 * 乡镇月报 (seed 002 二: 「各乡镇中心校、局属义务教育阶段学校每月上报上一个月的控辍保学动态数据」): the 中心校 reports
 * its township to the county once every school's current version is accepted. Nothing is typed: the submission freezes
 * the sums of the schools' frozen figures (as consolidateMonth sums them) into a monthly_reports row of level 'unit'.
 * The county accepts (接收) or returns it with a comment. A school's correction afterwards makes it outdated: the
 * 中心校 submits again once that school is accepted again. Every step is an event and an audit row, in one transaction.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function visibleUnit(ctx: Ctx, unitId: string): Promise<UnitInfo> {
  authorize(canOpenMonthlyReports(ctx.actor), '您的角色没有月报');
  if (!UUID.test(unitId) || !unitReportVisible(ctx.actor, unitId)) throw notFound('中心校');
  const unit = await unitRepo.findUnit(ctx.db, ctx.actor.countyCode, unitId);
  if (!unit || unit.kind === 'bureau') throw notFound('中心校');
  return unit;
}

function checkMonth(month: string, today: string) {
  if (month > today.slice(0, 7)) throw new AppError('BAD_REQUEST', '该月份尚未开始，不能生成月报');
}

async function stateOf(ctx: Pick<Ctx, 'actor'>, db: DbOrTx, unit: UnitInfo, month: string): Promise<UnitState> {
  const [state] = await loadUnitStates(db, ctx.actor.countyCode, month, [unit.id]);
  if (!state) throw notFound('中心校');
  return state;
}

async function present(ctx: Ctx, mc: MonthContext, unit: UnitInfo, month: string): Promise<UnitReport> {
  const county = ctx.actor.countyCode;
  const state = await stateOf(ctx, ctx.db, unit, month);
  const versions = await unitRepo.unitVersionsOf(ctx.db, county, unit.id, month);
  const events = await repo.eventsOf(
    ctx.db,
    county,
    versions.map((v) => v.id),
  );
  const row = state.row;
  const frozenVersion = new Map((state.frozen?.schools ?? []).map((s) => [s.schoolId, s.version]));
  const notAccepted = schoolsNotAccepted(state.schools);
  const monthEnded = mc.today.slice(0, 7) > month;
  const mayPrepare = canSubmitUnitReport(ctx.actor, unit);
  const plan = unitSubmitPlan(state.status, state.outdated);
  return {
    ...summaryOf(state, month),
    townshipName: unit.townshipName,
    currentVersion: row?.version ?? 1,
    figures: state.frozen?.figures ?? null,
    schools: state.schools.map((s) => ({
      schoolId: s.schoolId,
      schoolName: s.schoolName,
      status: s.status,
      statusLabel: MONTHLY_REPORT_STATUS_LABELS[s.status],
      version: s.version,
      frozenVersion: frozenVersion.get(s.schoolId) ?? null,
    })),
    notAccepted: notAccepted.map((s) => ({
      schoolId: s.schoolId,
      schoolName: s.schoolName,
      statusLabel: MONTHLY_REPORT_STATUS_LABELS[s.status],
    })),
    ...presentReportRow(row, events, UNIT_REPORT_ACTION_LABELS),
    can: {
      /** the 中心校 (or the county for it): sees what it waits for */
      prepare: mayPrepare && monthEnded && 'plan' in plan,
      submit: mayPrepare && monthEnded && 'plan' in plan && state.schools.length > 0 && notAccepted.length === 0,
      review: canReviewUnitReport(ctx.actor) && state.status === 'submitted',
    },
  };
}

export async function getUnitReport(ctx: Ctx, unitId: string, month: string): Promise<UnitReport> {
  const unit = await visibleUnit(ctx, unitId);
  const mc = await monthContext(ctx);
  checkMonth(month, mc.today);
  return present(ctx, mc, unit, month);
}

export async function submitUnitReport(ctx: Ctx, unitId: string, month: string): Promise<UnitReport> {
  const unit = await visibleUnit(ctx, unitId);
  authorize(canSubmitUnitReport(ctx.actor, unit), '只有本中心校或县教育局可以上报乡镇月报');
  const mc = await monthContext(ctx);
  checkMonth(month, mc.today);
  if (mc.today.slice(0, 7) <= month) throw new AppError('CONFLICT', '该月尚未结束，月底后再上报');
  const county = ctx.actor.countyCode;
  await inTx(ctx, async (tx) => {
    // one submission of a unit at a time (the first one inserts the row)
    await rows(tx, sql`select id from management_units where county_code = ${county} and id = ${unit.id} for update`);
    const state = await stateOf(ctx, tx, unit, month);
    const waiting = notAcceptedRefusal(state.schools);
    if (waiting) throw new AppError('CONFLICT', waiting);
    const plan = unitSubmitPlan(state.status, state.outdated);
    if ('refusal' in plan) throw new AppError('CONFLICT', plan.refusal);
    const { asOf } = statisticsDay(month, mc.today, mc.cal);
    const frozen: UnitFrozen = {
      figures: sumFigures(
        month,
        asOf,
        state.schools.map((s) => frozenOf(state.schoolRows.get(s.schoolId)!).figures),
      ),
      schools: state.schools.map((s) => ({ schoolId: s.schoolId, schoolName: s.schoolName, reportId: s.reportId!, version: s.version })),
    };
    const changed = state.frozen
      ? state.schools
          .filter((s) => state.frozen!.schools.find((f) => f.schoolId === s.schoolId)?.reportId !== s.reportId)
          .map((s) => `${s.schoolName}第 ${s.version} 版`)
      : [];
    const version = plan.plan === 'new_version' ? state.row!.version + 1 : (state.row?.version ?? 1);
    const id =
      plan.plan === 'update'
        ? state.row!.id
        : await unitRepo.insertUnitReport(tx, {
            countyCode: county,
            unitId: unit.id,
            month,
            version,
            correctionReason: plan.plan === 'new_version' ? `学校月报已更正：${changed.join('、') || '学校有变化'}` : null,
            now: ctx.now,
          });
    await repo.updateReport(tx, county, id, { ...submittedColumns(ctx, frozen), reviewComment: null });
    await repo.addEvent(tx, {
      countyCode: county,
      reportId: id,
      action: 'submit',
      ...actorOf(ctx),
      comment: changed.length ? `学校月报更正后重新上报（${changed.join('、')}）` : null,
    });
    await audit(tx, ctx, {
      action: 'monthly_unit_report.submitted',
      targetType: 'monthly_report',
      targetId: id,
      data: {
        unitId: unit.id,
        month,
        version,
        schools: frozen.schools.length,
        enrolled: frozen.figures.enrolled.count,
        attending: frozen.figures.attending.count,
        gap: frozen.figures.gap,
      },
    });
  });
  return present(ctx, mc, unit, month);
}

export async function reviewUnitReport(
  ctx: Ctx,
  id: string,
  body: { decision: 'return' | 'accept'; comment: string },
): Promise<UnitReport> {
  authorize(canOpenMonthlyReports(ctx.actor), '您的角色没有月报');
  const county = ctx.actor.countyCode;
  const found = UUID.test(id) ? await repo.findReport(ctx.db, county, id) : null;
  if (!found || found.level !== 'unit' || !found.unitId || !unitReportVisible(ctx.actor, found.unitId)) throw notFound('乡镇月报');
  const unit = await visibleUnit(ctx, found.unitId);
  authorize(canReviewUnitReport(ctx.actor), '乡镇月报由县教育局接收或退回');
  const mc = await monthContext(ctx);
  await inTx(ctx, async (tx) => {
    const row = await repo.lockReport(tx, county, id);
    if (!row) throw notFound('乡镇月报');
    const state = await stateOf(ctx, tx, unit, row.month);
    if (state.row?.id !== row.id) throw new AppError('CONFLICT', '该版本已被重新上报，请审核最新版本');
    const refusal = unitReviewRefusal(state.status, state.outdated, body.decision);
    if (refusal) throw new AppError('CONFLICT', refusal);
    await writeReview(tx, ctx, {
      county,
      id,
      decision: body.decision,
      comment: body.comment,
      actions: { accept: 'monthly_unit_report.accepted', return: 'monthly_unit_report.returned' },
      data: { unitId: unit.id, month: row.month, version: row.version },
    });
  });
  return present(ctx, mc, unit, found.month);
}
