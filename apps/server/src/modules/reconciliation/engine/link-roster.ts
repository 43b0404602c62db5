/** Steps 4 and 6 of the linking: roster rows by name within their class, then by name and age in the county. */
import type { AllRecords } from './all-records';
import { classKey } from './class-key';
import { compatibleIds, distinctRoots, M, push, type Ambiguity, type LinkOptions } from './link-common';
import { nameDistance, nameKey, soundKey } from './names';
import { STATUS_CODES, type RecordTable } from './table';
import type { Clusters } from './union-find';

/**
 * 4. Roster rows not tied to any 学籍: by name within school + grade + class (homophones next), then within school +
 * grade. Same-name classmates: as many roster rows as 学籍 of that name means they are all present, tied in row order
 * with the lowest confidence (同班同名); unequal numbers stay apart.
 */
export function linkRosterByClass(all: AllRecords, c: Clusters, out: Ambiguity[]): void {
  const roster = all.tables.roster;
  const xueji = all.tables.xueji;
  const [r0] = all.range('roster');
  const [x0] = all.range('xueji');
  const schoolIds = new Map<string, number>();
  const classIds = new Map<string, number>();
  const gid = (m: Map<string, number>, s: string) => {
    let v = m.get(s);
    if (v === undefined) m.set(s, (v = m.size));
    return v;
  };
  /** Per table: the school+grade key and the school+grade+class key of row i (-1 without a school). */
  const keysOf = (t: RecordTable) => {
    const school = t.pool.map((s) => gid(schoolIds, s));
    const klass = t.pool.map((s) => gid(classIds, classKey(s)));
    const gradeKey = (i: number) => (t.school[i] < 0 ? -1 : school[t.school[i]] * 10 + t.grade[i]);
    const fullKey = (i: number) => {
      const g = gradeKey(i);
      return g < 0 ? -1 : g * 65536 + (t.className[i] < 0 ? 0 : klass[t.className[i]] + 1);
    };
    return { gradeKey, fullKey };
  };
  const rosterKey = keysOf(roster);
  const xuejiKey = keysOf(xueji);
  const pendingByClass = new Map<number, number[]>();
  const neededGrades = new Set<number>();
  for (let i = 0; i < roster.size; i++) {
    if (c.xuejiOf(c.find(r0 + i)) > 0) continue;
    const k = rosterKey.fullKey(i);
    if (k < 0) continue;
    push(pendingByClass, k, r0 + i);
    neededGrades.add(rosterKey.gradeKey(i));
  }
  if (pendingByClass.size === 0) return;
  const byClass = new Map<number, number[]>();
  const byGrade = new Map<number, number[]>();
  for (let i = 0; i < xueji.size; i++) {
    const gk = xuejiKey.gradeKey(i);
    if (gk < 0 || !neededGrades.has(gk)) continue;
    push(byClass, xuejiKey.fullKey(i), x0 + i);
    push(byGrade, gk, x0 + i);
  }
  const open = (t: number) => c.rosterOf(c.find(t)) === 0;
  const left: number[] = [];
  for (const [key, rows] of pendingByClass) {
    const inClass = byClass.get(key) ?? [];
    // Exact names, name group by name group.
    const openByName = new Map<string, number[]>();
    for (const t of inClass) if (open(t)) push(openByName, nameKey(all.name[t]), t);
    const groups = new Map<string, number[]>();
    for (const g of rows) push(groups, nameKey(all.name[g]), g);
    const rest: number[] = [];
    for (const [name, group] of groups) {
      const fits = distinctRoots(c, openByName.get(name) ?? []);
      if (fits.length === group.length) group.forEach((g, n) => c.union(g, fits[n], group.length === 1 ? M['班级+姓名'] : M.同班同名));
      else rest.push(...group);
    }
    if (rest.length > 0) soundAlikes(all, c, rest, distinctRoots(c, inClass.filter(open)), out, left);
  }
  // The class written differently or missing: the same exact name within school + grade.
  for (const g of left) {
    const r = c.find(g);
    if (c.xuejiOf(r) > 0) continue;
    const name = nameKey(all.name[g]);
    const fits = distinctRoots(
      c,
      (byGrade.get(rosterKey.gradeKey(g - r0)) ?? []).filter(
        (t) => open(t) && c.find(t) !== r && nameKey(all.name[t]) === name && compatibleIds(c, all, r, c.find(t), false),
      ),
    );
    if (fits.length === 1) c.union(g, fits[0], M['年级+姓名']);
    else if (fits.length > 1) out.push({ record: g, candidates: fits, by: 'class' });
  }
}

/**
 * Roster rows of a class without a one-to-one exact match, and the class's 学籍 still open: grouped by how the names
 * sound (同音字 and spacing ignored). As many rows as 学籍 in a group: tied in order, the same names first; otherwise
 * a single homophone candidate is taken, several are left to a person.
 */
function soundAlikes(all: AllRecords, c: Clusters, rows: number[], open: number[], out: Ambiguity[], left: number[]): void {
  const bySound = new Map<string, { rows: number[]; xs: number[] }>();
  for (const g of rows) {
    const k = soundKey(all.name[g]);
    const e = bySound.get(k);
    if (e) e.rows.push(g);
    else bySound.set(k, { rows: [g], xs: [] });
  }
  for (const t of open) bySound.get(soundKey(all.name[t]))?.xs.push(t);
  for (const { rows: group, xs } of bySound.values()) {
    if (xs.length > 0 && xs.length === group.length) {
      const free = [...xs];
      const byExact = (g: number) => free.findIndex((t) => nameKey(all.name[t]) === nameKey(all.name[g]));
      const order = [...group].sort((a, b) => (byExact(a) >= 0 ? 0 : 1) - (byExact(b) >= 0 ? 0 : 1));
      for (const g of order) {
        const j = byExact(g) >= 0 ? byExact(g) : 0;
        const t = free.splice(j, 1)[0];
        const method = group.length > 1 ? M.同班同名 : nameKey(all.name[g]) === nameKey(all.name[t]) ? M['班级+姓名'] : M['班级+同音姓名'];
        c.union(g, t, method);
      }
      continue;
    }
    for (const g of group) {
      const r = c.find(g);
      const fits = distinctRoots(
        c,
        open.filter((t) => {
          if (c.rosterOf(c.find(t)) > 0) return false;
          const d = nameDistance(all.name[g], all.name[t]);
          return d >= 0 && d <= 2 && compatibleIds(c, all, r, c.find(t), d === 0);
        }),
      );
      if (fits.length === 1) c.union(g, fits[0], nameKey(all.name[g]) === nameKey(all.name[fits[0]]) ? M['班级+姓名'] : M['班级+同音姓名']);
      else if (fits.length > 1) out.push({ record: g, candidates: fits, by: 'class' });
      else left.push(g);
    }
  }
}

/**
 * 6. Roster rows of children with no 学籍 and no ID: the one unaccounted child (on no roster, no current 学籍, not
 * graduated from grade 9) in 户籍 — or known only from a past 学籍 — with that name, an age that fits the grade, and
 * no past 学籍 more than one grade above the class. Several fit: the one whose
 * household is in the school's township (learnt from its students' 户籍地区划代码), then the one of the grade's age.
 */
export function linkRosterToHukou(all: AllRecords, c: Clusters, out: Ambiguity[], opts: LinkOptions): void {
  const roster = all.tables.roster;
  const xueji = all.tables.xueji;
  const [r0] = all.range('roster');
  const [h0, h1] = all.range('hukou');
  const [x0, x1] = all.range('xueji');
  const pending: number[] = [];
  const firsts = new Set<string>();
  const undecided = new Set(out.map((a) => a.record));
  for (let i = 0; i < roster.size; i++) {
    const r = c.find(r0 + i);
    if (c.xuejiOf(r) > 0 || c.hukouOf(r) > 0 || c.validRepOf(r) >= 0 || undecided.has(r0 + i)) continue;
    pending.push(r0 + i);
    firsts.add(nameKey(all.name[r0 + i]).slice(0, 1));
  }
  if (pending.length === 0) return;
  // Accounted for: a current 学籍, or compulsory education completed (毕业 at grade 9). A past 学籍 (辍学, 转出) says
  // the grade the child had reached: a class two grades below it is not theirs.
  const enrolled = new Uint8Array(all.total);
  const reached = new Int8Array(all.total);
  for (let i = 0; i < xueji.size; i++) {
    const st = xueji.status[i];
    const r = c.find(x0 + i);
    if (st === 0 || st === STATUS_CODES.在读 || st === STATUS_CODES.休学) enrolled[r] = 1;
    else if (st === STATUS_CODES.毕业 && xueji.grade[i] === 9) enrolled[r] = 1;
    else if (xueji.grade[i] > reached[r]) reached[r] = xueji.grade[i];
  }
  // Unaccounted children: 户籍 records, and 学籍-only children; by name, and by how the name sounds.
  const byName = new Map<string, number[]>();
  const bySound = new Map<string, number[]>();
  const consider = (g: number) => {
    const r = c.find(g);
    if (c.rosterOf(r) > 0 || enrolled[r] || all.birth[g] === 0) return;
    if (!firsts.has(nameKey(all.name[g]).slice(0, 1))) return;
    push(byName, nameKey(all.name[g]), g);
    push(bySound, soundKey(all.name[g]), g);
  };
  for (let g = h0; g < h1; g++) consider(g);
  for (let g = x0; g < x1; g++) if (c.hukouOf(c.find(g)) === 0) consider(g);
  const township = schoolTownships(all);
  const startMd = Number(opts.schoolYearStart.replace('-', ''));
  const onTimeGrade = (birth: number) => {
    const y = Math.floor(birth / 10000);
    const birthYear = birth % 10000 >= startMd ? y : y - 1;
    return opts.schoolYear - birthYear - opts.gradeOneAge;
  };
  for (const g of pending) {
    const i = g - r0;
    const grade = roster.grade[i];
    const fitting = (homophones: number): number[] => {
      const list = (homophones === 0 ? byName.get(nameKey(all.name[g])) : bySound.get(soundKey(all.name[g]))) ?? [];
      const fits: number[] = [];
      const roots = new Set<number>();
      for (const t of list) {
        const rt = c.find(t);
        if (roots.has(rt) || c.rosterOf(rt) > 0) continue;
        const d = nameDistance(all.name[g], all.name[t]);
        if (homophones === 0 ? d !== 0 : d < 1 || d > homophones) continue;
        const lag = onTimeGrade(all.birth[t]) - grade; // > 0: older than the grade
        if (grade > 0 && (lag < -1 || lag > 2 || reached[rt] > grade + 1)) continue;
        roots.add(rt);
        fits.push(t);
      }
      return fits;
    };
    let fits = fitting(0);
    if (fits.length === 0) fits = fitting(1);
    if (fits.length > 1) {
      const home = roster.school[i] >= 0 ? township.get(roster.pool[roster.school[i]]) : undefined;
      if (home) fits = preferSome(fits, (t) => all.text(t, 'division').startsWith(home));
      if (grade > 0) fits = preferSome(fits, (t) => onTimeGrade(all.birth[t]) === grade);
    }
    if (fits.length === 1) c.union(g, fits[0], M['姓名+年龄']);
    else if (fits.length > 1) out.push({ record: g, candidates: fits, by: 'name' });
  }
}

/** The ones that pass, when some do; else all. */
function preferSome(list: number[], test: (t: number) => boolean): number[] {
  const some = list.filter(test);
  return some.length > 0 ? some : list;
}

/** Each school's township (9-digit code): the most common among its students' 户籍地区划代码. */
function schoolTownships(all: AllRecords): Map<string, string> {
  const x = all.tables.xueji;
  const votes = new Map<string, Map<string, number>>();
  for (let i = 0; i < x.size; i++) {
    if (x.school[i] < 0 || x.division[i] < 0) continue;
    const d = x.pool[x.division[i]];
    if (d.length < 9) continue;
    const school = x.pool[x.school[i]];
    let m = votes.get(school);
    if (!m) votes.set(school, (m = new Map()));
    const t = d.slice(0, 9);
    m.set(t, (m.get(t) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const [school, m] of votes) {
    let best = '';
    let most = 0;
    for (const [t, n] of m) if (n > most) [best, most] = [t, n];
    out.set(school, best);
  }
  return out;
}
