/**
 * The categories of formats.md, per resolved child, word by word:
 * - current 学籍 = 在读 or 休学 (an empty or unreadable status counts as 在读: the row is in the 学籍 file);
 *   active = 在读 and not 送教上门; 毕业 at grade 9 = compulsory education completed.
 * - OUT_OF_SCHOOL: in 户籍, age-eligible, no current 学籍, on no roster, not graduated at grade 9.
 * - ENROLLED_ABSENT: an active 学籍 at a school that handed in a roster, the child on no roster.
 * - PRESENT_UNENROLLED: on a roster, no current 学籍.
 * - POVERTY_DROPOUT: OUT_OF_SCHOOL or ENROLLED_ABSENT, and in the poverty file as 脱贫户 or 监测户 (or with no 户类型).
 * - IDENTITY_MISMATCH: an invalid ID number among the child's records, or two different valid ones.
 * - DUPLICATE_ENROLLMENT: two or more current 学籍.
 * - NO_HOUSEHOLD: in 学籍 or a roster, no 户籍 record, no valid ID, not registered elsewhere (随迁子女=是, an ID
 *   number of another area, or another kind of document), and not left apart between candidates of whom one is
 *   registered (a 户籍 record or a valid ID) when another finding of the child lists them for a person.
 */
import type { AllRecords } from './all-records';
import type { ChildIndex } from './children';
import { HOUSEHOLD_CODES, ID_INVALID, ID_OTHER, ID_VALID, STATUS_CODES } from './table';
import type { CategoryCode } from './types';

/** What the findings need to know about one child. */
export type ChildFacts = {
  child: number;
  categories: CategoryCode[];
  /** Global numbers of the child's records by role. */
  hukou: number[];
  xueji: number[];
  roster: number[];
  poverty: number[];
  disability: number[];
  /** The 学籍 the ENROLLED_ABSENT finding is about (active, at a school with a roster). */
  absentXueji: number[];
  birth: number;
  bestId: string;
  validIds: string[];
  invalid: number[];
};

export type ClassifyContext = {
  all: AllRecords;
  idx: ChildIndex;
  countyCode: string;
  eligibleFrom: number;
  eligibleTo: number;
  /** 学校标识码s with at least one roster row. */
  rosterSchools: ReadonlySet<string>;
  /** Per record: 1 when it was left apart and one of the children it may be has a 户籍 record or a valid ID. */
  mayBeRegistered?: Uint8Array;
};

const { 在读, 休学, 毕业 } = STATUS_CODES;

export function classifyChildren(ctx: ClassifyContext): ChildFacts[] {
  const { all, idx } = ctx;
  const xt = all.tables.xueji;
  const pt = all.tables.poverty;
  const [x0, x1] = all.range('xueji');
  const [r0, r1] = all.range('roster');
  const [h0, h1] = all.range('hukou');
  const [p0, p1] = all.range('poverty');
  const schoolHasRoster = xt.pool.map((s) => ctx.rosterSchools.has(s));
  const out: ChildFacts[] = [];

  for (let k = 0; k < idx.count; k++) {
    const s = idx.start[k];
    const e = idx.start[k + 1];
    let nH = 0;
    let nX = 0;
    let nR = 0;
    let current = 0;
    let graduated = false;
    let absent = false;
    let poor = false;
    let invalid = false;
    let firstValid = 0;
    let conflict = false;
    let registeredElsewhere = false;
    let birth = 0;
    let maybeRegistered = false;
    for (let m = s; m < e; m++) {
      const g = idx.members[m];
      const st = all.idState[g];
      if (ctx.mayBeRegistered && ctx.mayBeRegistered[g] === 1) maybeRegistered = true;
      if (st === ID_VALID) {
        if (firstValid === 0) firstValid = all.idKey[g];
        else if (all.idKey[g] !== firstValid) conflict = true;
      } else if (st === ID_INVALID) {
        invalid = true;
        if (/^\d{6}/.test(all.id[g]) && all.id[g].slice(0, 6) !== ctx.countyCode) registeredElsewhere = true;
      } else if (st === ID_OTHER) registeredElsewhere = true;
      if (g >= h0 && g < h1) {
        nH++;
        if (birth === 0) birth = all.birth[g];
      } else if (g >= x0 && g < x1) {
        nX++;
        const i = g - x0;
        const status = xt.status[i];
        if (status === 在读 || status === 休学 || status === 0) current++;
        if ((status === 在读 || status === 0) && xt.homeTaught[i] === 0 && xt.school[i] >= 0 && schoolHasRoster[xt.school[i]])
          absent = true;
        if (status === 毕业 && xt.grade[i] === 9) graduated = true;
        if (xt.migrant[i] === 1) registeredElsewhere = true;
      } else if (g >= r0 && g < r1) nR++;
      else if (g >= p0 && g < p1) {
        const h = pt.household[g - p0];
        // 脱贫户 and 监测户 count; a row of the poverty file that names no 户类型 at all counts too (the file is theirs).
        if (h === HOUSEHOLD_CODES.poverty || h === HOUSEHOLD_CODES.monitored || (h === 0 && pt.householdType[g - p0] < 0)) poor = true;
      }
    }
    if (birth === 0) for (let m = s; m < e && birth === 0; m++) birth = all.birth[idx.members[m]];
    const categories: CategoryCode[] = [];
    const eligible = birth !== 0 && birth >= ctx.eligibleFrom && birth <= ctx.eligibleTo;
    const outOfSchool = nH > 0 && eligible && current === 0 && nR === 0 && !graduated;
    const enrolledAbsent = nR === 0 && absent;
    if (outOfSchool) categories.push('OUT_OF_SCHOOL');
    if (enrolledAbsent) categories.push('ENROLLED_ABSENT');
    if (nR > 0 && current === 0) categories.push('PRESENT_UNENROLLED');
    if ((outOfSchool || enrolledAbsent) && poor) categories.push('POVERTY_DROPOUT');
    if (invalid || conflict) categories.push('IDENTITY_MISMATCH');
    if (current >= 2) categories.push('DUPLICATE_ENROLLMENT');
    // Left apart between candidates of whom one is registered: its other finding lists them (无户籍 would say more
    // than is known); with no other finding, 无户籍 is the one that lists them.
    const listedElsewhere = maybeRegistered && categories.length > 0;
    if ((nX > 0 || nR > 0) && nH === 0 && firstValid === 0 && !registeredElsewhere && !listedElsewhere) categories.push('NO_HOUSEHOLD');
    if (categories.length > 0) out.push(facts(ctx, k, categories, birth, schoolHasRoster));
  }
  return out;
}

function facts(ctx: ClassifyContext, k: number, categories: CategoryCode[], birth: number, schoolHasRoster: boolean[]): ChildFacts {
  const { all, idx } = ctx;
  const xt = all.tables.xueji;
  const [x0] = all.range('xueji');
  const f: ChildFacts = {
    child: k,
    categories,
    hukou: [],
    xueji: [],
    roster: [],
    poverty: [],
    disability: [],
    absentXueji: [],
    birth,
    bestId: '',
    validIds: [],
    invalid: [],
  };
  for (let m = idx.start[k]; m < idx.start[k + 1]; m++) {
    const g = idx.members[m];
    f[all.kind(g)].push(g);
    if (all.idState[g] === ID_VALID && !f.validIds.includes(all.idOf(g))) f.validIds.push(all.idOf(g));
    if (all.idState[g] === ID_INVALID) f.invalid.push(g);
  }
  for (const g of f.xueji) {
    const i = g - x0;
    const st = xt.status[i];
    if ((st === 在读 || st === 0) && xt.homeTaught[i] === 0 && xt.school[i] >= 0 && schoolHasRoster[xt.school[i]]) f.absentXueji.push(g);
  }
  const firstValid = (list: number[]) => list.find((g) => all.idState[g] === ID_VALID);
  const best = firstValid(f.hukou) ?? firstValid(f.xueji) ?? firstValid(f.roster) ?? firstValid(f.poverty) ?? firstValid(f.disability);
  f.bestId = best === undefined ? '' : all.idOf(best);
  return f;
}
