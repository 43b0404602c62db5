import { describe, expect, it } from 'vitest';
import { suppressSmallCountRows, suppressSmallCounts, suppressTwoLevels, type PublicCount } from './disclosure';

// Issue 7 item 7: counts under 5 at school or village level are published as '<5'; a suppressed cell must not be
// recoverable by subtracting the published cells from the group total (secondary suppression); a cell hidden for that
// reason is not small and is published as '*', never as an untrue '<5'.

/** Whether a hidden cell can be recovered from the total and the published cells. */
function recoverable(counts: number[], published: PublicCount[]): boolean {
  const hidden = published.filter((c) => typeof c !== 'number').length;
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
    expect(suppressSmallCounts([20, 3, 9, 12])).toEqual([20, '<5', '*', 12]);
  });
  it('first of equal candidates is chosen for secondary suppression', () => {
    expect(suppressSmallCounts([7, 2, 7])).toEqual(['*', '<5', 7]);
  });
  it('zero is under 5 too', () => {
    expect(suppressSmallCounts([0, 0, 8])).toEqual(['<5', '<5', 8]);
    expect(suppressSmallCounts([0, 30, 8])).toEqual(['<5', 30, '*']);
  });
  it('a single-cell group is hidden when small (its total is published only one level up)', () => {
    expect(suppressSmallCounts([4])).toEqual(['<5']);
    expect(suppressSmallCounts([6])).toEqual([6]);
  });
  it('empty group', () => expect(suppressSmallCounts([])).toEqual([]));
  it('non-finite counts are never published', () => {
    expect(suppressSmallCounts([Number.NaN, 10, 11])).toEqual(['<5', '*', 11]);
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
        if (typeof c === 'number') {
          expect(c).toBe(counts[i]);
          expect(c).toBeGreaterThanOrEqual(5);
        } else expect(c).toBe(counts[i] < 5 ? '<5' : '*');
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
      { village: '李村', dropouts: '*', eligible: '<5' },
      { village: '张村', dropouts: 9, eligible: '*' },
    ]);
    expect(rows[0].dropouts).toBe(2);
  });
});

describe('suppressTwoLevels (villages in townships, township totals, county sum)', () => {
  it('a township with one village: a small village count is not given away by the township total', () => {
    const r = suppressTwoLevels([[3], [20, 30], [12, 9]]);
    expect(r.cells[0]).toEqual(['<5']);
    expect(r.totals[0]).toBe('<5');
    // the county sum is published: a second township total is hidden ('*', the smallest: 21) …
    expect(r.totals).toEqual(['<5', 50, '*']);
    // … and cannot be recomputed from its villages, which were all published: its two smallest are hidden
    expect(r.cells[2]).toEqual(['*', '*']);
    expect(r.cells[1]).toEqual([20, 30]);
  });
  it('a small township total is suppressed although its villages are already hidden', () => {
    const r = suppressTwoLevels([
      [1, 2],
      [40, 7],
      [6, 8],
    ]);
    expect(r.totals[0]).toBe('<5');
    expect(r.cells[0]).toEqual(['<5', '<5']);
    // the smallest other total (14) is hidden; its villages were published, so both are hidden
    expect(r.totals).toEqual(['<5', 47, '*']);
    expect(r.cells[2]).toEqual(['*', '*']);
  });
  it('large townships whose small villages are protected inside the group keep their totals', () => {
    const r = suppressTwoLevels([
      [3, 20, 9],
      [30, 40],
    ]);
    expect(r.totals).toEqual([32, 70]);
    expect(r.cells).toEqual([
      ['<5', 20, '*'],
      [30, 40],
    ]);
  });
  it('property: no total or cell under 5 is published, no total is the sum of published cells while hidden, no level has exactly one hidden entry', () => {
    let seed = 11;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let t = 0; t < 500; t++) {
      const groups = Array.from({ length: 1 + Math.floor(rnd() * 5) }, () =>
        Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => Math.floor(rnd() * 12)),
      );
      const { totals, cells } = suppressTwoLevels(groups);
      for (const out of [totals, ...cells]) {
        for (const c of out) if (typeof c === 'number') expect(c).toBeGreaterThanOrEqual(5);
      }
      cells.forEach((g, i) => {
        expect(recoverable(groups[i], g)).toBe(false);
        if (typeof totals[i] !== 'number') expect(g.every((c) => typeof c === 'number')).toBe(false);
      });
      const sums = groups.map((g) => g.reduce((a, b) => a + b, 0));
      expect(recoverable(sums, totals)).toBe(false);
    }
  });
});
