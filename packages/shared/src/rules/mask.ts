/**
 * Masking of personal numbers for lists, exports and anyone who may not see them in full.
 * Pure functions; input may be null/undefined (→ '').
 */

function compact(raw: string | null | undefined): string {
  if (raw == null) return '';
  return String(raw).replace(/[\s\u200B-\u200D\uFEFF]+/g, '');
}

/** Keep `head` leading and `tail` trailing characters, star the rest (one star per hidden character). */
function keepEnds(text: string, head: number, tail: number): string {
  const hidden = text.length - head - tail;
  if (hidden <= 0) return text;
  return text.slice(0, head) + '*'.repeat(hidden) + text.slice(text.length - tail);
}

/** Never reveal more than half: split the budget between tail (≤ maxTail) and head (≤ maxHead). */
function keepHalf(text: string, maxHead: number, maxTail: number): string {
  const budget = Math.floor(text.length / 2);
  const tail = Math.min(maxTail, Math.floor(budget / 2));
  const head = Math.min(maxHead, budget - tail);
  return keepEnds(text, head, tail);
}

/**
 * 公民身份号码: 18 characters keep the area code (first 6) and the last 4 — '410182********1234'.
 * Shorter strings (15-digit numbers, other documents) keep up to the first 3 and last 2, never more than half.
 */
export function maskIdNumber(raw: string | null | undefined): string {
  const id = compact(raw).replace(/x$/, 'X');
  if (id === '') return '';
  if (id.length >= 18) return keepEnds(id, 6, 4);
  return keepHalf(id, 3, 2);
}

/** Mobile numbers keep the first 3 and last 4 — '138****5678'; other numbers never show more than half. */
export function maskPhone(raw: string | null | undefined): string {
  const phone = compact(raw);
  if (phone === '') return '';
  if (phone.length === 11) return keepEnds(phone, 3, 4);
  return keepHalf(phone, 3, 4);
}

/**
 * 学籍号 is usually 'G' (or J/L) + the ID number, so it reveals the ID: mask its ID part the same way
 * (G410182201403051234 → G410182********1234). Other 学籍号 forms are shown as they are.
 */
export function maskStudentNo(raw: string | null | undefined): string {
  if (!raw) return '';
  const s = raw.replace(/\s/g, '');
  const m = /^([A-Za-z])(\d{17}[\dXx])$/.exec(s);
  return m ? `${m[1].toUpperCase()}${maskIdNumber(m[2])}` : s;
}
