import { sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import {
  ABSENCE_ALERT_RULE_LABELS,
  ABSENCE_ALERT_STATUS_LABELS,
  absenceAlerts,
  addCalendarDays,
  alertRunKey,
  type AbsenceAlertDecisionBody,
  type AbsenceAlertDto,
  type AbsenceAlertStatus,
  type CountySettings,
  type SchoolCalendar,
} from '@notoneless/shared';
import type { DbOrTx } from '../../db/client';
import { AppError, notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { childVisible } from '../../policies/actor';
import { canDecideAlert, canUseAttendance } from '../../policies/attendance.policy';
import { authorize } from '../../policies/org.policy';
import { openCaseFromAttendance } from '../cases/case-open';
import { findChild } from '../children/children.repository';
import * as repo from './absence-alerts.repository';
import { unexplainedSince } from './attendance-reports.repository';
import { iso } from './attendance-format';

/**
 * Absence rules that open cases (issue 6, item 4): after each report, absenceAlerts() runs for the children it marks
 * 无故缺勤; each alert is kept once per child, rule and run (alertRunKey). The school confirms (→ 疑似辍学 case through
 * openCaseFromAttendance) or dismisses with a reason.
 */
export async function raiseAlerts(
  tx: DbOrTx,
  ctx: Ctx,
  v: { childIds: string[]; date: string; classId: string; schoolId: string; settings: CountySettings; cal: SchoolCalendar },
): Promise<number> {
  if (!v.childIds.length) return 0;
  const county = ctx.actor.countyCode;
  // a run of N school days or a month fits in 62 calendar days, except across long holidays (winter break): 120 is ample
  const marks = await unexplainedSince(tx, county, v.childIds, addCalendarDays(v.date, -120), v.date);
  const byChild = new Map<string, { date: string; reason: '无故缺勤' }[]>();
  for (const m of marks) byChild.set(m.childId, [...(byChild.get(m.childId) ?? []), { date: m.date, reason: '无故缺勤' }]);
  let raised = 0;
  for (const [childId, list] of byChild) {
    for (const a of absenceAlerts(list, v.date, v.settings, v.cal)) {
      const created = await repo.upsertAlert(tx, {
        countyCode: county,
        id: uuidv7(),
        childId,
        classId: v.classId,
        schoolId: v.schoolId,
        rule: a.rule,
        runKey: alertRunKey(a, v.cal),
        lastDate: a.lastDate,
        streak: a.streak,
        label: a.label,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      if (created) raised++;
    }
  }
  return raised;
}

const present = (ctx: Ctx, r: repo.AlertListRow): AbsenceAlertDto => ({
  id: r.id,
  childId: r.childId,
  name: r.name,
  gender: r.gender,
  classId: r.classId,
  className: r.className,
  schoolName: r.schoolName,
  rule: r.rule as 'consecutive' | 'monthly',
  ruleLabel: ABSENCE_ALERT_RULE_LABELS[r.rule as 'consecutive' | 'monthly'] ?? r.rule,
  streak: r.streak,
  lastDate: r.lastDate,
  label: r.label,
  status: r.status as AbsenceAlertStatus,
  statusLabel: ABSENCE_ALERT_STATUS_LABELS[r.status as AbsenceAlertStatus] ?? r.status,
  decidedByName: r.decidedByName,
  decidedAt: r.decidedAt ? iso(r.decidedAt) : null,
  reason: r.reason,
  caseId: r.caseId,
  createdAt: iso(r.createdAt),
  abilities: { decide: r.status === 'open' && canDecideAlert(ctx.actor, r.schoolId) },
});

type AlertQuery = { page: number; pageSize: number; status?: AbsenceAlertStatus; classId?: string; schoolId?: string };

/** Alerts listed to the teacher (their class) and the school (and above, within scope). */
export async function listAlerts(ctx: Ctx, q: AlertQuery) {
  const page = await alertPage(ctx, q);
  await inTx(ctx, (tx) =>
    audit(tx, ctx, { action: 'absence_alerts.viewed', targetType: 'absence_alert', data: { ...q, shown: page.items.length } }),
  );
  return page;
}

/** A page of alerts (not audited: listAlerts and the export audit what they show). */
export async function alertPage(ctx: Ctx, q: AlertQuery) {
  authorize(canUseAttendance(ctx.actor), '您的角色不能查看缺勤预警');
  const conds: SQL[] = [sql`a.county_code = ${ctx.actor.countyCode}`, repo.alertScopeSql(ctx.actor)];
  if (q.status) conds.push(sql`a.status = ${q.status}`);
  if (q.classId) conds.push(sql`a.class_id = ${q.classId}`);
  if (q.schoolId) conds.push(sql`a.school_id = ${q.schoolId}`);
  const where = sql.join(conds, sql` and `);
  const [items, total] = await Promise.all([
    repo.listAlerts(ctx.db, where, q.pageSize, (q.page - 1) * q.pageSize),
    repo.countAlerts(ctx.db, where),
  ]);
  return { items: items.map((r) => present(ctx, r)), total, page: q.page, pageSize: q.pageSize };
}

/** The school confirms (a 疑似辍学 case opens, or the open case gets a note) or dismisses with a reason. */
export async function decideAlert(ctx: Ctx, id: string, body: AbsenceAlertDecisionBody): Promise<AbsenceAlertDto> {
  const county = ctx.actor.countyCode;
  return inTx(ctx, async (tx) => {
    const a = await repo.findAlert(tx, county, id, true);
    if (!a) throw notFound('缺勤预警');
    const child = await findChild(tx, county, a.childId);
    if (!child || !childVisible(ctx.actor.scope, { ...child.child })) throw notFound('缺勤预警');
    authorize(canDecideAlert(ctx.actor, a.schoolId), '缺勤预警由学校确认或排除');
    if (a.status !== 'open')
      throw new AppError('CONFLICT', `该预警已处理（${ABSENCE_ALERT_STATUS_LABELS[a.status as AbsenceAlertStatus]}），请刷新`);
    const decided = { decidedBy: ctx.actor.userId, decidedByName: ctx.actor.displayName, decidedAt: ctx.now, updatedAt: ctx.now };
    if (body.decision === 'dismiss') {
      await repo.decideAlert(tx, county, id, { ...decided, status: 'dismissed', reason: body.reason });
      await audit(tx, ctx, {
        action: 'absence_alert.dismissed',
        targetType: 'absence_alert',
        targetId: id,
        childId: a.childId,
        data: { reason: body.reason },
      });
    } else {
      const text = `${a.label}（截至 ${a.lastDate}）${body.text ? `：${body.text}` : ''}`;
      const opened = await openCaseFromAttendance(tx, ctx, {
        childId: a.childId,
        reportedOn: a.lastDate,
        text,
        data: { alertId: id, rule: a.rule, streak: a.streak },
      });
      await repo.decideAlert(tx, county, id, { ...decided, status: 'case_opened', caseId: opened.caseId, reason: body.text ?? null });
      await audit(tx, ctx, {
        action: 'absence_alert.confirmed',
        targetType: 'absence_alert',
        targetId: id,
        childId: a.childId,
        data: { caseId: opened.caseId, created: opened.created },
      });
    }
    const after = await repo.findAlert(tx, county, id);
    return present(ctx, after!);
  });
}
