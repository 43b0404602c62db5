import { describe, expect, it } from 'vitest';
import { DuplicateTracker } from './duplicates';

describe('DuplicateTracker (same ID twice in one file: both rows named, kept as data)', () => {
  it('names both rows on the second occurrence and all earlier rows after', () => {
    const t = new DuplicateTracker('学籍.csv', '身份证号');
    expect(t.add({ row: 3, idNumber: 'A' })).toEqual([]);
    expect(t.add({ row: 5, idNumber: 'B' })).toEqual([]);
    expect(t.add({ row: 12, idNumber: 'A' })).toEqual([
      { file: '学籍.csv', row: 3, column: '身份证号', severity: 'warning', message: '身份证号与第 12 行重复' },
      { file: '学籍.csv', row: 12, column: '身份证号', severity: 'warning', message: '身份证号与第 3 行重复' },
    ]);
    expect(t.add({ row: 20, idNumber: 'A' })).toEqual([
      { file: '学籍.csv', row: 20, column: '身份证号', severity: 'warning', message: '身份证号与第 3、12 行重复' },
    ]);
    expect([...t.duplicates()]).toEqual([['A', [3, 12, 20]]]);
  });

  it('ignores empty IDs and caps the rows named', () => {
    const t = new DuplicateTracker('f', 'c');
    expect(t.add({ row: 1, idNumber: '' })).toEqual([]);
    expect(t.add({ row: 2, idNumber: '' })).toEqual([]);
    let last: string[] = [];
    for (let row = 1; row <= 8; row++) last = t.add({ row, idNumber: 'X' }).map((p) => p.message);
    expect(last).toEqual(['身份证号与第 1、2、3、4、5 等 7 行重复']);
  });
});
