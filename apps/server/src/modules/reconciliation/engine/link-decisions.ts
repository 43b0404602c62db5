/**
 * People's decisions on who is who (issue 4, item 5: "merge/split identities"), which every later run respects:
 * - split: the records of the two keys are never tied, whatever the ID or name evidence says (a guard on every union,
 *   also through third records); it blocks, it does not choose another candidate — a merge says who instead.
 * - merge: the records of the two keys are one child, tied before the evidence steps (method 人工, confidence 1);
 *   a key that is not an ID or 学籍号 must name exactly one record, else the merge is not applied.
 * Each decision that shaped a child adds its sentence to the 说明 of that child's findings.
 */
import type { AllRecords } from './all-records';
import { idKeyOf } from './id-key';
import { M, type Ambiguity, type DecisionNotes } from './link-common';
import { keyIsById, recordKeyOf } from './record-key';
import { ID_VALID } from './table';
import type { IdentityDecision } from './types';
import type { Clusters } from './union-find';

export type MatchedDecision = { decision: IdentityDecision; left: number[]; right: number[] };

const VALID_ID_KEY = /^id:(\d{17}[\dX])$/;

/** The records each decision's keys name (one pass over the records; valid IDs compared as numbers). */
export function matchDecisions(all: AllRecords, decisions: readonly IdentityDecision[]): MatchedDecision[] {
  const byIdKey = new Map<number, string>();
  const others = new Set<string>();
  for (const d of decisions) {
    for (const key of [d.left, d.right]) {
      const m = VALID_ID_KEY.exec(key);
      if (m) byIdKey.set(idKeyOf(m[1]), key);
      else others.add(key);
    }
  }
  const found = new Map<string, number[]>();
  const add = (key: string, g: number) => {
    const l = found.get(key);
    if (l) l.push(g);
    else found.set(key, [g]);
  };
  for (let g = 0; g < all.total; g++) {
    if (all.idState[g] === ID_VALID) {
      const key = byIdKey.get(all.idKey[g]);
      if (key !== undefined && `id:${all.idOf(g)}` === key) add(key, g);
    } else if (others.size > 0) {
      const key = recordKeyOf(all, g);
      if (others.has(key)) add(key, g);
    }
  }
  return decisions.map((decision) => ({ decision, left: found.get(decision.left) ?? [], right: found.get(decision.right) ?? [] }));
}

/** Install the splits on the clusters before any union: each record tagged with the sides it stands on. */
export function guardSplits(c: Clusters, matched: MatchedDecision[]): void {
  const tags = new Map<number, number[]>();
  const tag = (g: number, t: number) => {
    const l = tags.get(g);
    if (l) l.push(t);
    else tags.set(g, [t]);
  };
  matched.forEach((m, i) => {
    if (m.decision.decision !== 'split' || m.left.length === 0 || m.right.length === 0) return;
    if (m.left.some((g) => m.right.includes(g))) return;
    for (const g of m.left) tag(g, 2 * i);
    for (const g of m.right) tag(g, 2 * i + 1);
  });
  if (tags.size === 0) return;
  c.guard = {
    allows(ra, rb) {
      const a = tags.get(ra);
      const b = tags.get(rb);
      if (!a || !b) return true;
      for (const x of a) for (const y of b) if (x >> 1 === y >> 1 && x !== y) return false;
      return true;
    },
    joined(from, to) {
      const a = tags.get(from);
      if (!a) return;
      const b = tags.get(to);
      tags.set(to, b ? [...b, ...a] : a);
      tags.delete(from);
    },
  };
}

/** Apply the merges (after the exact-ID step) and note every decision that shaped a child; returns the counts. */
export function applyDecisions(c: Clusters, matched: MatchedDecision[], notes: DecisionNotes): { applied: number; unmatched: number } {
  let applied = 0;
  let unmatched = 0;
  const note = (g: number, s: string) => {
    const l = notes.get(g);
    if (!l) notes.set(g, [s]);
    else if (!l.includes(s)) l.push(s);
  };
  for (const { decision: d, left, right } of matched) {
    const usable = (key: string, list: number[]) => list.length > 0 && (keyIsById(key) || list.length === 1);
    if (!usable(d.left, left) || !usable(d.right, right)) {
      unmatched++;
      continue;
    }
    if (d.decision === 'merge') {
      c.union(left[0], right[0], M.人工);
      if (c.find(left[0]) !== c.find(right[0])) continue; // a split forbids it: the split wins
      note(left[0], `人工认定为同一人：${d.note}`);
    } else {
      if (left.some((g) => right.includes(g))) {
        unmatched++;
        continue;
      }
      for (const g of [...left, ...right]) note(g, `人工认定不是同一人：${d.note}`);
    }
    applied++;
  }
  return { applied, unmatched };
}

/** The ambiguities still open: not those whose record is now tied to a candidate, or named by a person's merge. */
export function openAmbiguities(c: Clusters, list: Ambiguity[], matched: MatchedDecision[]): Ambiguity[] {
  const decided = new Set<number>();
  for (const m of matched) if (m.decision.decision === 'merge') for (const g of [...m.left, ...m.right]) decided.add(g);
  return list.filter((a) => !decided.has(a.record) && !a.candidates.some((t) => c.find(t) === c.find(a.record)));
}
