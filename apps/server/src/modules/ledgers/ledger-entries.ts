import {
  LEDGER_KIND_LABELS,
  LEDGER_SOURCE_LABELS,
  ledgerOfStatus,
  shanghaiToday,
  type CaseStatus,
  type DROPOUT_CAUSES,
} from '@notoneless/shared';
import type { DbOrTx } from '../../db/client';
import type { Ctx } from '../../http/context';
import { applyCaseAction } from '../cases/case-actions';
import { dropoutKindOf, noteOnCase, openCase } from '../cases/case-open';
import * as cases from '../cases/cases.repository';
import { insertEntryIfAbsent, type OpenEntryInput } from './ledger-entry-store';
import * as repo from './ledgers.repository';

export { closeEntry, event, setChildStatus, type OpenEntryInput } from './ledger-entry-store';

/**
 * Put a child in the 疑似辍学 or 辍学 ledger from outside the case (a confirmed finding, the ledger page's report) in the
 * caller's transaction. The ledgers follow the case (issue 5), so this opens the child's case — 疑似辍学, or 已认定
 * when straight into the 辍学 ledger — or links to the open one: a suspected case confirmed into the 辍学 ledger is
 * verified as a dropout through the case; otherwise the open case gets a note saying so. Returns the ledger entry.
 */
export async function openEntry(tx: DbOrTx, ctx: Ctx, v: OpenEntryInput): Promise<string> {
  const county = ctx.actor.countyCode;
  const today = shanghaiToday(ctx.now);
  const open = await cases.openCaseOf(tx, county, v.childId);
  if (!open) {
    const r = await openCase(tx, ctx, {
      childId: v.childId,
      status: v.ledger === 'dropout' ? 'confirmed' : 'suspected',
      source: v.source === 'survey' ? 'report' : v.source,
      ledgerSource: v.source,
      reportedOn: today,
      text: v.note ?? null,
      findingId: v.findingId ?? null,
      category: v.category ?? null,
      cause: v.cause ?? null,
    });
    return r.case.ledgerEntryId ?? (await insertEntryIfAbsent(tx, ctx, v)).id;
  }
  if (v.findingId && !open.findingId) await cases.updateCaseLinks(tx, county, open.id, { findingId: v.findingId });
  const held = ledgerOfStatus(open.status as CaseStatus);
  if (v.ledger === 'dropout' && held === 'suspected') {
    await applyCaseAction(tx, ctx, open.id, {
      type: 'verify',
      result: 'dropout',
      dropoutKind: dropoutKindOf(v.category),
      cause: (v.cause ?? undefined) as (typeof DROPOUT_CAUSES)[number] | undefined,
      text: v.note || `${LEDGER_SOURCE_LABELS[v.source]}：认定辍学${v.cause ? `（${v.cause}）` : ''}`,
      occurredOn: today,
      attachmentIds: [],
      version: open.version,
    });
    const entry = await repo.openEntryOf(tx, county, v.childId, 'dropout');
    return entry!.id;
  }
  await noteOnCase(
    tx,
    ctx,
    open,
    `${LEDGER_SOURCE_LABELS[v.source]}再次列入${LEDGER_KIND_LABELS[v.ledger]}${v.note ? `：${v.note}` : ''}（已记入进行中的个案）`,
    { source: v.source, ledger: v.ledger, findingId: v.findingId ?? null },
  );
  if (held === v.ledger) return (await insertEntryIfAbsent(tx, ctx, v)).id;
  return open.ledgerEntryId ?? (await insertEntryIfAbsent(tx, ctx, v)).id;
}
