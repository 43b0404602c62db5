import type { DbOrTx } from '../../db/client';
import { audit, type Ctx } from '../../http/context';
import type { AuditAction } from '../audit/audit-actions';
import * as repo from './monthly-reports.repository';

/** Who did a step of a 月报, for its event row. */
export const actorOf = (ctx: Ctx) => ({ actorId: ctx.actor.userId, actorName: ctx.actor.displayName, at: ctx.now });

/** What a submission writes on a report row (school 月报 and 乡镇月报): its frozen figures, who and when; no review yet. */
export const submittedColumns = <F>(ctx: Ctx, figures: F) => ({
  status: 'submitted' as const,
  figures,
  computedAt: ctx.now,
  submittedBy: ctx.actor.userId,
  submittedByName: ctx.actor.displayName,
  submittedAt: ctx.now,
  reviewedBy: null,
  reviewedByName: null,
  reviewedAt: null,
  updatedAt: ctx.now,
});

/**
 * A reviewer's decision on a 月报 version — a school's (by its 中心校 or the county) or a 中心校's 乡镇月报 (by the
 * county): the status and reviewer, the event and the audit row, in the caller's transaction (which checked it may).
 */
export async function writeReview(
  tx: DbOrTx,
  ctx: Ctx,
  r: {
    county: string;
    id: string;
    decision: 'accept' | 'return';
    comment?: string;
    actions: { accept: AuditAction; return: AuditAction };
    data: Record<string, unknown>;
  },
): Promise<void> {
  const comment = r.comment || null;
  await repo.updateReport(tx, r.county, r.id, {
    status: r.decision === 'accept' ? 'accepted' : 'returned',
    reviewedBy: ctx.actor.userId,
    reviewedByName: ctx.actor.displayName,
    reviewedAt: ctx.now,
    reviewComment: comment,
    updatedAt: ctx.now,
  });
  await repo.addEvent(tx, { countyCode: r.county, reportId: r.id, action: r.decision, ...actorOf(ctx), comment });
  await audit(tx, ctx, { action: r.actions[r.decision], targetType: 'monthly_report', targetId: r.id, data: { ...r.data, comment } });
}
