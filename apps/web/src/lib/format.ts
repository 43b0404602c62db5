/**
 * The one formatter for dates, date-times and numbers (style.md, convention 13).
 * Dates read 2026-09-01; times are Beijing time (Asia/Shanghai) whatever the browser's zone.
 */

export const TIME_ZONE = 'Asia/Shanghai';
const EMPTY = '—';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const partsFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const numberFormatter = new Intl.NumberFormat('zh-CN');

type Parts = { year: string; month: string; day: string; hour: string; minute: string; second: string };

function shanghaiParts(date: Date): Parts {
  const parts: Record<string, string> = {};
  for (const part of partsFormatter.formatToParts(date)) parts[part.type] = part.value;
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

function toDate(value: string | number | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** 2026-09-01. Date-only strings pass through untouched (they carry no zone). */
export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'string' && DATE_ONLY.test(value)) return value;
  const date = toDate(value);
  if (!date) return String(value);
  const p = shanghaiParts(date);
  return `${p.year}-${p.month}-${p.day}`;
}

/** 2026-09-01 08:30 in Beijing time; `withSeconds` for logs. */
export function formatDateTime(value: string | number | Date | null | undefined, options: { withSeconds?: boolean } = {}): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  const date = toDate(value);
  if (!date) return String(value);
  const p = shanghaiParts(date);
  const time = options.withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
  return `${p.year}-${p.month}-${p.day} ${time}`;
}

/** 12,345 */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return EMPTY;
  return numberFormatter.format(value);
}

/** Today's date in Beijing, 2026-09-01. */
export function todayInShanghai(now: Date = new Date()): string {
  return formatDate(now);
}

/** Text or a dash for empty values. */
export function orDash(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? EMPTY : String(value);
}
