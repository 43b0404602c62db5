/** Small seeded PRNG (mulberry32) and helpers. Everything in synth draws from here; never Math.random. */

export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** Integer in [min, max] inclusive. */
  range(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
};

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mix a seed with a stream label so independent parts (county, children) get independent streams. */
export function deriveSeed(seed: number, label: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

export function createRng(seed: number, label = ''): Rng {
  const next = mulberry32(deriveSeed(seed, label));
  return {
    next,
    int: (n) => Math.floor(next() * n),
    range: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

/**
 * O(1) weighted choice: a lookup table of `resolution` slots filled in proportion to the weights.
 * Good enough for synthetic data (weights are rounded to 1/resolution).
 */
export type WeightedTable<T> = { readonly slots: readonly T[] };

export function weightedTable<T>(entries: readonly (readonly [T, number])[], resolution = 4096): WeightedTable<T> {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  const slots: T[] = [];
  let acc = 0;
  for (const [item, w] of entries) {
    acc += w;
    const until = Math.round((acc / total) * resolution);
    while (slots.length < until) slots.push(item);
  }
  return { slots };
}

export function pickWeighted<T>(table: WeightedTable<T>, r: number): T {
  return table.slots[Math.floor(r * table.slots.length)];
}

/** Deterministic in-place Fisher–Yates shuffle. */
export function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
  return items;
}
