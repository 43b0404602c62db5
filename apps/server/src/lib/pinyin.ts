import { pinyin } from 'pinyin-pro';

const cache = new Map<string, { full: string; initials: string }>();
const CACHE_MAX = 200_000;

/** Full pinyin without tones (lower case, no spaces) and initials, for searching names: 张三丰 → zhangsanfeng, zsf. */
export function namePinyin(name: string): { full: string; initials: string } {
  const hit = cache.get(name);
  if (hit) return hit;
  const r = computePinyin(name);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(name, r);
  return r;
}

function computePinyin(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', surname: 'head' }) as string[];
  const clean = syllables
    .map((s) =>
      s
        .toLowerCase()
        .replace(/[^a-zü]/g, '')
        .replace(/ü/g, 'v'),
    )
    .filter(Boolean);
  return { full: clean.join(''), initials: clean.map((s) => s[0]).join('') };
}
