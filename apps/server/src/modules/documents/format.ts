import { isValidIsoDate, type IsoDate } from '@notoneless/shared';

/** The blank a person fills in by hand: 「    年  月  日」. */
export const BLANK_DATE = '\u3000\u3000年\u3000\u3000月\u3000\u3000日';

/** '2026-11-23' → '2026年11月23日' (no leading zeros, as official documents write it); empty → the hand-filled blank. */
export function formatChineseDate(d: IsoDate | undefined | null): string {
  if (!d) return BLANK_DATE;
  if (!isValidIsoDate(d)) throw new Error(`日期格式应为 YYYY-MM-DD：${d}`);
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}

/** '2012-03-15' → '2012年3月' (the 出生年月 of the tracking form). */
export function formatChineseMonth(d: IsoDate | undefined | null): string {
  if (!d) return '';
  return formatChineseDate(d).replace(/\d+日$/, '');
}

/** Escape text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** n full-width spaces: room for a handwritten name or a value left blank. */
export function blankSpace(n: number): string {
  return '\u3000'.repeat(n);
}
