import { sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import {
  countSchoolDays,
  daysAfterUnclosedLeave,
  LEAVE_SAFETY_REMINDER,
  LEAVE_STATUS_LABELS,
  LEAVE_STEP_STATUS_LABELS,
  leaveProblems,
  leaveSteps,
  maskPhone,
  shanghaiToday,
  type LeaveBody,
  type LeaveDto,
  type LeaveStatus,
  type LeaveStep,
  type LeaveStepStatus,
  type SchoolCalendar,
} from '@notoneless/shared';
import type { DbOrTx } from '../../db/client';
import { AppError, notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { childVisible } from '../../policies/actor';
import { canDecideLeaveStep, canEnterLeave, canEnterSomeLeave, canUseLeave } from '../../policies/attendance.policy';
import { authorize } from '../../policies/org.policy';
import { findChild } from '../children/children.repository';
import { getCountySettings, getSchoolCalendar } from '../settings/settings.service';
import { iso } from './attendance-format';
import { removeLeaveAbsences } from './attendance-reports.repository';
import * as repo from './leaves.repository';

/**
 * 请假/销假 (issue 6, item 3; seed 002): steps from leaveSteps() with the child's 脱贫户/监测户 flag, school days from the
 * calendar, each step decided by its holder; 销假 on return. Entering a leave is the 班主任's approval when the
 * 班主任 enters it (the parent asks the teacher; one form, not two).
 */

const POVERTY_GROUPS = ['脱贫户', '监测户'];

function present(ctx: Ctx, l: repo.LeaveListRow, steps: repo.LeaveStepRow[], cal: SchoolCalendar): LeaveDto {
  const today = shanghaiToday(ctx.now);
  const place = { classId: l.classId, schoolId: l.schoolId };
  const current = steps.find((s) => s.status === 'pending');
  const overdueReturn =
    l.status === 'approved' && daysAfterUnclosedLeave({ from: l.fromDate, to: l.toDate }, l.closedOn, today, cal).length > 0;
  return {
    id: l.id,
    childId: l.childId,
    name: l.name,
    gender: l.gender,
    classId: l.classId,
    className: l.className,
    schoolId: l.schoolId,
    schoolName: l.schoolName,
    kind: l.kind as LeaveDto['kind'],
    from: l.fromDate,
    to: l.toDate,
    schoolDays: l.schoolDays,
    povertyGroup: l.povertyGroup,
    reason: l.reason,
    guardianName: l.guardianName,
    guardianPhoneMasked: l.guardianPhone ? maskPhone(l.guardianPhone) : null,
    status: l.status as LeaveStatus,
    statusLabel: LEAVE_STATUS_LABELS[l.status as LeaveStatus] ?? l.status,
    steps: steps.map((s) => ({
      index: s.idx,
      by: s.by as LeaveStep['by'],
      kind: s.kind as LeaveStep['kind'],
      label: s.label,
      status: s.status as LeaveStepStatus,
      statusLabel: LEAVE_STEP_STATUS_LABELS[s.status as LeaveStepStatus] ?? s.status,
      decidedByName: s.decidedByName,
      decidedAt: s.decidedAt ? iso(s.decidedAt) : null,
      comment: s.comment,
    })),
    closedOn: l.closedOn,
    overdueReturn,
    safetyReminder: LEAVE_SAFETY_REMINDER,
    createdByName: l.createdByName,
    createdAt: iso(l.createdAt),
    abilities: {
      decide: !!current && canDecideLeaveStep(ctx.actor, current.by as LeaveStep['by'], place),
      close: (l.status === 'approved' || l.status === 'pending') && canEnterLeave(ctx.actor, place),
    },
  };
}

async function load(db: DbOrTx, ctx: Ctx, id: string, cal: SchoolCalendar): Promise<LeaveDto> {
  const l = await repo.findLeave(db, ctx.actor.countyCode, id);
  if (!l) throw notFound('请假记录');
  return present(ctx, l, await repo.stepsOf(db, ctx.actor.countyCode, [id]), cal);
}

/** The leave if the actor sees it (the child is in scope, or a step waits on them); 404 otherwise. */
async function leaveInScope(db: DbOrTx, ctx: Ctx, id: string) {
  const where = sql`l.county_code = ${ctx.actor.countyCode} and l.id = ${id} and ${repo.leaveScopeSql(ctx.actor)}`;
  const [l] = await repo.listWhere(db, where, 1, 0);
  if (!l) throw notFound('请假记录');
  return l;
}

export async function createLeave(ctx: Ctx, body: LeaveBody): Promise<LeaveDto> {
  authorize(canUseLeave(ctx.actor), '您的角色不能登记请假');
  const county = ctx.actor.countyCode;
  const [settings, cal] = await Promise.all([getCountySettings(ctx.db, county), getSchoolCalendar(ctx.db, county)]);
  if (body.clientKey) {
    const earlier = await repo.findLeaveByClientKey(ctx.db, county, body.clientKey);
    if (earlier) return load(ctx.db, ctx, earlier.id, cal);
  }
  const found = await findChild(ctx.db, county, body.childId);
  if (!found || !childVisible(ctx.actor.scope, found.child)) throw notFound('儿童');
  const place = { classId: found.child.classId, schoolId: found.child.schoolId };
  // a child out of scope answers 404 above; in scope, the 中心校 and the county never enter leave (me.can['leave.enter'])
  authorize(canEnterSomeLeave(ctx.actor) && canEnterLeave(ctx.actor, place), '请假由本班班主任或学校登记');
  return inTx(ctx, async (tx) => {
    const others = await repo.activeLeavesOfChild(tx, county, body.childId);
    const problems = leaveProblems({ from: body.from, to: body.to }, others, cal);
    if (problems.length) throw new AppError('UNPROCESSABLE', problems.join('；'), { problems });
    const schoolDays = countSchoolDays(body.from, body.to, cal);
    const poverty = found.keyGroups.some((g) => POVERTY_GROUPS.includes(g));
    const plan = leaveSteps(schoolDays, poverty, settings);
    const id = uuidv7();
    const byTeacher = canDecideLeaveStep(ctx.actor, 'head_teacher', place);
    const steps = plan.map((s, idx) => ({
      countyCode: county,
      leaveId: id,
      idx,
      by: s.by,
      kind: s.kind,
      label: s.label,
      status: idx === 0 ? (byTeacher ? 'approved' : 'pending') : byTeacher && idx === 1 ? 'pending' : 'waiting',
      ...(idx === 0 && byTeacher ? { decidedBy: ctx.actor.userId, decidedByName: ctx.actor.displayName, decidedAt: ctx.now } : {}),
    }));
    const allDone = steps.every((s) => s.status === 'approved');
    await repo.insertLeave(
      tx,
      {
        countyCode: county,
        id,
        childId: body.childId,
        classId: place.classId,
        schoolId: place.schoolId,
        kind: body.kind,
        fromDate: body.from,
        toDate: body.to,
        schoolDays,
        povertyGroup: poverty,
        reason: body.reason,
        guardianName: body.guardianName,
        guardianPhone: body.guardianPhone ?? null,
        status: allDone ? 'approved' : 'pending',
        createdBy: ctx.actor.userId,
        createdByName: ctx.actor.displayName,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        clientKey: body.clientKey ?? null,
      },
      steps,
    );
    await audit(tx, ctx, {
      action: 'leave.requested',
      targetType: 'leave',
      targetId: id,
      childId: body.childId,
      data: { from: body.from, to: body.to, kind: body.kind, schoolDays, poverty, steps: plan.map((s) => s.by) },
    });
    return load(tx, ctx, id, cal);
  });
}

export async function getLeave(ctx: Ctx, id: string): Promise<LeaveDto> {
  authorize(canUseLeave(ctx.actor), '您的角色不能查看请假');
  const cal = await getSchoolCalendar(ctx.db, ctx.actor.countyCode);
  const l = await leaveInScope(ctx.db, ctx, id);
  return present(ctx, l, await repo.stepsOf(ctx.db, ctx.actor.countyCode, [id]), cal);
}

export type LeaveQuery = {
  page: number;
  pageSize: number;
  status?: LeaveStatus | 'overdue';
  classId?: string;
  schoolId?: string;
  childId?: string;
  waitingForMe?: boolean;
};

export async function listLeaves(ctx: Ctx, q: LeaveQuery) {
  const page = await leavePage(ctx, q);
  await inTx(ctx, (tx) => audit(tx, ctx, { action: 'leaves.viewed', targetType: 'leave', data: { ...q, shown: page.items.length } }));
  return page;
}

/** A page of leaves (not audited: listLeaves and the export audit what they show). */
export async function leavePage(ctx: Ctx, q: LeaveQuery) {
  authorize(canUseLeave(ctx.actor), '您的角色不能查看请假');
  const county = ctx.actor.countyCode;
  const today = shanghaiToday(ctx.now);
  const conds: SQL[] = [sql`l.county_code = ${county}`, repo.leaveScopeSql(ctx.actor)];
  if (q.status === 'overdue') conds.push(sql`l.status = 'approved' and l.closed_on is null and l.to_date < ${today}`);
  else if (q.status) conds.push(sql`l.status = ${q.status}`);
  if (q.classId) conds.push(sql`l.class_id = ${q.classId}`);
  if (q.schoolId) conds.push(sql`l.school_id = ${q.schoolId}`);
  if (q.childId) conds.push(sql`l.child_id = ${q.childId}`);
  if (q.waitingForMe) conds.push(repo.waitingForActorSql(ctx.actor));
  const where = sql.join(conds, sql` and `);
  const [list, total, cal] = await Promise.all([
    repo.listWhere(ctx.db, where, q.pageSize, (q.page - 1) * q.pageSize),
    repo.countWhere(ctx.db, where),
    getSchoolCalendar(ctx.db, county),
  ]);
  const steps = await repo.stepsOf(
    ctx.db,
    county,
    list.map((l) => l.id),
  );
  const stepsOf = new Map<string, repo.LeaveStepRow[]>();
  for (const s of steps) stepsOf.set(s.leaveId, [...(stepsOf.get(s.leaveId) ?? []), s]);
  return {
    items: list.map((l) => present(ctx, l, stepsOf.get(l.id) ?? [], cal)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Decide the current step: approve or refuse an approval step, file a 备案 step. */
export async function decideStep(ctx: Ctx, id: string, index: number, body: { decision: 'approve' | 'reject' | 'file'; comment?: string }) {
  authorize(canUseLeave(ctx.actor), '您的角色不能审批请假');
  const county = ctx.actor.countyCode;
  const cal = await getSchoolCalendar(ctx.db, county);
  return inTx(ctx, async (tx) => {
    const l = await leaveInScope(tx, ctx, id);
    await repo.lockLeave(tx, county, id);
    const steps = await repo.stepsOf(tx, county, [id]);
    const step = steps.find((s) => s.idx === index);
    if (!step) throw notFound('审批环节');
    authorize(canDecideLeaveStep(ctx.actor, step.by as LeaveStep['by'], l), `「${step.label}」不由您办理`);
    if (step.status !== 'pending')
      throw new AppError(
        'CONFLICT',
        `「${step.label}」当前${LEAVE_STEP_STATUS_LABELS[step.status as LeaveStepStatus] ?? step.status}，不能办理`,
      );
    if (step.kind === 'file' ? body.decision !== 'file' : body.decision === 'file')
      throw new AppError(
        'UNPROCESSABLE',
        step.kind === 'file' ? `「${step.label}」为备案环节，请选择备案` : `「${step.label}」须选择同意或不同意`,
      );
    const status = body.decision === 'approve' ? 'approved' : body.decision === 'reject' ? 'rejected' : 'filed';
    await repo.updateStep(tx, county, id, index, {
      status,
      decidedBy: ctx.actor.userId,
      decidedByName: ctx.actor.displayName,
      decidedAt: ctx.now,
      comment: body.comment ?? null,
    });
    const next = steps.find((s) => s.idx === index + 1);
    if (status === 'rejected') {
      for (const s of steps.filter((x) => x.idx > index)) await repo.updateStep(tx, county, id, s.idx, { status: 'skipped' });
      await repo.updateLeave(tx, county, id, { status: 'rejected', updatedAt: ctx.now });
    } else if (next) {
      await repo.updateStep(tx, county, id, next.idx, { status: 'pending' });
      await repo.updateLeave(tx, county, id, { updatedAt: ctx.now });
    } else {
      await repo.updateLeave(tx, county, id, { status: 'approved', updatedAt: ctx.now });
    }
    await audit(tx, ctx, {
      action: 'leave.step_decided',
      targetType: 'leave',
      targetId: id,
      childId: l.childId,
      data: { step: index, by: step.by, decision: body.decision, comment: body.comment ?? null },
    });
    return load(tx, ctx, id, cal);
  });
}

/** 销假: the child is back. Absences the leave put on the days from the return on are removed. */
export async function closeLeave(ctx: Ctx, id: string, body: { returnedOn: string; note?: string }) {
  authorize(canUseLeave(ctx.actor), '您的角色不能销假');
  const county = ctx.actor.countyCode;
  const cal = await getSchoolCalendar(ctx.db, county);
  const today = shanghaiToday(ctx.now);
  return inTx(ctx, async (tx) => {
    const l = await leaveInScope(tx, ctx, id);
    await repo.lockLeave(tx, county, id);
    authorize(canEnterLeave(ctx.actor, l), '销假由本班班主任或学校办理');
    if (l.status !== 'approved' && l.status !== 'pending')
      throw new AppError('CONFLICT', `该请假${LEAVE_STATUS_LABELS[l.status as LeaveStatus] ?? l.status}，不能销假`);
    if (body.returnedOn < l.fromDate) throw new AppError('UNPROCESSABLE', `返校日期不能早于请假开始日期（${l.fromDate}）`);
    if (body.returnedOn > today) throw new AppError('UNPROCESSABLE', '返校日期不能晚于今天');
    const reports = await removeLeaveAbsences(tx, county, id, body.returnedOn);
    await repo.updateLeave(tx, county, id, {
      status: 'closed',
      closedOn: body.returnedOn,
      closeNote: body.note ?? null,
      closedBy: ctx.actor.userId,
      updatedAt: ctx.now,
    });
    await audit(tx, ctx, {
      action: 'leave.closed',
      targetType: 'leave',
      targetId: id,
      childId: l.childId,
      data: { returnedOn: body.returnedOn, reportsCorrected: reports },
    });
    return load(tx, ctx, id, cal);
  });
}
