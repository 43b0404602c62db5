import { describe, expect, it } from 'vitest';
import { createRng, mulberry32, pickWeighted, shuffle, weightedTable } from './random';

describe('synth random (mulberry32)', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const next = mulberry32(7);
    const buckets = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = next();
      if (!(x >= 0 && x < 1)) outside++;
      else buckets[Math.floor(x * 10)]++;
    }
    expect(outside).toBe(0);
    for (const n of buckets) expect(Math.abs(n - 10_000)).toBeLessThan(500);
  });

  it('gives independent streams per label', () => {
    expect(createRng(1, 'a').next()).not.toBe(createRng(1, 'b').next());
    expect(createRng(1, 'a').next()).toBe(createRng(1, 'a').next());
  });

  it.each([
    [0, 0],
    [3, 7],
    [-2, 2],
  ])('range(%i, %i) stays inclusive', (min, max) => {
    const rng = createRng(5);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(rng.range(min, max));
    expect(Math.min(...seen)).toBe(min);
    expect(Math.max(...seen)).toBe(max);
  });

  it('weightedTable picks in proportion', () => {
    const table = weightedTable([
      ['a', 3],
      ['b', 1],
    ]);
    const rng = createRng(9);
    let a = 0;
    for (let i = 0; i < 40_000; i++) if (pickWeighted(table, rng.next()) === 'a') a++;
    expect(a / 40_000).toBeCloseTo(0.75, 1);
  });

  it('shuffle is a deterministic permutation', () => {
    const one = shuffle([1, 2, 3, 4, 5, 6], createRng(3));
    expect(shuffle([1, 2, 3, 4, 5, 6], createRng(3))).toEqual(one);
    expect([...one].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
