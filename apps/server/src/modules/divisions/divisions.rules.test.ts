import { describe, expect, it } from 'vitest';
import { divisionCodeProblem, levelOfCode, parentOfCode } from './divisions.rules';

describe('statistical division codes (6/9/12 digits: county/township/village)', () => {
  it.each([
    ['410182', 'county'],
    ['410182100', 'township'],
    ['410182100201', 'village'],
    ['4101821', null],
    ['41018210020X', null],
  ])('%s is a %s code', (code, level) => expect(levelOfCode(code)).toBe(level));

  it('parent is the prefix', () => {
    expect(parentOfCode('410182100201')).toBe('410182100');
    expect(parentOfCode('410182100')).toBe('410182');
    expect(parentOfCode('410182')).toBeNull();
  });

  it.each([
    ['410182100', 'township', '410182', null],
    ['410182100201', 'village', '410182100', null],
    ['410183100', 'township', '410183', '不属于本县'],
    ['410182100201', 'village', '410182101', '不对应'],
    ['41018210', 'township', '410182', '9 位数字'],
  ] as const)('%s as %s under %s → %s', (code, level, parent, problem) => {
    const p = divisionCodeProblem(code, level, parent, '410182');
    if (problem === null) expect(p).toBeNull();
    else expect(p).toContain(problem);
  });
});
