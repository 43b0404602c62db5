import type { z } from 'zod';
import {
  REFERRAL_STATUS_LABELS,
  shanghaiToday,
  type ReferralListItem,
  type ReferralQuery,
  type referralResponseBodySchema,
} from '@notoneless/shared';
import { AppError, forbidden, notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { offsetOf, pageResult } from '../../lib/paging';
import { authorize } from '../../policies/org.policy';
import { canListReferrals, canRespondReferral, referralAbilities } from '../../policies/referrals.policy';
import { insertSideEvent } from '../approvals/case-side-events.repository';
import * as repo from './referrals.repository';
import { refuseReferralResponse } from './referrals.rules';

type ResponseBody = z.infer<typeof referralResponseBodySchema>;

export function present(ctx: Ctx, r: repo.ReferralListRow): ReferralListItem {
  const x = r.referral;
  return {
    id: x.id,
    caseId: x.caseId,
    childName: r.childName,
    department: x.department,
    subject: x.subject,
    request: x.request,
    status: x.status as ReferralListItem['status'],
    statusLabel: REFERRAL_STATUS_LABELS[x.status as ReferralListItem['status']] ?? x.status,
    response: x.response,
    sentAt: x.sentAt.toISOString(),
    respondedAt: x.respondedAt?.toISOString() ?? null,
    version: x.version,
    schoolName: r.schoolName,
    townshipName: r.townshipName,
    villageName: r.villageName,
    sentByName: r.sentByName,
    abilities: referralAbilities(ctx.actor, x),
  };
}

/** GET /api/referrals: a liaison's department; the county all; case workers those of cases in their scope. */
export async function list(ctx: Ctx, q: ReferralQuery) {
  authorize(canListReferrals(ctx.actor), '您的角色不能查看转介');
  const { limit, offset } = offsetOf(q);
  const res = await repo.listReferrals(ctx.db, ctx.actor, q, limit, offset);
  await inTx(ctx, (tx) =>
    audit(tx, ctx, { action: 'referrals.viewed', targetType: 'referrals', data: { filter: q, shown: res.items.length } }),
  );
  return pageResult(
    res.items.map((r) => present(ctx, r)),
    res.total,
    q,
  );
}

/**
 * The department's liaison answers (accepted / done / declined with a note). The answer is also recorded on the case's
 * timeline as 'referral_response' — it never moves the case's status.
 */
export async function respond(ctx: Ctx, id: string, body: ResponseBody): Promise<ReferralListItem> {
  const county = ctx.actor.countyCode;
  await inTx(ctx, async (tx) => {
    // a liaison of another department, or a case worker outside the case's scope, does not see it at all (404)
    const row = await repo.findReferral(tx, ctx.actor, id);
    if (!row) throw notFound('转介');
    const r = row.referral;
    if (!canRespondReferral(ctx.actor, r.department)) throw forbidden(`只有${r.department}的联络员可以答复此转介`);
    const refusal = refuseReferralResponse(r.status as ReferralListItem['status'], body.status);
    if (refusal) throw new AppError('CONFLICT', refusal);
    if (r.version !== body.version) throw new AppError('CONFLICT', '该转介已被他人答复或更新，请刷新后再操作');
    const ok = await repo.respondGuarded(tx, county, id, body.version, {
      status: body.status,
      response: body.response,
      respondedBy: ctx.actor.userId,
      respondedAt: ctx.now,
    });
    if (!ok) throw new AppError('CONFLICT', '该转介已被他人答复或更新，请刷新后再操作');
    await insertSideEvent(tx, ctx, {
      caseId: r.caseId,
      type: 'referral_response',
      actorRole: 'dept_liaison',
      occurredOn: shanghaiToday(ctx.now),
      data: {
        referralId: id,
        department: r.department,
        subject: r.subject,
        status: body.status,
        statusLabel: REFERRAL_STATUS_LABELS[body.status],
        response: body.response,
      },
    });
    const childId = await repo.childOfCase(tx, county, r.caseId);
    await audit(tx, ctx, {
      action: 'referral.responded',
      targetType: 'referral',
      targetId: id,
      childId,
      data: { caseId: r.caseId, department: r.department, status: body.status },
    });
  });
  const row = await repo.findReferral(ctx.db, ctx.actor, id);
  if (!row) throw notFound('转介');
  return present(ctx, row);
}
