/**
 * 三本台账 (seed 002) and "人账相符": every age-eligible child falls in exactly one 适龄儿童台账 category, and the
 * categories add up to the whole (docs/domain/ledgers.md writes the identity down).
 */
import { LEDGER_CATEGORIES, LEDGER_CLOSE_REASONS, type LedgerCategory } from '@notoneless/shared';

export { LEDGER_CATEGORIES, LEDGER_CLOSE_REASONS, type LedgerCategory };

export type ChildFacts = {
  status: string;
  /** open entries of the 疑似辍学 and 辍学 ledgers */
  openSuspected: boolean;
  openDropout: boolean;
  /** an open finding that says the child may be out of school (OUT_OF_SCHOOL, ENROLLED_ABSENT, POVERTY_DROPOUT) */
  openDropoutFinding: boolean;
};

/** A child's status → category when no ledger entry or open finding says otherwise; any other status is 未说明. */
export const STATUS_CATEGORY: Readonly<Record<string, LedgerCategory>> = {
  在读: '本地在读',
  外地就读: '外地就读',
  送教上门: '送教上门',
  休学: '延缓入学/休学',
  延缓入学: '延缓入学/休学',
  疑似辍学: '疑似辍学',
  辍学: '辍学',
  死亡: '已核实离开',
  出国: '已核实离开',
  户籍迁出: '已核实离开',
  已毕业: '已核实离开',
};

/**
 * The 适龄儿童台账 category of one child. Ledger entries come first (an open 辍学 entry outranks a school status), then
 * an open finding, then the child's status. ledgers.repository.ts builds the same decision as SQL from these tables.
 */
export function ledgerCategory(c: ChildFacts): LedgerCategory {
  if (c.openDropout) return '辍学';
  if (c.openSuspected || c.openDropoutFinding) return '疑似辍学';
  return STATUS_CATEGORY[c.status] ?? '未说明';
}

export type LedgerBalance = { total: number; byCategory: Record<LedgerCategory, number>; balanced: boolean; unexplained: number };

/** 适龄儿童 = 本地在读 + 外地就读 + 送教上门 + 延缓入学/休学 + 疑似辍学 + 辍学 + 已核实离开 (+ 未说明, which must be 0). */
export function ledgerBalance(counts: Partial<Record<LedgerCategory, number>>, total: number): LedgerBalance {
  const byCategory = Object.fromEntries(LEDGER_CATEGORIES.map((k) => [k, counts[k] ?? 0])) as Record<LedgerCategory, number>;
  const sum = LEDGER_CATEGORIES.reduce((n, k) => n + byCategory[k], 0);
  return { total, byCategory, balanced: sum === total && byCategory['未说明'] === 0, unexplained: byCategory['未说明'] };
}

export function ledgerCloseProblem(ledger: 'suspected' | 'dropout', reason: string, evidence: string): string | null {
  if (!(LEDGER_CLOSE_REASONS[ledger] as readonly string[]).includes(reason)) return `销号原因「${reason}」不在可选范围内`;
  if (evidence.trim().length < 2) return '销号须填写依据（人账相符）';
  return null;
}
