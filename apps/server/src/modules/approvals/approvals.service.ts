import type { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import {
  approvalStatusAfter,
  CASE_ACTION_RULES,
  DEFERRAL_TYPE_LABELS,
  nextDeferralStep,
  refuseCaseAction,
  refuseDeferral,
  refuseDeferralDecision,
  refuseWithdrawal,
  shanghaiToday,
  type ApprovalDto,
  type approvalDecisionBodySchema,
  type ApprovalQuery,
  type CaseStatus,
  type deferralBodySchema,
} from '@notoneless/shared';
import type { DbOrTx } from '../../db/client';
import { AppError, forbidden, notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { offsetOf, pageResult } from '../../lib/paging';
import { authorize } from '../../policies/org.policy';
import { canDecideDeferrals, canRequestDeferral, canSeeApprovals } from '../../policies/approvals.policy';
import { actingRole, caseActorOf } from '../../policies/cases.policy';
import { applyCaseAction } from '../cases/case-actions';
import { linkAttachments } from '../cases/case-records.repository';
import { findCase, loadCaseInScope } from '../cases/cases.repository';
import { getCountySettings } from '../settings/settings.service';
import { presentApproval, presentApprovalListItem } from './approvals.presenter';
import * as repo from './approvals.repository';
import { insertSideEvent } from './case-side-events.repository';

type DeferralBody = z.infer<typeof deferralBodySchema>;
type DecisionBody = z.infer<typeof approvalDecisionBodySchema>;

export const STALE_CASE = '该个案已被他人更新，请刷新后再操作';
const STALE_APPROVAL = '该申请已被他人处理或更新，请刷新后再操作';

async function reload(db: DbOrTx, ctx: Ctx, id: string): Promise<ApprovalDto> {
  const a = await repo.findApproval(db, ctx.actor.countyCode, id);
  if (!a) throw notFound('审批');
  const steps = (await repo.stepsOf(db, ctx.actor.countyCode, [id])).get(id) ?? [];
  return presentApproval(ctx.actor, a, steps);
}

/** The attachments an application names must exist in the county and belong to this case (or to no case yet). */
async function checkAttachments(tx: DbOrTx, ctx: Ctx, caseId: string, body: DeferralBody) {
  const named = {
    courtRuling: body.courtRulingAttachmentId,
    guardianApplication: body.guardianApplicationAttachmentId,
    medicalCertificate: body.medicalCertificateAttachmentId,
  };
  const ids = Object.values(named).filter((x): x is string => !!x);
  const found = await repo.findAttachments(tx, ctx.actor.countyCode, ids);
  const ok = new Set(found.filter((f) => f.caseId === null || f.caseId === caseId).map((f) => f.id));
  const bad = ids.filter((id) => !ok.has(id));
  if (bad.length) throw new AppError('UNPROCESSABLE', '所附材料不存在或不属于本个案，请重新上传', { attachmentIds: bad });
  return { has: (k: keyof typeof named) => !!named[k] && ok.has(named[k]), ids };
}

/**
 * 延缓入学/休学申请 (seed 002): allowed by the transition table (deferral_request), with every condition present —
 * otherwise 422 naming each missing one. Creates a pending approval and records the application on the case.
 */
export async function requestDeferral(ctx: Ctx, caseId: string, body: DeferralBody): Promise<ApprovalDto> {
  authorize(canRequestDeferral(ctx.actor), '您的角色不能申请延缓入学/休学');
  const county = ctx.actor.countyCode;
  const label = DEFERRAL_TYPE_LABELS[body.type];
  const id = await inTx(ctx, async (tx) => {
    const c = await loadCaseInScope(tx, ctx, caseId);
    const refusal = refuseCaseAction(
      'deferral_request',
      { status: c.status as CaseStatus, followUpUntil: c.followUpUntil },
      caseActorOf(ctx.actor),
    );
    if (refusal) throw new AppError('UNPROCESSABLE', refusal);
    if (c.version !== body.version) throw new AppError('CONFLICT', STALE_CASE);
    if (await repo.findPendingDeferralOfCase(tx, county, caseId))
      throw new AppError('CONFLICT', '该个案已有审批中的延缓入学/休学申请，请等待审批结果或先撤回');
    const files = await checkAttachments(tx, ctx, caseId, body);
    const settings = await getCountySettings(tx, county);
    const jointPersuasions = await repo.countJointPersuasions(tx, county, caseId);
    const missing = refuseDeferral(
      {
        type: body.type,
        health: body.health,
        fromDate: body.fromDate,
        toDate: body.toDate,
        guardianDutyDone: body.guardianDutyDone,
        childStillRefuses: body.childStillRefuses,
        hasCourtRuling: files.has('courtRuling'),
        hasGuardianApplication: files.has('guardianApplication'),
        hasMedicalCertificate: files.has('medicalCertificate'),
      },
      { jointPersuasions },
      settings,
    );
    if (missing.length) throw new AppError('UNPROCESSABLE', `不符合${label}申请条件：${missing.join('；')}`, { missing });
    if (!(await repo.touchCaseGuarded(tx, county, caseId, body.version, ctx.now))) throw new AppError('CONFLICT', STALE_CASE);
    const approvalId = uuidv7();
    const data = {
      health: body.health,
      reason: body.reason,
      fromDate: body.fromDate,
      toDate: body.toDate,
      jointPersuasions,
      requiredJointPersuasions: settings.deferralJointPersuasions,
      guardianDutyDone: body.guardianDutyDone,
      childStillRefuses: body.childStillRefuses,
      courtRulingAttachmentId: body.courtRulingAttachmentId ?? null,
      guardianApplicationAttachmentId: body.guardianApplicationAttachmentId ?? null,
      medicalCertificateAttachmentId: body.medicalCertificateAttachmentId ?? null,
    };
    await repo.insertApproval(tx, {
      countyCode: county,
      id: approvalId,
      type: body.type,
      caseId,
      childId: c.childId,
      requesterId: ctx.actor.userId,
      requesterName: ctx.actor.displayName,
      status: 'pending',
      data,
      createdAt: ctx.now,
      version: 1,
    });
    // the application's files now belong to the case: whoever can see the case (the deciders) can open them
    await linkAttachments(tx, county, caseId, files.ids);
    await insertSideEvent(tx, ctx, {
      caseId,
      type: 'deferral_request',
      actorRole: actingRole(ctx.actor, CASE_ACTION_RULES.deferral_request.roles),
      occurredOn: shanghaiToday(ctx.now),
      data: { approvalId, type: body.type, typeLabel: label, ...data },
      attachmentIds: files.ids,
    });
    await audit(tx, ctx, {
      action: 'approval.requested',
      targetType: 'approval',
      targetId: approvalId,
      childId: c.childId,
      data: { caseId, type: body.type, health: body.health, fromDate: body.fromDate, toDate: body.toDate, jointPersuasions },
    });
    return approvalId;
  });
  return reload(ctx.db, ctx, id);
}

/** GET /api/approvals: `status=pending` → what this user may decide now; `mine` → their own; else all in scope. */
export async function list(ctx: Ctx, q: ApprovalQuery) {
  authorize(canSeeApprovals(ctx.actor), '您的角色不能查看延缓入学/休学审批');
  const { limit, offset } = offsetOf(q);
  const decidable = q.status === 'pending' && !q.mine;
  const res = await repo.listApprovals(ctx.db, ctx.actor, { status: q.status, mine: q.mine, decidable }, limit, offset);
  const steps = await repo.stepsOf(
    ctx.db,
    ctx.actor.countyCode,
    res.items.map((r) => r.approval.id),
  );
  await inTx(ctx, (tx) =>
    audit(tx, ctx, { action: 'approvals.viewed', targetType: 'approvals', data: { filter: q, shown: res.items.length } }),
  );
  return pageResult(
    res.items.map((r) => presentApprovalListItem(ctx.actor, r, steps.get(r.approval.id) ?? [])),
    res.total,
    q,
  );
}

async function loadDeferralApproval(tx: DbOrTx, ctx: Ctx, id: string) {
  const a = await repo.findApproval(tx, ctx.actor.countyCode, id);
  if (!a) throw notFound('审批');
  if (a.type === 'closure') throw new AppError('UNPROCESSABLE', '销号申请请在个案页「确认销号」或「退回销号申请」');
  // holders of deferral_verify / deferral_agree act county-wide (seed 002: 县级教育行政部门核实、县级领导小组同意)
  const c = canDecideDeferrals(ctx.actor) ? await findCase(tx, ctx.actor.countyCode, a.caseId) : await loadCaseInScope(tx, ctx, a.caseId);
  if (!c) throw notFound('个案');
  const steps = (await repo.stepsOf(tx, ctx.actor.countyCode, [id])).get(id) ?? [];
  const state = {
    status: a.status as ApprovalDto['status'],
    requesterId: a.requesterId,
    steps: steps.map((s) => ({ stepNo: s.stepNo, deciderId: s.deciderId })),
  };
  return { a, c, steps, state };
}

/**
 * A decision on the waiting step (seed 002: 县教育局核实 → 县乡村振兴领导小组同意), by someone holding its right who is
 * neither the requester nor the decider of the previous step. The second approval moves the case to 延缓入学/休学
 * (deferral_approved); a rejection at either step records deferral_rejected — both through applyCaseAction.
 */
export async function decide(ctx: Ctx, id: string, body: DecisionBody): Promise<ApprovalDto> {
  authorize(canDecideDeferrals(ctx.actor), '您没有延缓入学/休学审批权限');
  const county = ctx.actor.countyCode;
  await inTx(ctx, async (tx) => {
    const { a, c, state } = await loadDeferralApproval(tx, ctx, id);
    // a stale version first: a second click after someone decided is told so, whatever the next step needs
    if (a.version !== body.version) throw new AppError('CONFLICT', STALE_APPROVAL);
    const refusal = refuseDeferralDecision(state, { userId: ctx.actor.userId, rights: ctx.actor.approvalRights });
    if (refusal?.kind === 'state') throw new AppError('CONFLICT', refusal.message);
    if (refusal?.kind === 'right') throw forbidden(refusal.message);
    if (refusal) throw new AppError('UNPROCESSABLE', refusal.message);
    const step = nextDeferralStep(state)!;
    const status = approvalStatusAfter(state, body.decision);
    if (!(await repo.updateApprovalGuarded(tx, county, id, body.version, { status, decidedAt: status === 'pending' ? null : ctx.now })))
      throw new AppError('CONFLICT', STALE_APPROVAL);
    await repo.insertStep(tx, {
      countyCode: county,
      id: uuidv7(),
      approvalId: id,
      stepNo: step.stepNo,
      right: step.right,
      deciderId: ctx.actor.userId,
      deciderName: ctx.actor.displayName,
      decision: body.decision,
      comment: body.comment ?? null,
      at: ctx.now,
    });
    if (status !== 'pending') {
      const data = a.data as Record<string, unknown>;
      await applyCaseAction(
        tx,
        ctx,
        c.id,
        {
          type: status === 'approved' ? 'deferral_approved' : 'deferral_rejected',
          occurredOn: shanghaiToday(ctx.now),
          text: body.comment,
          // data.type tells the case core 延缓入学 from 休学 (the child's status)
          data: { approvalId: id, type: a.type, stepNo: step.stepNo, fromDate: data.fromDate, toDate: data.toDate },
        },
        { system: true },
      );
    }
    await audit(tx, ctx, {
      action: 'approval.decided',
      targetType: 'approval',
      targetId: id,
      childId: a.childId,
      data: { caseId: a.caseId, stepNo: step.stepNo, right: step.right, decision: body.decision, status },
    });
  });
  return reload(ctx.db, ctx, id);
}

/** The requester withdraws a pending application (the case file keeps it, marked 已撤回). */
export async function withdraw(ctx: Ctx, id: string, version: number): Promise<ApprovalDto> {
  await inTx(ctx, async (tx) => {
    const { a, state } = await loadDeferralApproval(tx, ctx, id);
    const refusal = refuseWithdrawal(state, ctx.actor.userId);
    if (refusal && a.status !== 'pending') throw new AppError('CONFLICT', refusal);
    if (refusal) throw forbidden(refusal);
    if (a.version !== version) throw new AppError('CONFLICT', STALE_APPROVAL);
    if (!(await repo.updateApprovalGuarded(tx, ctx.actor.countyCode, id, version, { status: 'withdrawn', decidedAt: ctx.now })))
      throw new AppError('CONFLICT', STALE_APPROVAL);
    await audit(tx, ctx, {
      action: 'approval.withdrawn',
      targetType: 'approval',
      targetId: id,
      childId: a.childId,
      data: { caseId: a.caseId },
    });
  });
  return reload(ctx.db, ctx, id);
}
