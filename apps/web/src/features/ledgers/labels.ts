import { LEDGER_CATEGORIES, LEDGER_CLOSE_REASONS, type LedgerCategory, type LedgerKind } from '@notoneless/shared';
import type { EntryState } from './api';

/** Tag colours of the 适龄儿童台账 categories (the same in the cards and the table). */
export const CATEGORY_COLORS: Record<LedgerCategory, string> = {
  本地在读: 'green',
  外地就读: 'cyan',
  送教上门: 'blue',
  '延缓入学/休学': 'gold',
  疑似辍学: 'volcano',
  辍学: 'red',
  已核实离开: 'default',
  未说明: 'magenta',
};

export const isCategory = (value: string | undefined): value is LedgerCategory =>
  value !== undefined && (LEDGER_CATEGORIES as readonly string[]).includes(value);

/** The categories that make up the identity: 适龄儿童 = the sum of these (未说明 must be 0). */
export const IDENTITY_CATEGORIES = LEDGER_CATEGORIES.filter((c) => c !== '未说明');

export const LEDGER_PAGES: Record<LedgerKind, { path: string; title: string; subtitle: string }> = {
  suspected: {
    path: '/ledgers/suspected',
    title: '疑似辍学台账',
    subtitle: '四查三比对、缺勤预警、教师报告和摸排发现的疑似辍学（含失学）儿童，逐一核实后动态销号或认定辍学',
  },
  dropout: {
    path: '/ledgers/dropout',
    title: '辍学学生台账',
    subtitle: '认定辍学的学生：劝返一个、销号一个，销号须有依据',
  },
};

export const STATE_TABS: { key: EntryState; label: string }[] = [
  { key: 'open', label: '在册' },
  { key: 'closed', label: '已销号' },
  { key: 'all', label: '全部' },
];

/**
 * 动态销号 reasons a person may choose. 转入辍学台账 is written by 认定辍学 itself, never picked in the close form.
 */
export function closeReasonsFor(ledger: LedgerKind): string[] {
  return (LEDGER_CLOSE_REASONS[ledger] as readonly string[]).filter((r) => r !== '转入辍学台账');
}
