import { ledgerOfStatus, type CaseStatus, type NotDropoutReason } from '@notoneless/shared';
import type { DbOrTx } from '../../db/client';
import { audit, type Ctx } from '../../http/context';
import { closeEntry, event, insertEntryIfAbsent, setChildStatus } from '../ledgers/ledger-entry-store';
import * as ledgerRepo from '../ledgers/ledgers.repository';
import type { CaseRow } from './cases.repository';

/**
 * The ledgers follow the case (issue 5, item 2; seed 002 三本台账, "劝返一个、销号一个"): 疑似辍学/核实中/无法联系 in the
 * 疑似辍学台账, 已认定 and 劝返中 in the 辍学学生台账 (ledgerOfStatus); leaving a ledger is a 动态销号 with a reason.
 */

/** 核实非辍学 reason → the ledger's 销号 reason and the child's status (as the ledger's own 销号 sets it). */
export const NOT_DROPOUT_LEDGER: Record<NotDropoutReason, { reason: string; childStatus: string | null }> = {
  转学: { reason: '已转学', childStatus: '外地就读' },
  休学: { reason: '已休学', childStatus: '休学' },
  请假: { reason: '请假', childStatus: null },
  外地就读: { reason: '外地就读', childStatus: '外地就读' },
  死亡: { reason: '死亡', childStatus: '死亡' },
  户籍迁出: { reason: '户籍迁出', childStatus: '户籍迁出' },
  出国: { reason: '出国', childStatus: '出国' },
  数据错误: { reason: '数据错误', childStatus: null },
};

/** The status a child has while the case is in a status without a ledger (the 适龄儿童台账 category follows it). */
export function childStatusAt(to: CaseStatus, deferralType?: unknown): string | null {
  if (to === 'returned') return '在读';
  if (to === 'home_teaching') return '送教上门';
  if (to === 'deferred') return deferralType === 'deferral' ? '延缓入学' : '休学';
  return null;
}

const LEDGER_SOURCE: Record<string, 'finding' | 'attendance' | 'report' | 'survey'> = {
  finding: 'finding',
  attendance: 'attendance',
  report: 'report',
  relapse: 'report',
};

export type LedgerMove = {
  /** the 销号 reason and evidence of the ledger the child leaves */
  closeReason: string;
  closeEvidence: string;
  cause?: string | null;
  note?: string | null;
  eventId: string;
};

/**
 * Move the child between the ledgers as the case moves from → to; returns the ledger entry the case now hangs on.
 * A child whose entry is already closed (an older ledger action) is simply not closed twice.
 */
export async function syncLedgers(tx: DbOrTx, ctx: Ctx, c: CaseRow, to: CaseStatus, m: LedgerMove): Promise<string | null> {
  const before = ledgerOfStatus(c.status as CaseStatus);
  const after = ledgerOfStatus(to);
  if (before === after) return c.ledgerEntryId;
  const county = ctx.actor.countyCode;
  const open = before ? await ledgerRepo.openEntryOf(tx, county, c.childId, before) : null;
  if (open) await closeEntry(tx, ctx, open.id, c.childId, m.closeReason, m.closeEvidence, { caseId: c.id, caseEventId: m.eventId });
  if (!after) return c.ledgerEntryId;
  const entry = await insertEntryIfAbsent(tx, ctx, {
    childId: c.childId,
    ledger: after,
    source: LEDGER_SOURCE[c.source] ?? 'report',
    findingId: c.findingId,
    category: open?.category ?? null,
    cause: m.cause ?? c.cause,
    note: m.note ?? null,
  });
  if (before === 'suspected' && after === 'dropout') {
    await event(tx, ctx, entry.id, 'confirmed_dropout', { from: open?.id ?? null, cause: m.cause ?? c.cause, caseId: c.id });
    await audit(tx, ctx, {
      action: 'ledger.dropout_confirmed',
      targetType: 'ledger_entry',
      targetId: entry.id,
      childId: c.childId,
      data: { cause: m.cause ?? c.cause, caseId: c.id },
    });
  }
  return entry.id;
}

export async function setChildStatusIf(tx: DbOrTx, ctx: Ctx, childId: string, status: string | null) {
  if (status) await setChildStatus(tx, ctx, childId, status);
}
