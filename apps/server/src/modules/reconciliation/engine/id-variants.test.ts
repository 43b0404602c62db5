import { makeIdNumber, parseIdNumber } from '@notoneless/shared/rules/id-number';
import { describe, expect, it } from 'vitest';
import { idKeyOf, PartitionedKeyIndex } from './id-key';
import { idVariants } from './id-variants';

const ID = makeIdNumber('410182', '2014-03-05', 123);

describe('idVariants: the valid numbers one slip away', () => {
  it('recovers every single mistyped character and every swap of neighbours', () => {
    for (let p = 0; p < 18; p++) {
      for (const d of '0123456789X') {
        if (d === ID[p] || (d === 'X' && p < 17)) continue;
        const typo = ID.slice(0, p) + d + ID.slice(p + 1);
        if (parseIdNumber(typo).valid) continue;
        expect(
          idVariants(typo).map((v) => v.id),
          typo,
        ).toContain(ID);
      }
    }
    for (let p = 0; p < 17; p++) {
      if (ID[p] === ID[p + 1]) continue;
      const swapped = ID.slice(0, p) + ID[p + 1] + ID[p] + ID.slice(p + 2);
      if (parseIdNumber(swapped).valid || swapped.slice(0, 17).includes('X')) continue;
      const v = idVariants(swapped).find((x) => x.id === ID);
      expect(v, swapped).toBeDefined();
    }
  });

  it('gives only numbers whose check character is right, and nothing for malformed input', () => {
    const typo = ID.slice(0, 9) + ((Number(ID[9]) + 4) % 10) + ID.slice(10);
    const variants = idVariants(typo);
    expect(variants.length).toBeGreaterThan(0);
    for (const v of variants) expect(v.id[17]).toBe(checkOf(v.id));
    expect(idVariants('12345')).toEqual([]);
    expect(idVariants('41018220140305X123')).toEqual([]);
  });
});

function checkOf(id: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(id[i]) * w[i];
  return '10X98765432'[s % 11];
}

describe('ID keys', () => {
  it('are one integer per valid number, and the partitioned index finds them and reports repeats', () => {
    const ids = Array.from({ length: 5000 }, (_, i) =>
      makeIdNumber(i % 2 ? '410182' : '110101', `20${10 + (i % 9)}-0${1 + (i % 9)}-1${i % 9}`, i % 1000),
    );
    const keys = Float64Array.from([...ids, ...ids.slice(0, 10)].map(idKeyOf));
    expect(new Set(ids.map(idKeyOf)).size).toBe(new Set(ids).size);
    const repeats: [number, number][] = [];
    const index = new PartitionedKeyIndex(keys, (i, first) => repeats.push([i, first]));
    expect(repeats.length).toBe(10 + (ids.length - new Set(ids).size));
    for (let i = 0; i < 100; i++) expect(ids[index.get(idKeyOf(ids[i]))]).toBe(ids[i]);
    expect(index.get(idKeyOf(makeIdNumber('320102', '2001-01-01', 5)))).toBe(-1);
  });
});
