/** Step 4 of the linking: records without a valid ID, by name, birth date and gender. */
import type { AllRecords } from './all-records';
import { birthSlot } from './id-key';
import { M, push, type Ambiguity } from './link-common';
import { mayAgree, nameDistance, nameHash, nameKey } from './names';
import { ID_OTHER } from './table';
import type { Clusters } from './union-find';

/** 4. 户籍/学籍 records without a valid ID: the one child with the same name, birth date and gender. */
export function linkNameAndBirth(all: AllRecords, c: Clusters, out: Ambiguity[]): void {
  const [h0] = all.range('hukou');
  const [x0, x1] = all.range('xueji');
  const orphans: number[] = [];
  const wanted = new Set<number>();
  const keyOf = (g: number) => birthSlot(all.birth[g]) * 2_097_152 + nameHash(all.name[g]);
  for (let g = h0; g < x1; g++) {
    if (all.birth[g] === 0 || all.idState[g] === ID_OTHER || c.validRepOf(c.find(g)) >= 0) continue;
    orphans.push(g);
    wanted.add(keyOf(g));
  }
  if (orphans.length === 0) return;
  // Pass 1: the same name (by a hash of it, then compared) and birth date.
  const sameKey = new Map<number, number[]>();
  for (let g = h0; g < x1; g++) {
    if (all.birth[g] === 0) continue;
    const k = keyOf(g);
    if (wanted.has(k)) push(sameKey, k, g);
  }
  const decide = (g: number, fits: number[], exact: boolean) => {
    const anchors = fits.filter((t) => c.validRepOf(c.find(t)) >= 0);
    let pool = anchors.length > 0 ? anchors : fits;
    if (pool.length > 1) pool = narrow(all, c, g, pool, g >= x0);
    if (pool.length === 1) c.union(g, pool[0], exact ? M['姓名+出生日期'] : M['同音姓名+出生日期']);
    else out.push({ record: g, candidates: pool, by: 'name' });
  };
  const unmatched: number[] = [];
  for (const g of orphans) {
    const r = c.find(g);
    if (c.validRepOf(r) >= 0) continue;
    const fits = candidatesByName(all, c, g, r, sameKey.get(keyOf(g)) ?? [], all.gender[g], 0);
    if (fits.length > 0) decide(g, fits, true);
    else unmatched.push(g);
  }
  if (unmatched.length === 0) return;
  // Pass 2: a homophone name, among the children born the same day with a name as long.
  const dayKey = (g: number) => birthSlot(all.birth[g]) * 64 + Math.min(nameKey(all.name[g]).length, 63);
  const days = new Set(unmatched.map(dayKey));
  const sameDay = new Map<number, number[]>();
  const wantedDays = new Set(unmatched.map((g) => all.birth[g]));
  for (let g = h0; g < x1; g++) {
    if (!wantedDays.has(all.birth[g])) continue;
    const k = dayKey(g);
    if (days.has(k)) push(sameDay, k, g);
  }
  for (const g of unmatched) {
    const r = c.find(g);
    if (c.validRepOf(r) >= 0) continue;
    const fits = candidatesByName(all, c, g, r, sameDay.get(dayKey(g)) ?? [], all.gender[g], 1);
    if (fits.length > 0) decide(g, fits, false);
  }
}

/** Records of other clusters with the same name (exactly, or by homophones) and no conflicting gender or 户籍. */
function candidatesByName(
  all: AllRecords,
  c: Clusters,
  g: number,
  r: number,
  sameDay: number[],
  gender: number,
  homophones: number,
): number[] {
  const roots = new Set<number>();
  const fits: number[] = [];
  for (const t of sameDay) {
    const rt = c.find(t);
    if (rt === r || roots.has(rt)) continue;
    if (gender !== 0 && all.gender[t] !== 0 && all.gender[t] !== gender) continue;
    if (c.hukouOf(r) > 0 && c.hukouOf(rt) > 0) continue; // two household records are two people
    if (!mayAgree(all.name[g], all.name[t], homophones)) continue;
    const d = nameDistance(all.name[g], all.name[t]);
    if (homophones === 0 ? d !== 0 : d < 1 || d > homophones) continue;
    roots.add(rt);
    fits.push(t);
  }
  return fits;
}

/** Several children fit: keep the one registered in the same village (户籍地区划代码), else the one without a 学籍. */
function narrow(all: AllRecords, c: Clusters, g: number, fits: number[], isXueji: boolean): number[] {
  const division = all.text(g, 'division');
  if (division !== '') {
    const same = fits.filter((t) => all.text(t, 'division') === division);
    if (same.length >= 1) fits = same;
  }
  if (fits.length > 1 && isXueji) {
    const free = fits.filter((t) => c.xuejiOf(c.find(t)) === 0);
    if (free.length >= 1) fits = free;
  }
  return fits;
}
