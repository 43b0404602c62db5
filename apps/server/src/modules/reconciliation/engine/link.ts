/**
 * Entity resolution: which records describe the same child. Each step ties records only on evidence it can explain
 * (匹配方式), strongest first; a record several children fit equally is never guessed: it stays apart and its
 * candidates are kept for the findings to name.
 *  1. 证件号一致 — the same normalised ID number (other documents: the same type and number as written). An invalid
 *     number, and a 学籍号 many rows share, tie records only when their names agree too (placeholders like
 *     000000000000000000 are shared by many children).
 *  2. 学籍号 — the same 学籍号 (名册 ↔ 学籍); a G学籍号 carries the ID number it was made from.
 *  3. 证件号纠错 — an invalid number one slip (one digit, or two swapped neighbours) from a valid one, with the same
 *     name (or a homophone), birth date and gender.
 *  4. 班级+姓名 — roster rows not yet tied to a 学籍, by name within their school, grade and class (homophones next;
 *     as many same-name rows as same-name 学籍: all present, 同班同名); then 年级+姓名 within school and grade.
 *     Local evidence first: a child on its class list is then known to be present there.
 *  5. 姓名+出生日期 — records without a valid ID, by name, birth date and gender across the county, when one child fits
 *     and nothing says two children (two 户籍 records, two class lists, another county's 户籍地, a far number); a
 *     homophone, or a second current 学籍, also needs the same 户籍地 or school, else the candidate is only named
 *     (several: the one registered in the same village, then the one without a 学籍).
 *  6. 姓名+年龄 — roster rows with no 学籍 and no ID: the one unaccounted child of that name, of an age that fits the
 *     grade (several: the one living in the school's township, then the one of the grade's age).
 * A person's decisions come first (link-decisions.ts): a split is never crossed, a merge is 人工 (after step 1).
 */
import { AllRecords, type Tables } from './all-records';
import { PartitionedKeyIndex } from './id-key';
import { M, type Ambiguity, type DecisionNotes, type LinkOptions, type Linking } from './link-common';
import { applyDecisions, guardSplits, matchDecisions, openAmbiguities } from './link-decisions';
import { correctIds, linkStudentNumbers } from './link-ids';
import { linkNameAndBirth } from './link-names';
import { linkRosterByClass, linkRosterToHukou } from './link-roster';
import { namesAgree } from './names';
import { ID_OTHER, ID_VALID } from './table';
import { Clusters } from './union-find';

export { METHODS, type Ambiguity, type DecisionNotes, type LinkOptions, type Linking } from './link-common';

export function linkRecords(tables: Tables, opts: LinkOptions): Linking {
  const t0 = performance.now();
  const all = new AllRecords(tables);
  let t = performance.now();
  if (opts.timings) opts.timings['link.gather'] = Math.round(t - t0);
  const ambiguities: Ambiguity[] = [];
  const [h0, h1] = all.range('hukou');
  const [x0, x1] = all.range('xueji');
  const [r0, r1] = all.range('roster');
  const c = new Clusters(all.total, { hukou: [h0, h1], xueji: [x0, x1], roster: [r0, r1] }, all.idState);
  // People's decisions: splits guard every union from the start; merges are applied after the exact-ID step.
  const matched = opts.decisions && opts.decisions.length > 0 ? matchDecisions(all, opts.decisions) : [];
  guardSplits(c, matched);
  const decisionNotes: DecisionNotes = new Map();

  // 1. The same ID number: valid ones by their integer key, the rest (invalid, other documents) as written.
  const byId = new PartitionedKeyIndex(all.idKey, (g, first) => c.union(g, first, M.证件号一致));
  // An invalid number or another document ties records only when the names agree too: files hold placeholders
  // (000000000000000000, 123456789012345678) that many children share.
  const byText = new Map<string, number[]>();
  for (let g = 0; g < all.total; g++) {
    const st = all.idState[g];
    if (st === 0 || st === ID_VALID) continue;
    let key = all.id[g];
    if (st === ID_OTHER) key = `${String.fromCharCode(all.table(g).idType[all.local(g)])}:${key}`;
    const firsts = byText.get(key);
    if (!firsts) {
      byText.set(key, [g]);
      continue;
    }
    const same = firsts.find((f) => namesAgree(all.name[f], all.name[g], 2));
    if (same === undefined) firsts.push(g);
    else c.union(g, same, M.证件号一致);
  }
  const decisions = matched.length > 0 ? applyDecisions(c, matched, decisionNotes) : null;
  if (opts.exactIdOnly) return { all, clusters: c, ambiguities, decisionNotes, decisions };

  const lap = (name: string) => {
    const now = performance.now();
    if (opts.timings) opts.timings[name] = Math.round(now - t);
    t = now;
  };
  lap('link.id');
  linkStudentNumbers(all, c, byId);
  lap('link.studentNo');
  correctIds(all, c, byId, ambiguities);
  lap('link.correct');
  linkRosterByClass(all, c, ambiguities);
  lap('link.class');
  linkNameAndBirth(all, c, ambiguities);
  lap('link.nameBirth');
  linkRosterToHukou(all, c, ambiguities, opts);
  lap('link.age');
  const open = matched.length > 0 ? openAmbiguities(c, ambiguities, matched) : ambiguities;
  return { all, clusters: c, ambiguities: open, decisionNotes, decisions };
}
