import { makeIdNumber } from '@notoneless/shared/rules/id-number';
import { describe, expect, it } from 'vitest';
import type { RowCells } from './columns';
import { normalizeRow, type NormalizeContext } from './records';

const ctx: NormalizeContext = { fileName: '学籍.xlsx', asOf: '2025-03-01' };
const ID = makeIdNumber('520102', '2014-03-05', 123); // 男
const ID_GIRL = makeIdNumber('520102', '2013-11-20', 124); // 女
const BAD_CHECK = ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0');
const SCHOOL = '5201023456';
/** The first valid ID with check character X for this area and date. */
const ID_WITH_X = Array.from({ length: 200 }, (_, seq) => makeIdNumber('110101', '2015-06-01', seq)).find((id) => id.endsWith('X')) ?? '';

const messages = (kind: Parameters<typeof normalizeRow>[0], cells: RowCells, c: NormalizeContext = ctx) =>
  normalizeRow(kind, c, 7, cells).problems.map((p) => `${p.severity}|${p.column}|${p.message}`);

describe('rejected rows: only rows that cannot describe a child', () => {
  it.each<[string, Parameters<typeof normalizeRow>[0], RowCells, string[]]>([
    ['no 姓名', 'hukou', { name: ' ', idNumber: ID }, ['rejected|姓名|姓名为空，无法确定是哪个孩子，该行未导入']],
    ['no 学校标识码 in 学籍', 'xueji', { name: '张三', schoolCode: '' }, ['rejected|学校标识码|学校标识码为空，无法确定学校，该行未导入']],
    [
      'no 学校标识码 in 名册',
      'roster',
      { name: '张三', schoolCode: '\u3000' },
      ['rejected|学校标识码|学校标识码为空，无法确定学校，该行未导入'],
    ],
    [
      'neither',
      'roster',
      { name: '', schoolCode: '' },
      ['rejected|姓名|姓名为空，无法确定是哪个孩子，该行未导入', 'rejected|学校标识码|学校标识码为空，无法确定学校，该行未导入'],
    ],
  ])('%s', (_, kind, cells, expected) => {
    const out = normalizeRow(kind, ctx, 7, cells);
    expect(out.record).toBeNull();
    expect(out.problems.map((p) => `${p.severity}|${p.column}|${p.message}`)).toEqual(expected);
    expect(out.problems.every((p) => p.file === '学籍.xlsx' && p.row === 7)).toBe(true);
  });

  it('a poverty or disability row needs no school', () => {
    expect(normalizeRow('poverty', ctx, 1, { name: '张三' }).record).not.toBeNull();
    expect(normalizeRow('disability', ctx, 1, { name: '张三' }).record).not.toBeNull();
  });
});

describe('identity: kept as data, warnings name file, row and column as written', () => {
  it('a valid ID gives birth date and gender when the columns are empty', () => {
    const { record, problems } = normalizeRow('hukou', ctx, 3, { name: '张 三', idNumber: ID, gender: '', birthDate: '' });
    expect(problems).toEqual([]);
    expect(record).toMatchObject({
      kind: 'hukou',
      row: 3,
      name: '张三',
      idNumber: ID,
      idValid: true,
      idChecked: true,
      idProblem: null,
      gender: '男',
      genderFromId: true,
      birthDate: '2014-03-05',
      birthDateFromId: true,
    });
  });

  it('full-width digits, spaces and a lower-case x normalise to a valid ID', () => {
    const id = ID_WITH_X;
    expect(id).toMatch(/^\d{17}X$/);
    const messy = ` ${id.slice(0, 6)} ${id.slice(6)}`
      .replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
      .replace('X', 'x');
    const { record, problems } = normalizeRow('hukou', ctx, 1, { name: '李四', idNumber: messy });
    expect(problems).toEqual([]);
    expect(record?.idNumber).toBe(id);
    expect(record?.idValid).toBe(true);
    expect(record?.idRaw).toBe(messy);
  });

  it('a 15-digit ID is upgraded without a warning and recorded as upgraded', () => {
    const { record, problems } = normalizeRow('hukou', ctx, 1, { name: '王五', idNumber: '520102850305123' });
    expect(problems).toEqual([]);
    expect(record).toMatchObject({ idNumber: makeIdNumber('520102', '1985-03-05', 123), idValid: true, idUpgradedFrom15: true });
    expect(record?.birthDate).toBe('1985-03-05');
  });

  it.each<[string, RowCells, string[]]>([
    ['bad check digit', { idNumber: BAD_CHECK }, ['warning|身份证号码|身份证号校验位错误，请核对']],
    ['wrong length', { idNumber: '52010220140305' }, ['warning|身份证号码|身份证号位数不对（应为18位，或15位旧号码），请核对']],
    ['empty ID', { idNumber: '' }, ['warning|身份证号码|身份证号为空']],
    [
      'ID born after the base date',
      { idNumber: makeIdNumber('520102', '2026-01-01', 11) },
      ['warning|身份证号码|身份证号中的出生日期晚于基准日期 2025-03-01，请核对'],
    ],
    [
      'impossible birth date',
      { idNumber: ID, birthDate: '2015-02-30' },
      ['warning|出生年月日|出生日期“2015-02-30”不存在（如2月30日），请核对'],
    ],
    [
      'unreadable birth date',
      { birthDate: '三月' },
      ['warning|出生年月日|出生日期“三月”格式无法识别（可写作 2014-03-05、2014/3/5、20140305、2014年3月5日 或 2014.03.05）'],
    ],
    [
      'future birth date',
      { birthDate: '2030-01-01' },
      [
        'warning|出生年月日|出生日期 2030-01-01 晚于基准日期 2025-03-01，请核对',
        'warning|出生年月日|出生日期 2030-01-01 与身份证号不一致（身份证号中为 2014-03-05），已保留表中的出生日期',
      ],
    ],
    [
      'birth date differs from the ID',
      { idNumber: ID, birthDate: '2014/3/6' },
      ['warning|出生年月日|出生日期 2014-03-06 与身份证号不一致（身份证号中为 2014-03-05），已保留表中的出生日期'],
    ],
    [
      'gender differs from the ID',
      { idNumber: ID_GIRL, gender: '男' },
      ['warning|性别|性别“男”与身份证号不一致（身份证号显示为女），已保留表中的性别'],
    ],
    ['unrecognised gender', { gender: '未知' }, ['warning|性别|性别“未知”无法识别（应为男或女）']],
  ])('%s', (_, cells, expected) => {
    const c = { ...ctx, headerOf: { idNumber: '身份证号码', birthDate: '出生年月日' } };
    expect(messages('hukou', { name: '张三', idNumber: ID, ...cells }, c)).toEqual(expected);
  });

  it('keeps the column value when it conflicts with the ID', () => {
    const { record } = normalizeRow('hukou', ctx, 1, { name: '张三', idNumber: ID_GIRL, gender: '1', birthDate: '20131121' });
    expect(record).toMatchObject({ gender: '男', genderFromId: false, birthDate: '2013-11-21', birthDateFromId: false, idValid: true });
  });

  it('an invalid ID keeps its number and derives nothing', () => {
    const { record } = normalizeRow('hukou', ctx, 1, { name: '张三', idNumber: BAD_CHECK.toLowerCase() });
    expect(record).toMatchObject({ idNumber: BAD_CHECK, idValid: false, idProblem: 'checksum', gender: null, birthDate: null });
  });

  it('uses canonical headers when the file headers are not given', () => {
    expect(messages('xueji', { name: '张三', schoolCode: SCHOOL, idNumber: BAD_CHECK })).toEqual([
      'warning|身份证件号|身份证号校验位错误，请核对',
    ]);
  });

  it('an empty ID is not a defect in the roster, nor when the file has no ID column', () => {
    expect(messages('roster', { name: '张三', schoolCode: SCHOOL, idNumber: '' })).toEqual([]);
    expect(messages('xueji', { name: '张三', schoolCode: SCHOOL, status: '在读' })).toEqual([]);
  });

  it.each<[string, string, boolean, string[]]>([
    ['1', ID, true, []],
    ['居民身份证', BAD_CHECK, true, ['warning|身份证件号|身份证号校验位错误，请核对']],
    ['A', 'E12345678', false, ['warning|身份证件类型|证件类型为护照，证件号按原样比对，未按居民身份证规则校验']],
    ['6', 'h 1234567', false, ['warning|身份证件类型|证件类型为香港特区护照/身份证明，证件号按原样比对，未按居民身份证规则校验']],
    ['驾驶证', ID, true, ['warning|身份证件类型|身份证件类型“驾驶证”无法识别，证件号按居民身份证规则校验']],
  ])('身份证件类型 %s: only type 1 (or empty) is checked against GB 11643', (type, id, checked, expected) => {
    const cells = { name: 'Tom', schoolCode: SCHOOL, status: '在读', idType: type, idNumber: id };
    expect(messages('xueji', cells)).toEqual(expected);
    const { record } = normalizeRow('xueji', ctx, 1, cells);
    expect(record?.idChecked).toBe(checked);
    if (!checked) expect(record).toMatchObject({ idValid: false, idProblem: null, idNumber: id.replace(/\s/g, '').toUpperCase() });
  });
});

describe('学籍 fields', () => {
  const base = { name: '张三', idNumber: ID, schoolCode: SCHOOL, status: '在读' };

  it('normalises every column', () => {
    const { record, problems } = normalizeRow('xueji', ctx, 2, {
      ...base,
      studentNo: ' g5201022014030512３ ',
      schoolCode: '５２０１０２３４５６',
      schoolName: ' 第一 小学 ',
      grade: '初二',
      className: '（3）班',
      status: '在校',
      idType: '',
      studyMode: '送教上门',
      householdDivisionCode: '520102',
      migrant: '否',
      leftBehind: '双亲外出留守',
      disabled: '√',
    });
    expect(problems).toEqual([]);
    expect(record).toMatchObject({
      kind: 'xueji',
      studentNo: 'G52010220140305123',
      schoolCode: SCHOOL,
      schoolName: '第一 小学',
      grade: 8,
      gradeRaw: '初二',
      className: '(3)班',
      status: '在读',
      statusRaw: '在校',
      idType: null,
      studyMode: '送教上门',
      homeTaught: true,
      householdDivisionCode: '520102',
      migrant: false,
      leftBehind: true,
      disabled: true,
    });
  });

  it.each<[string, RowCells, string[]]>([
    ['school code format', { schoolCode: '52010' }, ['warning|学校标识码|学校标识码“52010”应为10位数字']],
    ['grade', { grade: '高一' }, ['warning|年级|年级“高一”无法识别（应为1–9年级，如 3、三年级、初一）']],
    ['status', { status: '请假' }, ['warning|学籍状态|学籍状态“请假”无法识别（应为在读、休学、转出、毕业、辍学或死亡）']],
    ['empty status', { status: '' }, ['warning|学籍状态|学籍状态为空']],
    ['yes/no', { migrant: '可能' }, ['warning|随迁子女|“可能”无法识别（应为是或否）']],
    ['division code', { householdDivisionCode: '5201' }, ['warning|户籍地区划代码|区划代码“5201”应为6、9或12位数字']],
  ])('warns about an unrecognised %s and keeps the row', (_, cells, expected) => {
    expect(messages('xueji', { ...base, ...cells })).toEqual(expected);
    expect(normalizeRow('xueji', ctx, 1, { ...base, ...cells }).record).not.toBeNull();
  });
});

describe('other files', () => {
  it('名册', () => {
    const { record } = normalizeRow('roster', ctx, 4, { name: '张三', schoolCode: SCHOOL, grade: '3', className: '2班', studentNo: '' });
    expect(record).toMatchObject({ kind: 'roster', schoolCode: SCHOOL, grade: 3, className: '2班', studentNo: '', idNumber: '' });
  });

  it('脱贫户/监测户', () => {
    const head = makeIdNumber('520102', '1980-01-01', 11);
    const { record, problems } = normalizeRow('poverty', ctx, 1, {
      name: '张三',
      idNumber: ID,
      householdType: '脱贫不稳定户',
      headName: '张 大',
      headIdNumber: head.toLowerCase(),
      relation: '子',
      divisionCode: '520102001001',
    });
    expect(problems).toEqual([]);
    expect(record).toMatchObject({ householdCategory: 'monitored', headName: '张大', headIdNumber: head, divisionCode: '520102001001' });
    expect(messages('poverty', { name: '张三', idNumber: ID, householdType: '一般户', headIdNumber: BAD_CHECK })).toEqual([
      'warning|户类型|户类型“一般户”无法识别（应为脱贫户、监测户、低保户或特困供养户）',
      'warning|户主身份证号|户主身份证号校验位错误，请核对',
    ]);
  });

  it('残疾人', () => {
    const { record } = normalizeRow('disability', ctx, 1, {
      name: '张三',
      idNumber: ID,
      disabilityCertNo: ` ${ID}41 `,
      disabilityCategory: '视力',
      disabilityGrade: '二级',
    });
    expect(record).toMatchObject({ disabilityCertNo: `${ID}41`, disabilityCategory: '视力', disabilityGrade: '二级' });
  });

  it('户籍', () => {
    const { record } = normalizeRow('hukou', ctx, 1, {
      name: '张三',
      idNumber: ID,
      nation: '苗族',
      address: ' 某县  某村 ',
      guardianName: '张 大',
      guardianPhone: '138 0000 0000',
    });
    expect(record).toMatchObject({ nation: '苗族', address: '某县 某村', guardianName: '张大', guardianPhone: '13800000000' });
  });
});
