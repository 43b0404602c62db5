/** Steps 2 and 3 of the linking: 学籍号 (and the ID inside a G学籍号), and 证件号纠错. */
import type { AllRecords } from './all-records';
import { idKeyOf, type PartitionedKeyIndex } from './id-key';
import { idVariants } from './id-variants';
import { M, type Ambiguity } from './link-common';
import { nameDistance, namesAgree } from './names';
import { ID_INVALID, ID_VALID } from './table';
import type { Clusters } from './union-find';

/** Birth date (YYYYMMDD) and gender (1 男, 2 女) an ID's digits say, even when its check digit is wrong. */
function embedded(id: string): { birth: number; gender: number } {
  if (id.length !== 18 || !/^\d{17}/.test(id)) return { birth: 0, gender: 0 };
  const birth = Number(id.slice(6, 14));
  return { birth, gender: (id.charCodeAt(16) - 48) % 2 === 1 ? 1 : 2 };
}

/** The record holding exactly this valid ID (its integer key says area, birth and sequence; the check too). */
function holderOf(all: AllRecords, byId: PartitionedKeyIndex, id: string): number {
  const t = byId.get(idKeyOf(id));
  return t >= 0 && all.idOf(t) === id ? t : -1;
}

/** 2. 名册 ↔ 学籍 by 学籍号; a G学籍号 of a record without a valid ID ties it to the valid number inside. */
export function linkStudentNumbers(all: AllRecords, c: Clusters, byId: PartitionedKeyIndex): void {
  const xueji = all.tables.xueji;
  const roster = all.tables.roster;
  const [x0] = all.range('xueji');
  const [r0] = all.range('roster');
  /** 'G' + an ID: the record holding that valid ID, or -1. */
  const holderOfNumber = (no: string) => (no.length === 19 && no.charCodeAt(0) === 71 ? holderOf(all, byId, no.slice(1)) : -1);
  // 学籍 ↔ 学籍 by 学籍号; a G学籍号 that is G + the record's own valid ID is reached through that ID instead.
  // A number many rows share is a placeholder: it ties records only when their names agree.
  const byNo = new Map<string, number>();
  const uses = new Map<string, number>();
  for (let i = 0; i < xueji.size; i++) {
    const no = xueji.studentNo[i];
    const g = x0 + i;
    if (!no) continue;
    const own = all.idState[g] === ID_VALID && no.length === 19 && no.charCodeAt(0) === 71 && no.endsWith(all.idOf(g));
    if (!own) uses.set(no, (uses.get(no) ?? 0) + 1);
  }
  const trusted = (no: string, a: number, b: number) => (uses.get(no) ?? 0) <= 2 || namesAgree(all.name[a], all.name[b], 2);
  for (let i = 0; i < xueji.size; i++) {
    const no = xueji.studentNo[i];
    const g = x0 + i;
    if (!no) continue;
    if (uses.has(no)) {
      const first = byNo.get(no);
      if (first === undefined) byNo.set(no, g);
      else if (trusted(no, first, g)) c.union(g, first, M.学籍号);
    }
    if (all.idState[g] !== ID_VALID) {
      const t = holderOfNumber(no);
      if (t >= 0) c.union(g, t, M.学籍号中的证件号);
    }
  }
  // 名册 → 学籍: rows not yet tied to a 学籍, by the same 学籍号 or the ID inside a G学籍号.
  for (let i = 0; i < roster.size; i++) {
    const no = roster.studentNo[i];
    const g = r0 + i;
    if (!no || c.xuejiOf(c.find(g)) > 0) continue;
    const x = byNo.get(no);
    if (x !== undefined && trusted(no, x, g)) {
      c.union(g, x, M.学籍号);
      continue;
    }
    if (all.idState[g] === ID_VALID && no.endsWith(all.idOf(g))) continue; // its own ID found nothing
    const t = holderOfNumber(no);
    if (t >= 0) c.union(g, t, c.xuejiOf(c.find(t)) > 0 ? M.学籍号 : M.学籍号中的证件号);
  }
}

/** 3. An invalid number one slip from a valid one, with the same name, birth date and gender. */
export function correctIds(all: AllRecords, c: Clusters, byId: PartitionedKeyIndex, out: Ambiguity[]): void {
  for (let g = 0; g < all.total; g++) {
    if (all.idState[g] !== ID_INVALID || c.validRepOf(c.find(g)) >= 0) continue;
    const id = all.id[g];
    const own = embedded(id);
    const birth = all.birth[g] || own.birth;
    const gender = all.gender[g] || own.gender;
    if (birth === 0) continue;
    const fits: number[] = [];
    const roots = new Set<number>();
    const birthDigits = String(birth);
    for (const v of idVariants(id)) {
      if (v.position >= 6 && v.position <= 13 && v.id.slice(6, 14) !== birthDigits) continue; // the date digits it fixes must give the birth date
      const t = holderOf(all, byId, v.id);
      if (t < 0) continue;
      if (all.birth[t] !== birth || (gender !== 0 && all.gender[t] !== 0 && all.gender[t] !== gender)) continue;
      const d = nameDistance(all.name[g], all.name[t]);
      if (d < 0 || d > 1) continue;
      const r = c.find(t);
      if (!roots.has(r)) fits.push(t);
      roots.add(r);
    }
    if (fits.length === 1) c.union(g, fits[0], M.证件号纠错);
    else if (fits.length > 1) out.push({ record: g, candidates: fits, by: 'id' });
  }
}
