/** What the linking steps share: the method codes, the ambiguity record, the options, small helpers. */
import type { AllRecords } from './all-records';
import type { Clusters } from './union-find';
import type { IdentityDecision, MatchMethod } from './types';

export const METHODS: readonly MatchMethod[] = [
  '人工',
  '证件号一致',
  '学籍号',
  '学籍号中的证件号',
  '证件号纠错',
  '姓名+出生日期',
  '同音姓名+出生日期',
  '班级+姓名',
  '班级+同音姓名',
  '年级+姓名',
  '姓名+年龄',
  '同班同名',
];
export const M = Object.fromEntries(METHODS.map((m, i) => [m, i])) as Record<MatchMethod, number>;

/**
 * A record left apart because several children fitted it (global record numbers); 'unconfirmed': one child fitted by
 * name (or a homophone) and birth date only, without the same 户籍地 or school where a tie needs it.
 */
export type Ambiguity = { record: number; candidates: number[]; by: 'id' | 'name' | 'class' | 'unconfirmed' };

/** Record → the 说明 sentences of the people's decisions that shaped its child. */
export type DecisionNotes = Map<number, string[]>;

export type Linking = {
  all: AllRecords;
  clusters: Clusters;
  ambiguities: Ambiguity[];
  decisionNotes: DecisionNotes;
  decisions: { applied: number; unmatched: number } | null;
};

export type LinkOptions = {
  exactIdOnly?: boolean;
  timings?: Record<string, number>;
  decisions?: readonly IdentityDecision[];
  /** For step 6: the school year Y, its start (MM-DD) and the age of grade 1. */
  schoolYear: number;
  schoolYearStart: string;
  gradeOneAge: number;
};

export function push(m: Map<number, number[]> | Map<string, number[]>, k: number | string, v: number): void {
  const map = m as Map<number | string, number[]>;
  const l = map.get(k);
  if (l) l.push(v);
  else map.set(k, [v]);
}

/** The first record of each cluster among `list`, in order. */
export function distinctRoots(c: Clusters, list: number[]): number[] {
  const roots = new Set<number>();
  const out: number[] = [];
  for (const t of list) {
    const r = c.find(t);
    if (roots.has(r)) continue;
    roots.add(r);
    out.push(t);
  }
  return out;
}

/** Two clusters may join unless both hold valid ID numbers that differ (allowed only on the strongest evidence). */
export function compatibleIds(c: Clusters, all: AllRecords, a: number, b: number, strong: boolean): boolean {
  const va = c.validRepOf(a);
  const vb = c.validRepOf(b);
  if (va < 0 || vb < 0 || all.idKey[va] === all.idKey[vb]) return true;
  return strong;
}
