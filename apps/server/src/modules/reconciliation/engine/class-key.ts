/**
 * A comparable form of 班级: 3班, (3)班, （3）班, 03班, 3, 三班, 七年级3班, 初一(3)班 → "3"; anything without a number
 * keeps its text (half-width, no spaces).
 */
import { normalizeText } from '../../imports/formats/normalize';

const CN: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const GRADE_PREFIX = /^.*?(年级|初[一二三123]|高[一二三123])/;

function chineseNumber(s: string): number | null {
  if (/^[〇零一二三四五六七八九]$/.test(s)) return CN[s];
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (!m) return null;
  return (m[1] ? CN[m[1]] : 1) * 10 + (m[2] ? CN[m[2]] : 0);
}

const cache = new Map<string, string>();

export function classKey(className: string): string {
  let k = cache.get(className);
  if (k !== undefined) return k;
  const s = normalizeText(className).replace(/\s/g, '').replace(GRADE_PREFIX, '');
  const digits = /\d+/.exec(s);
  if (digits) k = String(Number(digits[0]));
  else {
    const cn = /[〇零一二三四五六七八九十]+/.exec(s);
    const n = cn ? chineseNumber(cn[0]) : null;
    k = n !== null ? String(n) : s;
  }
  cache.set(className, k);
  return k;
}
