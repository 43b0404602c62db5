import type { Ctx } from '../http/context';

/**
 * The subtitle row of a list export (product.md: every list exports to XLSX): who exported it and when, the filters
 * that were applied (so a printed sheet says what it is a part of), the count and the masking note.
 */
export function exportSubtitle(
  ctx: Ctx,
  today: string,
  v: { filters: (string | null | undefined | false)[]; count: string; note?: string },
): string {
  const filters = v.filters.filter((f): f is string => typeof f === 'string' && f.length > 0);
  return [
    `导出人：${ctx.actor.displayName}`,
    `导出日期：${today}`,
    `筛选条件：${filters.length ? filters.join('，') : '全部'}`,
    v.count,
    v.note,
  ]
    .filter(Boolean)
    .join('　');
}

/** "（仅导出前 N 条）" when a list was cut at the export limit. */
export const truncatedNote = (total: number, shown: number, unit: string) => (total > shown ? `（仅导出前 ${shown} ${unit}）` : '');
