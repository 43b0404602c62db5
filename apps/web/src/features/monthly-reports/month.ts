import { todayInShanghai } from '../../lib/format';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const isMonth = (value: string | undefined): value is string => value !== undefined && MONTH.test(value);

/** The month before today's in Beijing (2026-12-07 → 2026-11): the month a school reports on now. */
export function previousMonth(today: string = todayInShanghai()): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** 2026-10 → 2026年10月 */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** 2026-10 → 2026-Q4 (the quarter the 季度汇总 covers). */
export function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
}

/** 2026-Q4 → 2026年第四季度 */
export function quarterLabel(quarter: string): string {
  const names = ['一', '二', '三', '四'];
  return `${quarter.slice(0, 4)}年第${names[Number(quarter.slice(-1)) - 1]}季度`;
}
