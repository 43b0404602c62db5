/** Step 5 of the linking: records without a valid ID, by name, birth date and gender. */
import type { AllRecords } from './all-records';
import { birthSlot } from './id-key';
import { M, push, type Ambiguity } from './link-common';
import { mayAgree, nameDistance, nameHash, nameKey } from './names';
import { ID_OTHER, STATUS_CODES } from './table';
import type { Clusters } from './union-find';

/**
 * 5. 户籍/学籍 records without a valid ID: the one child with the same name, birth date and gender, and nothing saying
 * otherwise (two 户籍 records, two class lists, another county's 户籍地, a written number far from the child's). A tie
 * by a homophone, or one that would give a child two current 学籍, also needs the same 户籍地区划代码 or the same
 * school; without it the candidate is named for a person to confirm.
 */
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
  // Clusters holding a current 学籍 (by root, kept through this step's unions): a tie between two of them makes a
  // 重复学籍, which a name and a birth date alone do not prove (a province has many namesakes born the same day); nor
  // does a name that only sounds the same. Both need the same 户籍地区划代码 or school too.
  const current = new Uint8Array(all.total);
  const xt = all.tables.xueji;
  for (let i = 0; i < xt.size; i++) {
    const st = xt.status[i];
    if (st === 0 || st === STATUS_CODES.在读 || st === STATUS_CODES.休学) current[c.find(x0 + i)] = 1;
  }
  const decide = (g: number, fits: number[], exact: boolean) => {
    const anchors = fits.filter((t) => c.validRepOf(c.find(t)) >= 0);
    let pool = anchors.length > 0 ? anchors : fits;
    if (pool.length > 1) pool = narrow(all, c, g, pool, g >= x0);
    if (pool.length !== 1) {
      out.push({ record: g, candidates: pool, by: 'name' });
      return;
    }
    const t = pool[0];
    const both = current[c.find(g)] === 1 && current[c.find(t)] === 1;
    if ((both || !exact) && !samePlace(all, g, t)) {
      out.push({ record: g, candidates: pool, by: 'unconfirmed' });
      return;
    }
    const flag = current[c.find(g)] | current[c.find(t)];
    c.union(g, t, exact ? M['姓名+出生日期'] : M['同音姓名+出生日期']);
    current[c.find(g)] = flag;
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
    if (c.rosterOf(r) > 0 && c.rosterOf(rt) > 0) continue; // two children on class lists are two children present
    if (!sameCounty(all.text(g, 'division'), all.text(t, 'division'))) continue; // registered in another county
    if (farApart(all, all.id[g], c.validRepOf(rt))) continue; // its own number names another child
    if (!mayAgree(all.name[g], all.name[t], homophones)) continue;
    const d = nameDistance(all.name[g], all.name[t]);
    if (homophones === 0 ? d !== 0 : d < 1 || d > homophones) continue;
    roots.add(rt);
    fits.push(t);
  }
  return fits;
}

/**
 * Two records that say the same place — the same 户籍地区划代码 (a migrant's county of origin too), or codes agreeing
 * down to the township at least (410182100 is in 410182100201; trailing 000 groups dropped) — or two 学籍 of the
 * same school.
 */
function samePlace(all: AllRecords, g: number, t: number): boolean {
  const a = placeCode(all.text(g, 'division'));
  const b = placeCode(all.text(t, 'division'));
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short !== '' && (short === long || (short.length >= 9 && long.startsWith(short)))) return true;
  const school = all.text(g, 'school');
  return school !== '' && school === all.text(t, 'school');
}

/** A 区划代码 without the trailing 000 groups that pad a township or county code to 12 digits. */
function placeCode(d: string): string {
  let s = d;
  while (s.length > 6 && s.endsWith('000')) s = s.slice(0, -3);
  return s;
}

/** Two 户籍地区划代码 (6 to 12 digits) that are not of the same county say two households ('' says nothing). */
function sameCounty(a: string, b: string): boolean {
  return a.length < 6 || b.length < 6 || a.slice(0, 6) === b.slice(0, 6);
}

/**
 * An invalid 18-character number written for a child is still evidence: more than three of its first 17 characters
 * away from the other cluster's valid number (beyond a slip or two), it names another child.
 */
function farApart(all: AllRecords, written: string, valid: number): boolean {
  if (written.length !== 18 || valid < 0) return false;
  const other = all.idOf(valid);
  let diff = 0;
  for (let i = 0; i < 17; i++) if (written.charCodeAt(i) !== other.charCodeAt(i) && ++diff > 3) return true;
  return false;
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
