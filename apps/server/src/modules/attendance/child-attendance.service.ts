import {
  currentUnexplainedStreak,
  isSchoolDay,
  LEAVE_STATUS_LABELS,
  shanghaiToday,
  termStartWindow,
  type AbsenceReason,
  type ChildAttendanceDto,
  type ContactResult,
  type LeaveStatus,
} from '@notoneless/shared';
import { sql } from 'drizzle-orm';
import { notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { childVisible } from '../../policies/actor';
import { findChild } from '../children/children.repository';
import { getSchoolCalendar } from '../settings/settings.service';
import { openAlertCount } from './absence-alerts.repository';
import { childMarks } from './attendance-views.repository';
import { listWhere } from './leaves.repository';

/**
 * The child's page (issue 6, item 6): attendance rate this term (reported school days, 迟到 counts as present),
 * the current streak of unexplained absence, the last absences, open alerts and recent leaves. Audited (personal data).
 */
export async function childAttendance(ctx: Ctx, childId: string): Promise<ChildAttendanceDto> {
  const county = ctx.actor.countyCode;
  const found = await findChild(ctx.db, county, childId);
  if (!found || !childVisible(ctx.actor.scope, found.child)) throw notFound('儿童');
  const today = shanghaiToday(ctx.now);
  const cal = await getSchoolCalendar(ctx.db, county);
  const w = termStartWindow(today, cal);
  const from = w?.term.startDate ?? today;
  const to = w && w.term.endDate < today ? w.term.endDate : today;
  const [{ marks, reported }, alerts, leaves] = await Promise.all([
    childMarks(ctx.db, county, childId, found.child.classId, from, to),
    openAlertCount(ctx.db, county, childId),
    listWhere(ctx.db, sql`l.county_code = ${county} and l.child_id = ${childId}`, 10, 0),
  ]);
  const days = new Set([...reported, ...marks.map((m) => m.date)].filter((d) => isSchoolDay(d, cal)));
  const absent = marks.filter((m) => m.reason !== '迟到' && days.has(m.date));
  const unexplained = new Set(marks.filter((m) => m.reason === '无故缺勤').map((m) => m.date));
  const latest = [...days].sort().pop() ?? null;
  const dto: ChildAttendanceDto = {
    childId,
    termName: w?.term.name ?? null,
    reportedDays: days.size,
    absentDays: absent.length,
    unexplainedDays: unexplained.size,
    lateDays: marks.filter((m) => m.reason === '迟到').length,
    rate: days.size ? Math.round(((days.size - absent.length) / days.size) * 10000) / 10000 : null,
    currentStreak: currentUnexplainedStreak(unexplained, days, latest, cal),
    lastAbsences: marks.slice(0, 10).map((m) => ({
      date: m.date,
      reason: m.reason as AbsenceReason,
      contactResult: m.contactResult as ContactResult | null,
      note: m.note,
    })),
    openAlerts: alerts,
    leaves: leaves.map((l) => ({
      id: l.id,
      kind: l.kind as '病假' | '事假',
      from: l.fromDate,
      to: l.toDate,
      status: l.status as LeaveStatus,
      statusLabel: LEAVE_STATUS_LABELS[l.status as LeaveStatus] ?? l.status,
      overdueReturn: l.status === 'approved' && !l.closedOn && l.toDate < today,
    })),
  };
  await inTx(ctx, (tx) => audit(tx, ctx, { action: 'attendance.child_viewed', targetType: 'child', targetId: childId, childId }));
  return dto;
}
