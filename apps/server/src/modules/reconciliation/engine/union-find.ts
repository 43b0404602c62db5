/**
 * Union-find over all records of all files (global record numbers), keeping per cluster what the linking rules ask:
 * how many 户籍, 学籍 and 名册 records it holds and one record with a valid ID. Every union is an edge with its method.
 * A node's fields sit side by side (one cache line holds two nodes): a million unions touch far less memory.
 */
const STRIDE = 8;
const PARENT = 0;
const SIZE = 1;
const HUKOU = 2;
const XUEJI = 3;
const ROSTER = 4;
const VALID = 5;

export class Clusters {
  private readonly n: Int32Array;
  edgeA: Int32Array;
  edgeB: Int32Array;
  edgeMethod: Uint8Array;
  edges = 0;
  /** People's splits: clusters that must never join (null: none, and no cost). */
  guard: { allows(ra: number, rb: number): boolean; joined(from: number, to: number): void } | null = null;

  /**
   * `ranges`: [start, end) of the 户籍, 学籍 and 名册 records (their counts start at 1); `valid[g]`: 1 when record g
   * holds a valid ID.
   */
  constructor(count: number, ranges: { hukou: [number, number]; xueji: [number, number]; roster: [number, number] }, valid: Uint8Array) {
    const n = new Int32Array(count * STRIDE);
    for (let g = 0, o = 0; g < count; g++, o += STRIDE) {
      n[o + PARENT] = g;
      n[o + SIZE] = 1;
      n[o + VALID] = valid[g] === 1 ? g : -1;
    }
    const mark = ([a, b]: [number, number], field: number) => {
      for (let g = a; g < b; g++) n[g * STRIDE + field] = 1;
    };
    mark(ranges.hukou, HUKOU);
    mark(ranges.xueji, XUEJI);
    mark(ranges.roster, ROSTER);
    this.n = n;
    const cap = Math.max(16, count >> 1);
    this.edgeA = new Int32Array(cap);
    this.edgeB = new Int32Array(cap);
    this.edgeMethod = new Uint8Array(cap);
  }

  find(x: number): number {
    const n = this.n;
    let p = n[x * STRIDE];
    while (p !== x) {
      const gp = n[p * STRIDE];
      n[x * STRIDE] = gp;
      x = p;
      p = n[x * STRIDE];
      if (gp === x) break;
    }
    return x;
  }

  hukouOf(root: number): number {
    return this.n[root * STRIDE + HUKOU];
  }
  xuejiOf(root: number): number {
    return this.n[root * STRIDE + XUEJI];
  }
  rosterOf(root: number): number {
    return this.n[root * STRIDE + ROSTER];
  }
  /** A record of the cluster with a valid ID, or -1. */
  validRepOf(root: number): number {
    return this.n[root * STRIDE + VALID];
  }

  /**
   * Tie record a to record b's cluster (a's evidence: `method`, a code). Returns false when already one cluster, or when
   * a person decided that the two clusters are different children.
   */
  union(a: number, b: number, method: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.guard && !this.guard.allows(ra, rb)) return false;
    const n = this.n;
    if (n[ra * STRIDE + SIZE] > n[rb * STRIDE + SIZE]) {
      const x = ra;
      ra = rb;
      rb = x;
    }
    const oa = ra * STRIDE;
    const ob = rb * STRIDE;
    n[oa + PARENT] = rb;
    n[ob + SIZE] += n[oa + SIZE];
    n[ob + HUKOU] += n[oa + HUKOU];
    n[ob + XUEJI] += n[oa + XUEJI];
    n[ob + ROSTER] += n[oa + ROSTER];
    if (n[ob + VALID] < 0) n[ob + VALID] = n[oa + VALID];
    this.guard?.joined(ra, rb);
    this.addEdge(a, b, method);
    return true;
  }

  private addEdge(a: number, b: number, method: number): void {
    if (this.edges === this.edgeA.length) {
      const grow = <A extends Int32Array | Uint8Array>(x: A): A => {
        const y = new (x.constructor as new (n: number) => A)(x.length * 2);
        y.set(x);
        return y;
      };
      this.edgeA = grow(this.edgeA);
      this.edgeB = grow(this.edgeB);
      this.edgeMethod = grow(this.edgeMethod);
    }
    this.edgeA[this.edges] = a;
    this.edgeB[this.edges] = b;
    this.edgeMethod[this.edges] = method;
    this.edges++;
  }
}
