/**
 * A valid ID number as one exact integer (area · birth day · sequence; the check character follows from them), so
 * that a million of them index in a typed-array hash table instead of a Map of strings.
 */

/** Days-in-year slots: (year − 1800)·372 + (month − 1)·31 + (day − 1); < 2^17 until 2099. */
export const birthSlot = (yyyymmdd: number): number =>
  (Math.floor(yyyymmdd / 10000) - 1800) * 372 + ((Math.floor(yyyymmdd / 100) % 100) - 1) * 31 + ((yyyymmdd % 100) - 1);

/** The key of a valid ID from its parts (< 2^47). */
export const idKeyOfParts = (area: number, yyyymmdd: number, seq: number): number => (area * 111_600 + birthSlot(yyyymmdd)) * 1000 + seq;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The ID number a key stands for (the check character computed). */
export function idFromKey(key: number): string {
  const area = Math.floor(key / 111_600_000);
  const rest = key - area * 111_600_000;
  const slot = Math.floor(rest / 1000);
  const seq = rest - slot * 1000;
  const y = 1800 + Math.floor(slot / 372);
  const m = Math.floor((slot % 372) / 31) + 1;
  const d = (slot % 31) + 1;
  const first17 = `${String(area).padStart(6, '0')}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return first17 + CHECK_CHARS[sum % 11];
}

/** The key of a valid 18-character ID string (the caller knows it is valid). */
export function idKeyOf(id: string): number {
  return idKeyOfParts(Number(id.slice(0, 6)), Number(id.slice(6, 14)), Number(id.slice(14, 17)));
}

/** Integer keys → int values (first one kept), open addressing. */
export class KeyIndex {
  private keys: Float64Array;
  private values: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    let n = 1024;
    while (n < expected * 2) n *= 2;
    this.keys = new Float64Array(n);
    this.values = new Int32Array(n);
    this.mask = n - 1;
  }

  private slot(k: number): number {
    let h = Math.imul(k | 0, 0x9e3779b1) ^ Math.imul((k / 4294967296) | 0, 0x85ebca6b);
    h ^= h >>> 15;
    return h & this.mask;
  }

  /** The value stored for k, or -1. Keys are > 0. */
  get(k: number): number {
    let s = this.slot(k);
    for (;;) {
      const x = this.keys[s];
      if (x === 0) return -1;
      if (x === k) return this.values[s];
      s = (s + 1) & this.mask;
    }
  }

  /** Store k → v unless k is there; returns the value now stored. */
  add(k: number, v: number): number {
    let s = this.slot(k);
    for (;;) {
      const x = this.keys[s];
      if (x === 0) break;
      if (x === k) return this.values[s];
      s = (s + 1) & this.mask;
    }
    this.keys[s] = k;
    this.values[s] = v;
    if (++this.size * 2 > this.keys.length) this.grow();
    return v;
  }

  private grow(): void {
    const keys = this.keys;
    const values = this.values;
    const n = keys.length * 2;
    this.keys = new Float64Array(n);
    this.values = new Int32Array(n);
    this.mask = n - 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.add(keys[i], values[i]);
  }
}

const PARTITION_BITS = 10;

/**
 * A read-only index of integer keys built in one go, partitioned by hash so that each partition's table fits in the
 * cache (a million random probes into one big table cost ~100 ns each; this builds several times faster).
 * `onRepeat(i, first)` is told every key seen before, with the first index that had it.
 */
export class PartitionedKeyIndex {
  private readonly base: Int32Array;
  private readonly masks: Int32Array;
  private readonly slotKeys: Float64Array;
  private readonly slotValues: Int32Array;

  constructor(keys: Float64Array, onRepeat?: (i: number, first: number) => void) {
    const parts = 1 << PARTITION_BITS;
    const n = keys.length;
    const hashes = new Int32Array(n);
    const counts = new Int32Array(parts + 1);
    for (let i = 0; i < n; i++) {
      const k = keys[i];
      if (k === 0) continue;
      const h = hashKey(k);
      hashes[i] = h;
      counts[(h >>> (32 - PARTITION_BITS)) + 1]++;
    }
    // Order the entries by partition (stable: increasing index within a partition).
    const start = new Int32Array(parts + 1);
    for (let p = 0; p < parts; p++) start[p + 1] = start[p] + counts[p + 1];
    const fill = start.slice(0, parts);
    const order = new Int32Array(start[parts]);
    for (let i = 0; i < n; i++) if (keys[i] !== 0) order[fill[hashes[i] >>> (32 - PARTITION_BITS)]++] = i;
    // One small open-addressing table per partition, side by side.
    this.base = new Int32Array(parts);
    this.masks = new Int32Array(parts);
    let total = 0;
    for (let p = 0; p < parts; p++) {
      const m = start[p + 1] - start[p];
      let cap = 4;
      while (cap < m * 2) cap *= 2;
      this.base[p] = total;
      this.masks[p] = cap - 1;
      total += cap;
    }
    this.slotKeys = new Float64Array(total);
    this.slotValues = new Int32Array(total);
    for (let p = 0; p < parts; p++) {
      const b = this.base[p];
      const mask = this.masks[p];
      for (let j = start[p]; j < start[p + 1]; j++) {
        const i = order[j];
        const k = keys[i];
        let s = hashes[i] & mask;
        for (;;) {
          const x = this.slotKeys[b + s];
          if (x === 0) {
            this.slotKeys[b + s] = k;
            this.slotValues[b + s] = i;
            break;
          }
          if (x === k) {
            onRepeat?.(i, this.slotValues[b + s]);
            break;
          }
          s = (s + 1) & mask;
        }
      }
    }
  }

  /** The first index that had key k, or -1. */
  get(k: number): number {
    const h = hashKey(k);
    const p = h >>> (32 - PARTITION_BITS);
    const b = this.base[p];
    const mask = this.masks[p];
    let s = h & mask;
    for (;;) {
      const x = this.slotKeys[b + s];
      if (x === 0) return -1;
      if (x === k) return this.slotValues[b + s];
      s = (s + 1) & mask;
    }
  }
}

function hashKey(k: number): number {
  let h = Math.imul(k | 0, 0x9e3779b1) ^ Math.imul((k / 4294967296) | 0, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h;
}
