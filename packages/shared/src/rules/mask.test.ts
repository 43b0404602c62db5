import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone, maskStudentNo } from './mask';

describe('maskIdNumber (公民身份号码, GB 11643-1999 layout: area 6 · birth 8 · seq 3 · check 1)', () => {
  it.each([
    ['18 characters keep area code and last 4', '410182201403051234', '410182********1234'],
    ['check X kept', '11010519491231002X', '110105********002X'],
    ['lower-case x shown as X', '11010519491231002x', '110105********002X'],
    ['spaces dropped first', ' 410182 20140305 1234 ', '410182********1234'],
    ['15-digit old number: first 3, last 2', '410182850305123', '410**********23'],
    ['passport-like 9 chars: half at most', 'E12345678', 'E1*****78'],
    ['4 chars', '1234', '1**4'],
    ['3 chars', '123', '1**'],
    ['2 chars', '12', '1*'],
    ['1 char', '1', '*'],
    ['empty', '', ''],
  ])('%s: %s → %s', (_label, raw, expected) => {
    const masked = maskIdNumber(raw);
    expect(masked).toBe(expected);
    expect(masked.length).toBe(expected.length);
  });

  it.each([[null], [undefined]])('%s → empty string', (raw) => {
    expect(maskIdNumber(raw)).toBe('');
  });

  it('never reveals more than half of a short string', () => {
    for (let n = 1; n < 18; n++) {
      const masked = maskIdNumber('9'.repeat(n));
      const shown = masked.replace(/\*/g, '').length;
      expect(shown).toBeLessThanOrEqual(Math.floor(n / 2));
      expect(masked.length).toBe(n);
    }
  });
});

describe('maskPhone', () => {
  it.each([
    ['mobile', '13812345678', '138****5678'],
    ['mobile with spaces', '138 1234 5678', '138****5678'],
    ['landline', '0371-64612345', '037*******345'],
    ['short', '12345', '1***5'],
    ['empty', '', ''],
  ])('%s: %s → %s', (_label, raw, expected) => {
    expect(maskPhone(raw)).toBe(expected);
  });

  it.each([[null], [undefined]])('%s → empty string', (raw) => {
    expect(maskPhone(raw)).toBe('');
  });
});

describe('maskStudentNo (学籍号 = G + ID number reveals the ID)', () => {
  it.each([
    ['G410182201403051234', 'G410182********1234'],
    ['g41018220140305123x', 'G410182********123X'],
    ['2014001234', '2014001234'],
    [null, ''],
  ])('%s → %s', (raw, masked) => expect(maskStudentNo(raw)).toBe(masked));
});
