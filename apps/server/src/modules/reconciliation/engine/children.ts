/** Clusters → resolved children: each child's records (CSR arrays), the methods that tied them, and the links. */
import { METHODS, type Linking } from './link';
import { METHOD_CONFIDENCE, type ChildLink, type MatchMethod } from './types';

export type ChildIndex = {
  count: number;
  /** Child of each global record. */
  childOf: Int32Array;
  /** Records of child k: members[start[k] … start[k + 1]) (global numbers, ascending). */
  start: Int32Array;
  members: Int32Array;
  /** Bit m set: METHODS[m] tied records of the child. */
  methodBits: Uint16Array;
  /** Method (+1) by which each record was tied to its child; 0 for the first record of a child. */
  joinedBy: Uint8Array;
};

export function indexChildren(linking: Linking): ChildIndex {
  const { all, clusters } = linking;
  const n = all.total;
  const rootChild = new Int32Array(n).fill(-1);
  const childOf = new Int32Array(n);
  let count = 0;
  for (let g = 0; g < n; g++) {
    const r = clusters.find(g);
    if (rootChild[r] < 0) rootChild[r] = count++;
    childOf[g] = rootChild[r];
  }
  const start = new Int32Array(count + 1);
  for (let g = 0; g < n; g++) start[childOf[g] + 1]++;
  for (let k = 0; k < count; k++) start[k + 1] += start[k];
  const fill = start.slice(0, count);
  const members = new Int32Array(n);
  for (let g = 0; g < n; g++) members[fill[childOf[g]]++] = g;
  const methodBits = new Uint16Array(count);
  const joinedBy = new Uint8Array(n);
  for (let e = 0; e < clusters.edges; e++) {
    const a = clusters.edgeA[e];
    const m = clusters.edgeMethod[e];
    methodBits[childOf[a]] |= 1 << m;
    if (joinedBy[a] === 0) joinedBy[a] = m + 1;
  }
  return { count, childOf, start, members, methodBits, joinedBy };
}

/** 匹配方式 and 置信度 of a child: its methods (strongest first), and the weakest tie's confidence. */
export function methodsOf(bits: number, memberCount: number): { method: string; confidence: number } {
  if (bits === 0) return { method: memberCount > 1 ? '证件号一致' : '单条记录', confidence: 1 };
  const names: MatchMethod[] = [];
  let confidence = 1;
  for (let m = 0; m < METHODS.length; m++) {
    if ((bits & (1 << m)) === 0) continue;
    names.push(METHODS[m]);
    confidence = Math.min(confidence, METHOD_CONFIDENCE[METHODS[m]]);
  }
  return { method: names.join('、'), confidence };
}

export function childLinks(linking: Linking, idx: ChildIndex): ChildLink[] {
  const { all } = linking;
  const out: ChildLink[] = new Array<ChildLink>(all.total);
  for (let g = 0; g < all.total; g++) {
    const m = idx.joinedBy[g];
    const method = m === 0 ? null : METHODS[m - 1];
    out[g] = {
      child: idx.childOf[g],
      kind: all.kind(g),
      row: all.row(g),
      method,
      confidence: method === null ? 1 : METHOD_CONFIDENCE[method],
    };
  }
  return out;
}
