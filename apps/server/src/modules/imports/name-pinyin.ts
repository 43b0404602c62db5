/**
 * Name pinyin for imported rows, per distinct character: the same result as namePinyin (lib/pinyin.ts), which asks
 * pinyin-pro for the whole name (word segmentation, surname readings). Only a character with a single reading can be
 * looked up on its own: a name made only of such characters is the concatenation of their syllables, whatever the
 * segmentation; any other name (a polyphonic character such as 单 曾 乐 长, a letter, a dot) goes to namePinyin.
 * A 300,000-row file holds ~160,000 distinct names but only a few thousand distinct characters
 * (bench/name-pinyin.bench.ts: ~8× faster over the names of the import benchmark).
 */
import { pinyin } from 'pinyin-pro';
import { namePinyin } from '../../lib/pinyin';

type NamePinyin = { full: string; initials: string };

/** A Chinese character's only syllable (lower case, no tone, ü as v), or null when it has more than one reading. */
const single = new Map<string, string | null>();

function singleSyllable(c: string): string | null {
  let s = single.get(c);
  if (s !== undefined) return s;
  s = null;
  const code = c.charCodeAt(0);
  if (c.length === 1 && ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff))) {
    const readings = new Set(pinyin(c, { multiple: true, type: 'array', toneType: 'none' }) as string[]);
    if (readings.size === 1) {
      const own = namePinyin(c);
      if (own.full !== '' && own.full === [...readings][0].toLowerCase().replace(/ü/g, 'v')) s = own.full;
    }
  }
  single.set(c, s);
  return s;
}

export function importNamePinyin(name: string): NamePinyin {
  let full = '';
  let initials = '';
  for (let i = 0; i < name.length; i++) {
    const s = singleSyllable(name[i]);
    if (s === null) return namePinyin(name);
    full += s;
    initials += s[0];
  }
  return full === '' ? namePinyin(name) : { full, initials };
}
