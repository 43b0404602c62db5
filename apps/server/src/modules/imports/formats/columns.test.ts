import { describe, expect, it } from 'vitest';
import { AppError } from '../../../http/app-error';
import { cellsByKey, COLUMN_SPECS, mapHeaders, normalizeHeader, REGISTRY_KINDS, REGISTRY_LABELS, type RegistryKind } from './columns';

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('VALIDATION');
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

describe('column specs (formats.md)', () => {
  it('labels every kind in Chinese', () => {
    expect(REGISTRY_LABELS).toEqual({ hukou: '户籍', xueji: '学籍', roster: '在校名册', poverty: '脱贫户/监测户', disability: '残疾人' });
  });

  it.each<[RegistryKind, string[]]>([
    ['hukou', ['姓名', '性别', '出生日期', '公民身份号码', '民族', '户籍地址', '户籍地区划代码', '监护人姓名', '监护人电话']],
    [
      'xueji',
      [
        '学籍号',
        '姓名',
        '性别',
        '出生日期',
        '身份证件号',
        '学校标识码',
        '学校名称',
        '年级',
        '班级',
        '学籍状态',
        '身份证件类型',
        '就读方式',
        '户籍地区划代码',
        '随迁子女',
        '留守儿童',
        '残疾',
      ],
    ],
    ['roster', ['学校标识码', '年级', '班级', '姓名', '身份证件号', '学籍号', '身份证件类型']],
    ['poverty', ['姓名', '公民身份号码', '户类型', '户主姓名', '户主身份证号', '与户主关系', '区划代码']],
    ['disability', ['姓名', '公民身份号码', '残疾证号', '残疾类别', '残疾等级']],
  ])('%s has the canonical headers in order', (kind, headers) => {
    expect(COLUMN_SPECS[kind].map((s) => s.header)).toEqual(headers);
  });

  it.each(REGISTRY_KINDS)('%s: no alias is claimed by two columns', (kind) => {
    const names = COLUMN_SPECS[kind].flatMap((s) => [s.header, ...s.aliases].map(normalizeHeader));
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('normalizeHeader', () => {
  it.each([
    [' 姓 名 ', '姓名'],
    ['身份证号（必填）', '身份证号'],
    ['*出生日期[yyyy-mm-dd]', '出生日期'],
    ['学校标识码【10位】', '学校标识码'],
    ['年级：', '年级'],
    ['＊姓名', '姓名'],
  ])('%j → %j', (h, out) => expect(normalizeHeader(h)).toBe(out));
});

describe('mapHeaders', () => {
  it('finds columns by canonical header or alias, in any order, keeping unknown columns aside', () => {
    const m = mapHeaders('hukou', '户籍.csv', ['备注', ' 身份证号（必填） ', '姓 名', '住址', '区划代码', '']);
    expect(m.columns).toEqual([null, 'idNumber', 'name', 'address', 'householdDivisionCode', null]);
    expect(m.unknown).toEqual(['备注']);
    expect(m.missingRequired).toEqual([]);
    expect(m.headerOf).toEqual({ idNumber: '身份证号（必填）', name: '姓 名', address: '住址', householdDivisionCode: '区划代码' });
  });

  it.each<[string, RegistryKind, string[], string]>([
    ['no 姓名', 'poverty', ['公民身份号码', '户类型'], '缺少脱贫户/监测户文件必需的列：「姓名」'],
    ['no ID column in 户籍', 'hukou', ['姓名', '性别'], '缺少户籍文件必需的列：「公民身份号码」'],
    ['no 学校标识码 in 学籍', 'xueji', ['姓名', '身份证号'], '缺少学籍文件必需的列：「学校标识码」'],
    ['no 学校标识码 in 名册', 'roster', ['姓名'], '缺少在校名册文件必需的列：「学校标识码」'],
  ])('refuses a file with %s, naming the file', (_, kind, headers, message) => {
    const e = refusal(() => mapHeaders(kind, 'x.csv', headers));
    expect(e.message).toContain('「x.csv」');
    expect(e.message).toContain(message);
  });

  it('an ID column is not required outside 户籍', () => {
    expect(mapHeaders('xueji', 'x.csv', ['姓名', '学校标识码']).missingRequired).toEqual([]);
    expect(mapHeaders('disability', 'x.csv', ['姓名']).columns).toEqual(['name']);
  });

  it('with allowMissing, lists missing required columns instead of refusing (web preview)', () => {
    const m = mapHeaders('roster', '名册.xlsx', ['名字', '学校'], { allowMissing: true });
    expect(m.missingRequired).toEqual(['学校标识码', '姓名']);
    expect(m.unknown).toEqual(['名字', '学校']);
  });

  it.each([[['姓名', '公民身份号码', '姓名']], [['姓名', '公民身份号码', ' 姓 名 ']], [['姓名', '公民身份号码', '备注', '备注（2）']]])(
    'refuses duplicated headers %j',
    (headers) => {
      const e = refusal(() => mapHeaders('hukou', '户籍.xlsx', headers));
      expect(e.message).toMatch(/^「户籍\.xlsx」的表头「.+」重复/);
    },
  );

  it('refuses two columns that mean the same field', () => {
    const e = refusal(() => mapHeaders('xueji', '学籍.csv', ['姓名', '学校标识码', '身份证号', '公民身份号码']));
    expect(e.message).toBe('「学籍.csv」中「身份证号」和「公民身份号码」两列都表示“身份证件号”，请只保留一列');
  });

  it('applies the user override: fixes an unknown header, ignores a column, refuses a foreign key', () => {
    const headers = ['名字', '公民身份号码', '身份证号'];
    const m = mapHeaders('hukou', '户籍.csv', headers, { override: { 名字: 'name', 身份证号: null } });
    expect(m.columns).toEqual(['name', 'idNumber', null]);
    expect(m.unknown).toEqual([]);
    expect(m.headerOf.name).toBe('名字');
    const e = refusal(() => mapHeaders('hukou', '户籍.csv', headers, { override: { 名字: 'schoolCode' } }));
    expect(e.message).toContain('「户籍.csv」');
  });

  it('cellsByKey: mapped keys only, short rows padded with empty strings', () => {
    const m = mapHeaders('hukou', 'x.csv', ['姓名', '备注', '公民身份号码', '性别']);
    expect(cellsByKey(m, ['张三', 'note', '1101'])).toEqual({ name: '张三', idNumber: '1101', gender: '' });
  });
});
