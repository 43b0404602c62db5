import type { AbsenceReason } from '@notoneless/shared';

/** 0.9823 → 98.2%; — when no class reported. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  return `${(rate * 100).toFixed(1)}%`;
}

export const REASON_COLORS: Record<AbsenceReason, string> = { 病假: 'orange', 事假: 'blue', 无故缺勤: 'red', 迟到: 'gold' };
