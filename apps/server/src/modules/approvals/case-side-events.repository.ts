import { uuidv7 } from 'uuidv7';
import type { DbOrTx } from '../../db/client';
import { caseEvents } from '../../db/schema/index';
import type { Ctx } from '../../http/context';

/**
 * An event on a case's timeline that never moves its status (fromStatus = toStatus = null): a deferral application, a
 * department's answer to a referral. Status changes go through applyCaseAction (modules/cases/case-actions.ts) only.
 */
export async function insertSideEvent(
  tx: DbOrTx,
  ctx: Ctx,
  e: {
    caseId: string;
    type: string;
    actorRole: string | null;
    occurredOn: string;
    data: Record<string, unknown>;
    attachmentIds?: string[];
  },
): Promise<string> {
  const id = uuidv7();
  await tx.insert(caseEvents).values({
    countyCode: ctx.actor.countyCode,
    id,
    caseId: e.caseId,
    type: e.type,
    occurredOn: e.occurredOn,
    at: ctx.now,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    actorRole: e.actorRole,
    fromStatus: null,
    toStatus: null,
    data: e.data,
    attachmentIds: e.attachmentIds ?? [],
  });
  return id;
}
