import { uuidv7 } from 'uuidv7';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../http/app-error';
import { audit, type Ctx } from '../../http/context';
import { children } from '../../db/schema/index';
import * as repo from './ledgers.repository';

export type OpenEntryInput = {
  childId: string;
  ledger: 'suspected' | 'dropout';
  source: 'finding' | 'attendance' | 'report' | 'survey';
  findingId?: string | null;
  category?: string | null;
  cause?: string | null;
  note?: string | null;
};

/**
 * The ledger rows themselves, without the case: the case module keeps the ledgers in step with the case through these
 * (ledger-entries.ts openEntry is the way in from outside, and opens or links the child's case).
 */
export async function insertEntryIfAbsent(tx: DbOrTx, ctx: Ctx, v: OpenEntryInput): Promise<{ id: string; created: boolean }> {
  const existing = await repo.openEntryOf(tx, ctx.actor.countyCode, v.childId, v.ledger);
  if (existing) return { id: existing.id, created: false };
  const id = uuidv7();
  await repo.insertEntry(tx, {
    countyCode: ctx.actor.countyCode,
    id,
    childId: v.childId,
    ledger: v.ledger,
    source: v.source,
    findingId: v.findingId ?? null,
    category: v.category ?? null,
    cause: v.cause ?? null,
    note: v.note ?? null,
    openedBy: ctx.actor.userId,
    openedAt: ctx.now,
  });
  await event(tx, ctx, id, 'opened', { source: v.source, category: v.category, cause: v.cause, note: v.note });
  await audit(tx, ctx, {
    action: 'ledger.entry_opened',
    targetType: 'ledger_entry',
    targetId: id,
    childId: v.childId,
    data: { ledger: v.ledger, source: v.source },
  });
  return { id, created: true };
}

export async function event(tx: DbOrTx, ctx: Ctx, entryId: string, type: string, data: Record<string, unknown>) {
  await repo.insertEvent(tx, {
    countyCode: ctx.actor.countyCode,
    id: uuidv7(),
    entryId,
    at: ctx.now,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    type,
    data,
  });
}

/** 动态销号 in the caller's transaction; a concurrent close by someone else is a conflict, nothing half-written. */
export async function closeEntry(
  tx: DbOrTx,
  ctx: Ctx,
  entryId: string,
  childId: string,
  reason: string,
  evidence: string,
  extra: Record<string, unknown> = {},
) {
  const ok = await repo.closeEntry(tx, ctx.actor.countyCode, entryId, {
    closedBy: ctx.actor.userId,
    closedAt: ctx.now,
    closeReason: reason,
    closeEvidence: evidence,
  });
  if (!ok) throw new AppError('CONFLICT', '该台账记录已被他人销号，请刷新后查看');
  await event(tx, ctx, entryId, 'closed', { reason, evidence, ...extra });
  await audit(tx, ctx, { action: 'ledger.entry_closed', targetType: 'ledger_entry', targetId: entryId, childId, data: { reason } });
}

/** What verification found becomes the child's status (kept as a manual field so registries do not undo it). */
export async function setChildStatus(tx: DbOrTx, ctx: Ctx, childId: string, status: string) {
  await tx
    .update(children)
    .set({
      status,
      manualFields: sql`case when 'status' = any(${children.manualFields}) then ${children.manualFields} else array_append(${children.manualFields}, 'status') end`,
      updatedAt: ctx.now,
    })
    .where(and(eq(children.countyCode, ctx.actor.countyCode), eq(children.id, childId)));
}
