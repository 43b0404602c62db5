/** How real files mangle IDs, names and dates. Pure functions of their input and a random source. */
import { homophonesOf } from './homophones';

type Next = () => number;
const int = (next: Next, n: number) => Math.floor(next() * n);

/** One character of the 18 replaced by another digit (the check character may become X or a digit). */
export function mistypeId(id: string, next: Next): string {
  const p = int(next, 18);
  const old = id[p];
  let c = old;
  while (c === old) c = p === 17 && next() < 0.1 ? 'X' : String(int(next, 10));
  return id.slice(0, p) + c + id.slice(p + 1);
}

/** Two neighbouring characters swapped (they differ, so the number changes). */
export function swapIdDigits(id: string, next: Next): string {
  for (let tries = 0; tries < 50; tries++) {
    const p = int(next, 17);
    if (id[p] !== id[p + 1]) return id.slice(0, p) + id[p + 1] + id[p] + id.slice(p + 2);
  }
  return mistypeId(id, next);
}

/** ASCII digits and letters → full-width (１２３Ｘ). */
export function toFullWidth(s: string): string {
  return s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

const SPACES = [' ', '\u3000', '  '];
/** Spaces as people type them: groups (6 8 4), a trailing space, or an ideographic space in front. */
export function spaceId(id: string, next: Next): string {
  const r = next();
  if (r < 0.4) return `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
  if (r < 0.7) return `${id} `;
  return SPACES[int(next, SPACES.length)] + id;
}

/** A homophone of one given-name character, or the name unchanged when it has none. */
export function homophoneName(name: string, surnameLength: number, next: Next): string {
  const chars = [...name];
  const positions: number[] = [];
  for (let i = surnameLength; i < chars.length; i++) if (homophonesOf(chars[i]).length > 0) positions.push(i);
  if (positions.length === 0) return name;
  const p = positions[int(next, positions.length)];
  const options = homophonesOf(chars[p]);
  chars[p] = options[int(next, options.length)];
  return chars.join('');
}

/** 张 三, or with an ideographic space (U+3000), or 欧阳 子涵: the space goes after the surname. */
export function spaceName(name: string, surnameLength: number, next: Next): string {
  const sp = next() < 0.7 ? ' ' : '\u3000';
  return name.slice(0, surnameLength) + sp + name.slice(surnameLength);
}

const CN = '〇一二三四五六七八九';
/** Excel's serial day number for an ISO date (1900 date system, dates after 1900-03-01). */
export function excelSerial(iso: string): number {
  const ms = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export type DateSpelling = 'iso' | 'slash' | 'compact' | 'chinese' | 'dotted' | 'excel';
export const DATE_SPELLINGS: readonly DateSpelling[] = ['iso', 'slash', 'compact', 'chinese', 'dotted', 'excel'];

/** The six spellings of formats.md: 2014-03-05, 2014/3/5, 20140305, 2014年3月5日, 2014.03.05, an Excel serial. */
export function spellDate(iso: string, spelling: DateSpelling): string {
  const y = iso.slice(0, 4);
  const m = iso.slice(5, 7);
  const d = iso.slice(8, 10);
  switch (spelling) {
    case 'iso':
      return iso;
    case 'slash':
      return `${y}/${Number(m)}/${Number(d)}`;
    case 'compact':
      return y + m + d;
    case 'chinese':
      return `${y}年${Number(m)}月${Number(d)}日`;
    case 'dotted':
      return `${y}.${m}.${d}`;
    case 'excel':
      return String(excelSerial(iso));
  }
}

/** 1–9 as 学籍 systems write grades: 3, 三年级, 初一 (grades 7–9). */
export function spellGrade(grade: number, next: Next): string {
  const r = next();
  if (r < 0.4) return String(grade);
  if (grade >= 7 && r < 0.6) return `初${CN[grade - 6]}`;
  return `${CN[grade]}年级`;
}
