import { uuidv7 } from 'uuidv7';
import {
  CASE_ACTION_RULES,
  CASE_STATUS_LABELS,
  forbiddenCloseMessage,
  forbiddenCloseWord,
  followUpUntil,
  isCaseOpen,
  nextCaseStatus,
  noticeActionProblem,
  refuseCaseAction,
  shanghaiToday,
  type CaseActionBody,
  type CaseStatus,
  type DeadlineEnv,
  type VerifyResult,
} from '@notoneless/shared';
import type { DbOrTx } from '../../db/client';
import { AppError, notFound } from '../../http/app-error';
import { audit, type Ctx } from '../../http/context';
import { actingRole, caseActorOf } from '../../policies/cases.policy';
import { applyDeadlineChanges, deadlineEnvOf } from './case-deadlines';
import { NOT_DROPOUT_LEDGER, childStatusAt, setChildStatusIf, syncLedgers } from './case-ledgers';
import { noticeStateOfCase } from './case-notices';
import { placementOnReturn, type Placement } from './case-placement';
import * as records from './case-records.repository';
import * as repo from './cases.repository';
import type { CaseRow } from './cases.repository';

/** Actions the approvals module records when a deferral is decided (never posted by a user). */
export type SystemCaseActionBody = {
  type: 'deferral_approved' | 'deferral_rejected';
  occurredOn: string;
  text?: string;
  data?: Record<string, unknown>;
  version?: number;
};

export type CaseActionOptions = {
  /** performed by the platform (an approval completed): system rows of the table are allowed, scope is the caller's */
  system?: boolean;
  /** the ledger's own 销号 reason when the ledger page closes an entry through the case (核实在读 …) */
  ledgerClose?: { reason: string; childStatus: string | null };
};

export type CaseActionResult = { caseId: string; eventId: string; status: CaseStatus; version: number };

export const STALE_MESSAGE = '该个案已被他人更新，请刷新后再操作';
const refuse = (message: string, details?: unknown) => new AppError('UNPROCESSABLE', message, details);

type AnyBody = CaseActionBody | SystemCaseActionBody;
const isUserBody = (b: AnyBody): b is CaseActionBody => 'attachmentIds' in b;
const textOf = (b: AnyBody): string => ('text' in b && typeof b.text === 'string' ? b.text : '');

/** What a body says beyond the common fields: the event's data. */
function dataOf(b: AnyBody): Record<string, unknown> {
  if (!isUserBody(b)) return { ...(b.data ?? {}), ...(b.text ? { text: b.text } : {}) };
  const { type: _t, occurredOn: _o, signedBy: _s, attachmentIds: _a, clientKey: _c, version: _v, ...rest } = b;
  return rest;
}

/**
 * What the rules of one action need beyond the transition table (issue 5, item 2): each refusal names what is missing.
 * Pure; the return's planKind is checked against the suggestion by the caller.
 */
export function bodyProblem(b: AnyBody, today: string): string | null {
  if (b.occurredOn > today) return `发生日期 ${b.occurredOn} 不能晚于今天（${today}）`;
  switch (b.type) {
    case 'verify':
      if (b.result === 'not_dropout') {
        if (!b.reason) return '核实非辍学须选择原因（转学、休学、请假、外地就读、死亡、户籍迁出、出国、数据错误）';
        if (!b.evidence || b.evidence.trim().length < 2) return `核实非辍学须填写依据：${b.reason}`;
        const word = forbiddenCloseWord(`${b.text} ${b.evidence}`);
        if (word) return forbiddenCloseMessage(`${b.text} ${b.evidence}`);
      }
      if (b.result === 'dropout') {
        if (!b.dropoutKind) return '认定须选择辍学或失学';
        if (!b.cause) return '认定辍学须选择辍学原因';
      }
      if (b.result === 'unreachable' && (!b.report || b.report.trim().length < 2))
        return '无法联系须填写向教育局的书面报告（seed 001：经劝返仍不到校或无法联系上的，学校要及时书面报告教育主管部门）';
      return null;
    case 'correction_order':
      return b.dueOn < b.occurredOn ? `改正期限 ${b.dueOn} 不能早于责令日期 ${b.occurredOn}` : null;
    case 'closure_request':
    case 'closure_confirm':
    case 'closure_reject':
      return b.text && forbiddenCloseWord(b.text) ? forbiddenCloseMessage(b.text) : null;
    default:
      return null;
  }
}

/**
 * Apply one action to a case, in the caller's transaction (issue 5, item 2): the transition table decides whether it
 * is allowed; a stale version answers 409 and only one of two concurrent writers wins; a resent clientKey returns the
 * earlier event; the event, the ledgers, the child's status, the approvals and the clocks move together, audited.
 */
export async function applyCaseAction(
  tx: DbOrTx,
  ctx: Ctx,
  caseId: string,
  body: CaseActionBody | SystemCaseActionBody,
  opts: CaseActionOptions = {},
): Promise<CaseActionResult> {
  const county = ctx.actor.countyCode;
  const c = opts.system ? await repo.findCase(tx, county, caseId) : await repo.loadCaseInScope(tx, ctx, caseId);
  if (!c) throw notFound('个案');
  const clientKey = isUserBody(body) ? body.clientKey : undefined;
  if (clientKey) {
    const prior = await repo.eventByClientKey(tx, county, clientKey);
    if (prior) {
      if (prior.caseId !== caseId) throw new AppError('CONFLICT', '该离线记录编号已用于其他个案，请重新填写');
      return { caseId, eventId: prior.id, status: c.status as CaseStatus, version: c.version };
    }
  }
  if (body.version !== undefined && body.version !== c.version) throw new AppError('CONFLICT', STALE_MESSAGE);

  const status = c.status as CaseStatus;
  const rule = CASE_ACTION_RULES[body.type];
  const today = shanghaiToday(ctx.now);
  const result: VerifyResult | undefined = body.type === 'verify' ? body.result : undefined;
  const pending = status === 'closure_pending' ? await records.pendingClosureOf(tx, county, caseId) : null;
  if (rule.system) {
    if (!opts.system) throw refuse(`「${rule.label}」由审批流程自动记录，不能直接操作`);
    if (!isCaseOpen(status) || !rule.from.includes(status))
      throw refuse(`个案当前为「${CASE_STATUS_LABELS[status]}」，不能「${rule.label}」`);
  } else {
    const refusal = refuseCaseAction(
      body.type,
      { status, followUpUntil: c.followUpUntil, closureRequestedBy: pending?.requesterId ?? null },
      caseActorOf(ctx.actor),
      { today, result, text: body.type === 'verify' ? `${body.text} ${body.evidence ?? ''}` : textOf(body) },
    );
    if (refusal) throw refuse(refusal);
  }
  const problem = bodyProblem(body, today);
  if (problem) throw refuse(problem);
  if (body.type === 'notice_issued' || body.type === 'notice_delivered') {
    const notice = noticeActionProblem(body.type, await noticeStateOfCase(tx, county, caseId, today));
    if (notice) throw refuse(notice);
  }

  const attachmentIds = isUserBody(body) ? [...new Set(body.attachmentIds)] : [];
  if (attachmentIds.length) {
    const found = await records.attachmentsByIds(tx, county, attachmentIds);
    const bad = attachmentIds.filter((id) => !found.some((a) => a.id === id && (a.caseId === null || a.caseId === caseId)));
    if (bad.length) throw refuse(`附件不存在或属于其他个案（${bad.length} 个），请重新上传`, { attachmentIds: bad });
  }

  let placement: Placement | null = null;
  if (body.type === 'return') placement = await placementOnReturn(tx, ctx, c, body);

  const to = nextCaseStatus(body.type, status, result) ?? status;
  const eventId = uuidv7();
  const env = await deadlineEnvOf(tx, county);
  const set = caseChanges(c, body, to, ctx, placement, env);
  const updated = await repo.updateCaseVersioned(tx, county, caseId, c.version, set);
  if (!updated) throw new AppError('CONFLICT', STALE_MESSAGE);

  await repo.insertEvent(tx, {
    countyCode: county,
    id: eventId,
    caseId,
    type: body.type,
    occurredOn: body.occurredOn,
    at: ctx.now,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    actorRole: actingRole(ctx.actor, rule.roles),
    fromStatus: status,
    toStatus: to === status ? null : to,
    data: { ...dataOf(body), ...(placement?.eventData ?? {}) },
    attachmentIds,
    signedBy: isUserBody(body) ? (body.signedBy ?? null) : null,
    clientKey: clientKey ?? null,
  });
  await records.linkAttachments(tx, county, caseId, attachmentIds);

  await followTheCase(tx, ctx, c, body, to, eventId, opts);
  if (placement) await placement.apply(tx);
  await decideApprovals(tx, ctx, c, body, eventId, pending?.id ?? null);
  if (body.type === 'referral') {
    await records.insertReferral(tx, {
      countyCode: county,
      id: uuidv7(),
      caseId,
      department: body.department,
      subject: body.subject,
      request: body.text,
      status: 'sent',
      sentBy: ctx.actor.userId,
      sentAt: ctx.now,
    });
  }
  await applyDeadlineChanges(
    tx,
    ctx,
    caseId,
    {
      action: body.type,
      from: status,
      to,
      occurredOn: body.occurredOn,
      result,
      dueOn: body.type === 'correction_order' ? body.dueOn : undefined,
      followUpUntil: updated.followUpUntil,
    },
    eventId,
    env,
  );
  await audit(tx, ctx, {
    action: 'case.action',
    targetType: 'case',
    targetId: caseId,
    childId: c.childId,
    data: { type: body.type, from: status, to, eventId, system: opts.system === true },
  });
  return { caseId, eventId, status: to, version: updated.version };
}

/** The case row's own fields after the action (dates, the confirmation, the close). */
function caseChanges(c: CaseRow, body: AnyBody, to: CaseStatus, ctx: Ctx, placement: Placement | null, env: DeadlineEnv) {
  const set: Partial<CaseRow> = { status: to, updatedAt: ctx.now };
  if (to !== c.status) set.statusSince = ctx.now;
  if (body.type === 'verify' && body.result === 'dropout') {
    set.dropoutKind = body.dropoutKind ?? null;
    set.cause = body.cause ?? null;
    set.confirmedOn = body.occurredOn;
  }
  if (body.type === 'verify' && body.result === 'not_dropout') {
    set.closeKind = 'not_dropout';
    set.closeReason = `${body.reason}：${body.evidence ?? ''}`;
    set.closedAt = ctx.now;
  }
  if (body.type === 'return' || body.type === 'home_teaching_end') {
    set.returnedOn = body.occurredOn;
    set.followUpUntil = followUpUntil(body.occurredOn, env);
  }
  if (body.type === 'relapse') set.followUpUntil = null;
  if (body.type === 'closure_confirm') {
    set.closeKind = 'cancelled';
    set.closeReason = body.text || '巩固跟踪期满，确认销号';
    set.closedAt = ctx.now;
  }
  if (placement) Object.assign(set, placement.caseFields);
  return set;
}

/** The ledgers and the child's status follow the case (case-ledgers.ts). */
async function followTheCase(tx: DbOrTx, ctx: Ctx, c: CaseRow, body: AnyBody, to: CaseStatus, eventId: string, opts: CaseActionOptions) {
  if (to === c.status) return;
  const text = textOf(body);
  let closeReason = '个案状态变更';
  let closeEvidence = text;
  let childStatus: string | null = childStatusAt(to, !isUserBody(body) ? body.data?.type : undefined);
  if (body.type === 'verify' && body.result === 'dropout') {
    closeReason = '转入辍学台账';
    closeEvidence = `认定${body.dropoutKind}：${body.cause}${text ? `；${text}` : ''}`;
  } else if (body.type === 'verify' && body.result === 'not_dropout' && body.reason) {
    const m = opts.ledgerClose ?? NOT_DROPOUT_LEDGER[body.reason];
    closeReason = m.reason;
    closeEvidence = body.evidence ?? text;
    childStatus = m.childStatus;
  } else if (to === 'returned') closeReason = '已复学';
  else if (to === 'home_teaching') closeReason = '转为送教上门';
  else if (to === 'deferred') closeReason = '延缓入学/休学';
  const entryId = await syncLedgers(tx, ctx, c, to, {
    closeReason,
    closeEvidence: closeEvidence || closeReason,
    cause: body.type === 'verify' ? (body.cause ?? null) : null,
    note: text || null,
    eventId,
  });
  if (entryId !== c.ledgerEntryId) await repo.updateCaseLinks(tx, ctx.actor.countyCode, c.id, { ledgerEntryId: entryId });
  await setChildStatusIf(tx, ctx, c.childId, childStatus);
}

/** 销号 is an approval record (issue 5: 销号须中心校确认，非申请人本人): requested, then confirmed or sent back. */
async function decideApprovals(tx: DbOrTx, ctx: Ctx, c: CaseRow, body: AnyBody, eventId: string, pendingId: string | null) {
  const county = ctx.actor.countyCode;
  if (body.type === 'closure_request') {
    await records.insertApproval(tx, {
      countyCode: county,
      id: uuidv7(),
      type: 'closure',
      caseId: c.id,
      childId: c.childId,
      requesterId: ctx.actor.userId,
      requesterName: ctx.actor.displayName,
      status: 'pending',
      data: { text: textOf(body), eventId, returnedOn: c.returnedOn, followUpUntil: c.followUpUntil },
      createdAt: ctx.now,
    });
    return;
  }
  if (body.type !== 'closure_confirm' && body.type !== 'closure_reject' && body.type !== 'relapse') return;
  if (!pendingId) {
    if (body.type === 'relapse') return;
    throw new AppError('CONFLICT', '没有待确认的销号申请，请刷新后查看');
  }
  if (body.type === 'relapse') {
    await records.decideApproval(tx, county, pendingId, 'withdrawn', ctx.now);
    return;
  }
  await records.insertApprovalStep(tx, {
    countyCode: county,
    id: uuidv7(),
    approvalId: pendingId,
    stepNo: 1,
    right: 'case_closure_confirm',
    deciderId: ctx.actor.userId,
    deciderName: ctx.actor.displayName,
    decision: body.type === 'closure_confirm' ? 'approve' : 'reject',
    comment: textOf(body) || null,
    at: ctx.now,
  });
  await records.decideApproval(tx, county, pendingId, body.type === 'closure_confirm' ? 'approved' : 'rejected', ctx.now);
}
