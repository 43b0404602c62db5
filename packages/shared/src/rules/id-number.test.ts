import { describe, expect, it } from 'vitest';
import { type IdProblem, idCheckDigit, makeIdNumber, normalizeIdNumber, parseIdNumber, problemMessage, upgradeId15 } from './id-number';

describe('GB 11643-1999 公民身份号码: normalizeIdNumber', () => {
  it.each([
    ['plain', '410182201403051230', '410182201403051230'],
    ['spaces around and inside', '  410182 20140305 1230 ', '410182201403051230'],
    ['full-width space U+3000 and tab', '410182\u300020140305\t1230', '410182201403051230'],
    ['full-width digits', '４１０１８２２０１４０３０５１２３０', '410182201403051230'],
    ['lower-case x', '11010519491231002x', '11010519491231002X'],
    ['full-width Ｘ', '11010519491231002Ｘ', '11010519491231002X'],
    ['full-width ｘ', '11010519491231002ｘ', '11010519491231002X'],
    ['zero-width space and BOM', '\uFEFF4101822014\u200B03051230', '410182201403051230'],
    ['empty', '', ''],
    ['only spaces', ' \u3000 ', ''],
  ])('%s', (_label, raw, expected) => {
    expect(normalizeIdNumber(raw)).toBe(expected);
  });
});

describe('GB 11643-1999 §6 校验码 (ISO 7064 MOD 11-2): idCheckDigit', () => {
  it.each([
    // The two worked examples printed in GB 11643-1999 itself.
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    // Real-format numbers computed for this product (荥阳 410182, 中原区 410102, 民权县 411421, 临泉县 341221).
    ['41018220140305123', '0'],
    ['41018220160229002', '3'],
    ['41010220120901001', '1'],
    ['41142120190831888', 'X'],
    ['34122120151115047', '7'],
    ['41018220140305000', '0'],
  ])('%s → %s', (first17, check) => {
    expect(idCheckDigit(first17)).toBe(check);
  });

  it.each([['1234'], ['4101822014030512X'], ['410182201403051230']])('rejects %s', (bad) => {
    expect(() => idCheckDigit(bad)).toThrow(RangeError);
  });
});

describe('GB 11643-1999 15-digit 旧号码 → 18: upgradeId15', () => {
  it.each([
    ['110105491231002', '11010519491231002X'],
    ['410182850305123', '410182198503051233'],
    [' 410182 850305 123 ', '410182198503051233'],
  ])('%s → %s', (old, upgraded) => {
    expect(upgradeId15(old)).toBe(upgraded);
  });

  it('rejects a non-15-digit input', () => {
    expect(() => upgradeId15('41018285030512')).toThrow(RangeError);
  });
});

type ParseRow = {
  label: string;
  raw: string;
  valid: boolean;
  problem?: IdProblem;
  normalized?: string;
  birthDate?: string;
  gender?: '男' | '女';
  areaCode?: string;
  upgradedFrom15?: boolean;
};

describe('GB 11643-1999 公民身份号码: parseIdNumber', () => {
  const rows: ParseRow[] = [
    {
      label: 'standard example, female, check X',
      raw: '11010519491231002X',
      valid: true,
      birthDate: '1949-12-31',
      gender: '女',
      areaCode: '110105',
    },
    {
      label: 'standard example, 1880 birth',
      raw: '440524188001010014',
      valid: true,
      birthDate: '1880-01-01',
      gender: '男',
      areaCode: '440524',
    },
    {
      label: '荥阳 child, odd 17th digit → 男',
      raw: '410182201403051230',
      valid: true,
      birthDate: '2014-03-05',
      gender: '男',
      areaCode: '410182',
    },
    {
      label: 'leap day 2016-02-29, even 17th digit → 女',
      raw: '410182201602290023',
      valid: true,
      birthDate: '2016-02-29',
      gender: '女',
    },
    { label: 'lower-case x', raw: '41142120190831888x', valid: true, normalized: '41142120190831888X' },
    {
      label: 'full-width digits and spaces',
      raw: '　３４１２２１ ２０１５１１１５ ０４７７　',
      valid: true,
      normalized: '341221201511150477',
      gender: '男',
    },
    {
      label: '15-digit old number upgrades',
      raw: '410182850305123',
      valid: true,
      normalized: '410182198503051233',
      birthDate: '1985-03-05',
      gender: '男',
      upgradedFrom15: true,
    },
    { label: 'empty', raw: '', valid: false, problem: 'empty' },
    { label: 'whitespace only', raw: ' \u3000', valid: false, problem: 'empty' },
    { label: '17 digits', raw: '41018220140305123', valid: false, problem: 'length' },
    { label: '19 digits', raw: '4101822014030512301', valid: false, problem: 'length' },
    { label: 'letter inside', raw: '41018220140305A230', valid: false, problem: 'chars' },
    { label: 'X not last', raw: '4101822014030512X0', valid: false, problem: 'chars' },
    { label: 'letter in 15-digit', raw: '41018285030512X', valid: false, problem: 'chars' },
    {
      label: 'wrong check digit keeps the evidence',
      raw: '410182201403051231',
      valid: false,
      problem: 'checksum',
      birthDate: '2014-03-05',
      gender: '男',
      areaCode: '410182',
    },
    {
      label: 'impossible date 2015-02-30',
      raw: makeFirst17('410182', '20150230', '002'),
      valid: false,
      problem: 'birthdate',
      gender: '女',
      areaCode: '410182',
    },
    { label: 'impossible date 2015-02-29 (not leap)', raw: makeFirst17('410182', '20150229', '001'), valid: false, problem: 'birthdate' },
    { label: 'impossible date 1900-02-29 (century)', raw: makeFirst17('410182', '19000229', '001'), valid: false, problem: 'birthdate' },
    { label: 'month 13', raw: makeFirst17('410182', '20141305', '001'), valid: false, problem: 'birthdate' },
    { label: 'day 00', raw: makeFirst17('410182', '20140300', '001'), valid: false, problem: 'birthdate' },
    { label: '15-digit with impossible date', raw: '410182850230123', valid: false, problem: 'birthdate', upgradedFrom15: true },
    {
      label: 'unknown province 99',
      raw: makeFirst17('990182', '20140305', '123'),
      valid: false,
      problem: 'area',
      birthDate: '2014-03-05',
    },
    { label: 'province only, county part 0000', raw: makeFirst17('410000', '20140305', '123'), valid: false, problem: 'area' },
  ];

  it.each(rows)('$label', (row) => {
    const parsed = parseIdNumber(row.raw);
    expect(parsed.valid).toBe(row.valid);
    expect(parsed.problem).toBe(row.problem);
    if (row.normalized !== undefined) expect(parsed.normalized).toBe(row.normalized);
    if (row.birthDate !== undefined) expect(parsed.birthDate).toBe(row.birthDate);
    if (row.gender !== undefined) expect(parsed.gender).toBe(row.gender);
    if (row.areaCode !== undefined) expect(parsed.areaCode).toBe(row.areaCode);
    expect(parsed.upgradedFrom15).toBe(row.upgradedFrom15);
    if (row.problem === 'birthdate') expect(parsed.birthDate).toBeUndefined();
  });

  it('rejects a birth date after asOf', () => {
    const id = makeIdNumber('410182', '2027-01-01', 1);
    expect(parseIdNumber(id).valid).toBe(true);
    expect(parseIdNumber(id, '2026-10-15')).toMatchObject({ valid: false, problem: 'birthdate' });
  });

  it('never throws on null-ish input', () => {
    expect(parseIdNumber(null)).toEqual({ normalized: '', valid: false, problem: 'empty' });
    expect(parseIdNumber(undefined).problem).toBe('empty');
  });
});

/** 17 digits plus the correct check character, so only the tested defect remains. */
function makeFirst17(area: string, yyyymmdd: string, seq: string): string {
  const first17 = area + yyyymmdd + seq;
  return first17 + idCheckDigit(first17);
}

describe('GB 11643-1999 公民身份号码: makeIdNumber', () => {
  it.each([
    ['410182', '2014-03-05', 123, '410182201403051230'],
    ['410182', '2016-02-29', 2, '410182201602290023'],
    ['411421', '2019-08-31', 888, '41142120190831888X'],
    ['410182', '2014-03-05', 1, '410182201403050019'],
  ])('%s %s %i → %s', (area, birth, seq, expected) => {
    const id = makeIdNumber(area, birth, seq);
    expect(id).toBe(expected);
    expect(parseIdNumber(id)).toMatchObject({ valid: true, birthDate: birth, areaCode: area });
  });

  it.each([
    ['41018', '2014-03-05', 1],
    ['410182', '2015-02-30', 1],
    ['410182', '20140305', 1],
    ['410182', '2014-03-05', 1000],
    ['410182', '2014-03-05', -1],
    ['410182', '2014-03-05', 1.5],
  ])('rejects %s %s %s', (area, birth, seq) => {
    expect(() => makeIdNumber(area, birth, seq)).toThrow(RangeError);
  });
});

describe('GB 11643-1999 problem messages', () => {
  it.each([
    ['checksum', '身份证号校验位错误'],
    ['empty', '身份证号为空'],
    ['birthdate', '身份证号中的出生日期不存在'],
  ] as const)('%s → %s', (problem, message) => {
    expect(problemMessage(problem)).toBe(message);
  });

  it('has a Chinese message for every problem', () => {
    const all: IdProblem[] = ['empty', 'length', 'chars', 'checksum', 'birthdate', 'area'];
    for (const p of all) expect(problemMessage(p)).toMatch(/[\u4e00-\u9fa5]/);
  });
});
