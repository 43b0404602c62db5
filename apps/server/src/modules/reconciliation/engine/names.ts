/**
 * Comparing children's names across registries: spacing and middle dots never matter (张 三 = 张三); a character
 * written as a homophone (同音字: 梓涵 / 子涵) matches when its readings (pinyin-pro, any reading of a polyphonic
 * character, tones ignored) meet. Callers decide how much other evidence a homophone match needs.
 */
import { pinyin } from 'pinyin-pro';

const IGNORED_CHARS = '\\s\\u200B-\\u200D\\u2060\\uFEFF·•‧・∙⋅･●.';
const HAS_IGNORED = new RegExp(`[${IGNORED_CHARS}]`);
const IGNORED = new RegExp(`[${IGNORED_CHARS}]`, 'g');

/** The comparable form of a name: no spaces or dots. */
export function nameKey(name: string): string {
  return HAS_IGNORED.test(name) ? name.replace(IGNORED, '') : name;
}

/** Characters nameKey drops (spaces, zero-width, middle dots, '.'). */
const isIgnored = (ch: number) =>
  ch <= 0x20 ||
  ch === 0x2e ||
  ch === 0xa0 ||
  ch === 0xb7 ||
  ch === 0x3000 ||
  ch === 0xfeff ||
  ch === 0x2022 ||
  ch === 0x2027 ||
  ch === 0x30fb ||
  ch === 0x2219 ||
  ch === 0x22c5 ||
  ch === 0xff65 ||
  ch === 0x25cf ||
  ch === 0x2060 ||
  (ch >= 0x200b && ch <= 0x200d) ||
  (ch >= 0x2000 && ch <= 0x200a) ||
  ch === 0x2028 ||
  ch === 0x2029 ||
  ch === 0x202f ||
  ch === 0x205f ||
  ch === 0x1680 ||
  ch === 0x85;

/** A 21-bit hash of nameKey(name), without making it (the same for names nameKey makes equal). */
export function nameHash(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) {
    const ch = name.charCodeAt(i);
    if (!isIgnored(ch)) h = (Math.imul(h, 31) + ch) | 0;
  }
  return (h ^ (h >>> 21)) & 0x1fffff;
}

const readings = new Map<string, readonly string[]>();
function readingsOf(ch: string): readonly string[] {
  let r = readings.get(ch);
  if (!r) {
    const cjk = /[\u3400-\u9fff\uf900-\ufaff]/.test(ch);
    r = cjk
      ? (pinyin(ch, { toneType: 'none', type: 'array', multiple: true }) as string[]).map((s) => s.toLowerCase())
      : [ch.toLowerCase()];
    if (r.length === 0) r = [ch];
    readings.set(ch, r);
  }
  return r;
}

function soundAlike(a: string, b: string): boolean {
  if (a === b) return true;
  const ra = readingsOf(a);
  const rb = readingsOf(b);
  for (const x of ra) if (rb.includes(x)) return true;
  return false;
}

/**
 * 0: the same name (after spacing); n > 0: the same length and sound, n characters written differently;
 * -1: different names.
 */
export function nameDistance(a: string, b: string): number {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka === kb) return 0;
  const ca = [...ka];
  const cb = [...kb];
  if (ca.length !== cb.length || ca.length === 0) return -1;
  let diff = 0;
  for (let i = 0; i < ca.length; i++) {
    if (ca[i] === cb[i]) continue;
    if (!soundAlike(ca[i], cb[i])) return -1;
    diff++;
  }
  return diff;
}

/** The same name, or one differing only by homophones in at most `maxHomophones` characters. */
export function namesAgree(a: string, b: string, maxHomophones = 1): boolean {
  const d = nameDistance(a, b);
  return d >= 0 && d <= maxHomophones;
}

/** How a name sounds: the first reading of each character (spacing dropped); homophones of one reading share it. */
export function soundKey(name: string): string {
  let k = '';
  for (const ch of nameKey(name)) k += `${readingsOf(ch)[0]} `;
  return k;
}

/**
 * A cheap first look before nameDistance (which makes arrays): false when the names cannot be within `maxDiff`
 * characters of each other — the same length with more differing characters, or another length with no spacing or
 * dots to explain it.
 */
export function mayAgree(a: string, b: string, maxDiff: number): boolean {
  if (a.length !== b.length) return HAS_IGNORED.test(a) || HAS_IGNORED.test(b);
  let diff = 0;
  for (let i = 0; i < a.length; i++)
    if (a.charCodeAt(i) !== b.charCodeAt(i) && ++diff > maxDiff) return HAS_IGNORED.test(a) || HAS_IGNORED.test(b);
  return true;
}
