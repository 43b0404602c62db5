import { describe, expect, it } from 'vitest';
import {
  excelSerialToIso,
  isDivisionCode,
  isSchoolCode,
  normalizeCode,
  normalizeName,
  normalizeText,
  parseDateCell,
  parseFlag,
  parseGender,
  parseGrade,
  parseHouseholdType,
  parseIdType,
  parseStudentStatus,
  parseYesNo,
  toHalfWidth,
} from './normalize';

describe('text (formats.md: spaces, full-width digits and letters)', () => {
  it.each([
    ['１２３Ｘｘ', '123Xx'],
    ['（必填）', '(必填)'],
    ['张\u3000三', '张 三'],
  ])('toHalfWidth %j → %j', (input, out) => expect(toHalfWidth(input)).toBe(out));

  it.each([
    ['  张三  ', '张三'],
    ['a \t\u00A0 b', 'a b'],
    ['\u200B３年级\uFEFF', '3年级'],
    ['plain', 'plain'],
    ['', ''],
  ])('normalizeText %j → %j', (input, out) => expect(normalizeText(input)).toBe(out));

  it.each([
    ['张 三', '张三'],
    [' 张\u3000 三丰 ', '张三丰'],
    ['阿依古丽•买买提', '阿依古丽·买买提'],
    ['John  Smith', 'John Smith'],
  ])('normalizeName %j → %j', (input, out) => expect(normalizeName(input)).toBe(out));

  it('codes drop every space and use upper case', () => {
    expect(normalizeCode(' ５２０１ 02 3456 ')).toBe('5201023456');
    expect(isSchoolCode('5201023456')).toBe(true);
    expect(isSchoolCode('520102345')).toBe(false);
    expect(isSchoolCode('520102345A')).toBe(false);
    expect(isDivisionCode('520102')).toBe(true);
    expect(isDivisionCode('520102001')).toBe(true);
    expect(isDivisionCode('5201')).toBe(false);
  });
});

describe('parseDateCell: the six spellings of formats.md', () => {
  it.each<[string | number | Date, string]>([
    ['2014-03-05', '2014-03-05'],
    ['2014/3/5', '2014-03-05'],
    ['20140305', '2014-03-05'],
    ['2014年3月5日', '2014-03-05'],
    ['2014.03.05', '2014-03-05'],
    ['２０１４年３月５日', '2014-03-05'],
    [' 2014 - 3 - 5 ', '2014-03-05'],
    ['2014/3/5 0:00', '2014-03-05'],
    ['2014-03-05 00:00:00', '2014-03-05'],
    ['2014-03-05T00:00:00.000Z', '2014-03-05'],
    [new Date(Date.UTC(2014, 2, 5)), '2014-03-05'],
    [41703, '2014-03-05'],
    [41703.75, '2014-03-05'],
    ['41703', '2014-03-05'],
    [1, '1900-01-01'],
    [61, '1900-03-01'],
    ['2016-02-29', '2016-02-29'],
  ])('%j → %s', (input, out) => expect(parseDateCell(input)).toEqual({ value: out }));

  it.each<[string | number, string]>([
    ['2015-02-30', '日期不存在（如2月30日）'],
    ['20150230', '日期不存在（如2月30日）'],
    ['2014年13月1日', '日期不存在（如2月30日）'],
    ['2015-02-29', '日期不存在（如2月30日）'],
    ['14-3-5', '日期格式无法识别'],
    ['2014', '日期格式无法识别'],
    ['三月五日', '日期格式无法识别'],
    ['2014-03', '日期格式无法识别'],
    [-5, '日期格式无法识别'],
  ])('%j → %s', (input, problem) => expect(parseDateCell(input)).toEqual({ problem }));

  it('empty cells are neither a value nor a problem', () => {
    expect(parseDateCell('')).toEqual({});
    expect(parseDateCell('   ')).toEqual({});
    expect(parseDateCell(null)).toEqual({});
  });

  it('Excel serials round-trip with the 1900 system', () => {
    expect(excelSerialToIso(45658)).toBe('2025-01-01');
    expect(excelSerialToIso(0)).toBeUndefined();
  });
});

describe('parseGrade', () => {
  it.each<[string, number | null]>([
    ['1', 1],
    ['9', 9],
    ['03', 3],
    ['一年级', 1],
    ['九年级', 9],
    ['七年级', 7],
    ['1年级', 1],
    ['一', 1],
    ['小学一年级', 1],
    ['小学六年级', 6],
    ['初一', 7],
    ['初二', 8],
    ['初三', 9],
    ['初中一年级', 7],
    ['初中三年级', 9],
    ['七年级（3）班', 7],
    ['三年级2班', 3],
    ['１２', 2],
    ['21', 7],
    ['23', 9],
    ['高一', null],
    ['十年级', null],
    ['小学七年级', null],
    ['一班', null],
    ['10', null],
    ['', null],
  ])('%j → %j', (input, out) => expect(parseGrade(input)).toBe(out));
});

describe('parseGender / parseYesNo / parseFlag', () => {
  it.each<[string, '男' | '女' | null]>([
    ['男', '男'],
    ['女', '女'],
    ['1', '男'],
    ['2', '女'],
    ['M', '男'],
    ['f', '女'],
    [' 男性 ', '男'],
    ['Female', '女'],
    ['0', null],
    ['未知', null],
  ])('gender %j → %j', (input, out) => expect(parseGender(input)).toBe(out));

  it.each<[string, boolean | null]>([
    ['是', true],
    ['否', false],
    ['Y', true],
    ['n', false],
    ['1', true],
    ['0', false],
    ['√', true],
    ['×', false],
    ['TRUE', true],
    ['有', true],
    ['无', false],
    ['', null],
    ['也许', null],
  ])('yes/no %j → %j', (input, out) => expect(parseYesNo(input)).toBe(out));

  it.each<[string, string, boolean | null]>([
    ['双亲外出留守', '留守', true],
    ['非留守儿童', '留守', false],
    ['视力残疾', '残疾', true],
    ['不残疾', '残疾', false],
    ['是', '残疾', true],
    ['其他', '留守', null],
  ])('flag %j (%s) → %j', (input, word, out) => expect(parseFlag(input, word)).toBe(out));
});

describe('parseStudentStatus', () => {
  it.each<[string, string | null]>([
    ['在读', '在读'],
    ['在校', '在读'],
    ['休学', '休学'],
    ['转出', '转出'],
    ['已转学', '转出'],
    ['毕业', '毕业'],
    ['已毕业', '毕业'],
    ['辍学', '辍学'],
    ['死亡', '死亡'],
    [' 在 读 ', '在读'],
    ['请假', null],
    ['', null],
  ])('%j → %j', (input, out) => expect(parseStudentStatus(input)).toBe(out));
});

describe('parseIdType (formats.md: 1; 6/7/8; 9; A; Z)', () => {
  it.each<[string, string | null]>([
    ['1', '1'],
    ['居民身份证', '1'],
    ['身份证', '1'],
    ['1-居民身份证', '1'],
    ['6', '6'],
    ['香港特区护照/身份证明', '6'],
    ['澳门特区护照/身份证明', '7'],
    ['台湾居民来往大陆通行证', '8'],
    ['9', '9'],
    ['境外永久居住证', '9'],
    ['a', 'A'],
    ['护照', 'A'],
    ['Z', 'Z'],
    ['其他', 'Z'],
    ['2', null],
    ['驾驶证', null],
    ['', null],
  ])('%j → %j', (input, out) => expect(parseIdType(input)).toBe(out));
});

describe('parseHouseholdType', () => {
  it.each<[string, string | null]>([
    ['脱贫户', 'poverty'],
    ['原建档立卡贫困户', 'poverty'],
    ['监测户', 'monitored'],
    ['脱贫不稳定户', 'monitored'],
    ['边缘易致贫户', 'monitored'],
    ['突发严重困难户', 'monitored'],
    ['低保户', 'minimumLiving'],
    ['特困供养', 'extremePoverty'],
    ['一般户', null],
  ])('%j → %j', (input, out) => expect(parseHouseholdType(input)).toBe(out));
});
