import { describe, expect, it } from 'vitest';
import { suppressSmallCountRows, suppressSmallCounts } from './disclosure';

// Issue 7 item 7: counts under 5 at school or village level are published as '<5'; a suppressed cell must not be
// recoverable by subtracting the published cells from the group total (secondary suppression).

/** Whether a hidden cell can be recovered from the total and the published cells. */
function recoverable(counts: number[], published: (number | '<5')[]): boolean {
  const hidden = published.filter((c) => c === '<5').length;
  return hidden === 1 && counts.length > 1;
}

describe('suppressSmallCounts', () => {
  it('counts of 5 and more are published as they are', () => {
    expect(suppressSmallCounts([5, 12, 40])).toEqual([5, 12, 40]);
  });
  it('two small counts: both hidden, nothing else', () => {
    expect(suppressSmallCounts([3, 1, 20, 9])).toEqual(['<5', '<5', 20, 9]);
  });
  it('one small count: the smallest other cell is hidden too', () => {
    expect(suppressSmallCounts([20, 3, 9, 12])).toEqual([20, '<5', '<5', 12]);
  });
  it('first of equal candidates is chosen for secondary suppression', () => {
    expect(suppressSmallCounts([7, 2, 7])).toEqual(['<5', '<5', 7]);
  });
  it('zero is under 5 too', () => {
    expect(suppressSmallCounts([0, 0, 8])).toEqual(['<5', '<5', 8]);
    expect(suppressSmallCounts([0, 30, 8])).toEqual(['<5', 30, '<5']);
  });
  it('a single-cell group is hidden when small (its total is published only one level up)', () => {
    expect(suppressSmallCounts([4])).toEqual(['<5']);
    expect(suppressSmallCounts([6])).toEqual([6]);
  });
  it('empty group', () => expect(suppressSmallCounts([])).toEqual([]));
  it('non-finite counts are never published', () => {
    expect(suppressSmallCounts([Number.NaN, 10, 11])).toEqual(['<5', '<5', 11]);
  });
  it('property: no cell under 5 is ever published, and no group ends with exactly one hidden cell', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let t = 0; t < 500; t++) {
      const counts = Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => Math.floor(rnd() * 15));
      const out = suppressSmallCounts(counts);
      out.forEach((c, i) => {
        if (c !== '<5') {
          expect(c).toBe(counts[i]);
          expect(c).toBeGreaterThanOrEqual(5);
        }
      });
      expect(recoverable(counts, out)).toBe(false);
    }
  });
});

describe('suppressSmallCountRows', () => {
  it('suppresses each column independently and keeps other fields', () => {
    const rows = [
      { village: '王村', dropouts: 2, eligible: 120 },
      { village: '李村', dropouts: 6, eligible: 3 },
      { village: '张村', dropouts: 9, eligible: 80 },
    ];
    expect(suppressSmallCountRows(rows, ['dropouts', 'eligible'])).toEqual([
      { village: '王村', dropouts: '<5', eligible: 120 },
      { village: '李村', dropouts: '<5', eligible: '<5' },
      { village: '张村', dropouts: 9, eligible: '<5' },
    ]);
    expect(rows[0].dropouts).toBe(2);
  });
});
