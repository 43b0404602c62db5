/**
 * The categories of formats.md and the ways records are tied, one small county at a time, through the pure API
 * (records as the importer normalises them).
 */
import { makeIdNumber } from '@notoneless/shared/rules/id-number';
import { describe, expect, it } from 'vitest';
import type { ColumnKey, RegistryKind } from '../../imports/formats/columns';
import { normalizeRow, type RegistryRecordMap } from '../../imports/formats/records';
import { idVariants } from './id-variants';
import { reconcile, type ReconcileInput } from './reconcile';
import type { CategoryCode, Finding } from './types';

const AS_OF = '2026-10-15';
const SCHOOL = '1410182001';
const OTHER_SCHOOL = '1410182002';
/** A school that hands in no roster. */
const NO_ROSTER = '1410182003';

type Cells = Partial<Record<ColumnKey, string>>;
type County = Partial<Record<RegistryKind, Cells[]>>;

function records<K extends RegistryKind>(kind: K, rows: Cells[] = []): RegistryRecordMap[K][] {
  return rows.map((cells, i) => {
    const r = normalizeRow(kind, { fileName: `${kind}.csv`, asOf: AS_OF }, i + 1, cells).record;
    if (!r) throw new Error(`test row rejected: ${JSON.stringify(cells)}`);
    return r;
  });
}

function run(county: County) {
  const input: ReconcileInput = {
    hukou: records('hukou', county.hukou),
    xueji: records('xueji', county.xueji),
    roster: records('roster', county.roster),
    poverty: records('poverty', county.poverty),
    disability: records('disability', county.disability),
  };
  return reconcile(input, { asOf: AS_OF });
}

const codes = (findings: Finding[]) => findings.map((f) => f.code).sort();
const of = (findings: Finding[], code: CategoryCode) => findings.filter((f) => f.code === code);

// People: IDs of the county 410182 (the default is the most frequent area among 户籍 IDs).
const id = (birth: string, seq: number, area = '410182') => makeIdNumber(area, birth, seq);
const A = { name: '张浩然', gender: '男', birthDate: '2014-03-05', idNumber: id('2014-03-05', 11) };
const B = { name: '李梓涵', gender: '女', birthDate: '2015-06-01', idNumber: id('2015-06-01', 22) };
const hukou = (p: typeof A, extra: Cells = {}): Cells => ({ ...p, householdDivisionCode: '410182100201', ...extra });
const xueji = (p: typeof A, extra: Cells = {}): Cells => ({
  studentNo: `G${p.idNumber}`,
  ...p,
  schoolCode: SCHOOL,
  schoolName: '城关一小',
  grade: '6',
  className: '2班',
  status: '在读',
  migrant: '否',
  householdDivisionCode: '410182100201',
  ...extra,
});
const roster = (p: typeof A, extra: Cells = {}): Cells => ({
  schoolCode: SCHOOL,
  grade: '6',
  className: '2班',
  name: p.name,
  idNumber: p.idNumber,
  ...extra,
});
/** Someone else on the roster, so that SCHOOL has handed one in. */
const classmate = roster(B);
const classmateXueji = xueji(B);

describe('categories (formats.md)', () => {
  it('a child in 户籍, 学籍 and the roster under one ID: no finding', () => {
    const r = run({ hukou: [hukou(A)], xueji: [xueji(A)], roster: [roster(A)] });
    expect(r.findings).toEqual([]);
    expect(r.summary.children).toBe(1);
  });

  it('OUT_OF_SCHOOL: age-eligible, no current 学籍, on no roster', () => {
    expect(codes(run({ hukou: [hukou(A)], roster: [classmate], xueji: [classmateXueji] }).findings)).toEqual(['OUT_OF_SCHOOL']);
    for (const status of ['辍学', '转出', '死亡']) {
      expect(
        codes(run({ hukou: [hukou(A)], xueji: [xueji(A, { status }), classmateXueji], roster: [classmate] }).findings),
        status,
      ).toEqual(['OUT_OF_SCHOOL']);
    }
  });

  it('not OUT_OF_SCHOOL: 休学 or 送教上门 (current 学籍), 毕业 at grade 9, outside the age range', () => {
    expect(run({ hukou: [hukou(A)], xueji: [xueji(A, { status: '休学' }), classmateXueji], roster: [classmate] }).findings).toEqual([]);
    expect(run({ hukou: [hukou(A)], xueji: [xueji(A, { studyMode: '送教上门' }), classmateXueji], roster: [classmate] }).findings).toEqual(
      [],
    );
    expect(
      run({ hukou: [hukou(A)], xueji: [xueji(A, { status: '毕业', grade: '9' }), classmateXueji], roster: [classmate] }).findings,
    ).toEqual([]);
    expect(
      codes(run({ hukou: [hukou(A)], xueji: [xueji(A, { status: '毕业', grade: '6' }), classmateXueji], roster: [classmate] }).findings),
    ).toEqual(['OUT_OF_SCHOOL']);
    const old = { ...A, birthDate: '2010-08-31', idNumber: id('2010-08-31', 31) }; // 16 at the cut-off
    const young = { ...A, birthDate: '2020-09-01', idNumber: id('2020-09-01', 31) }; // 5 at the cut-off
    expect(run({ hukou: [hukou(old), hukou(young)] }).findings).toEqual([]);
    const first = { ...A, birthDate: '2010-09-01', idNumber: id('2010-09-01', 31) }; // the oldest eligible
    expect(codes(run({ hukou: [hukou(first)] }).findings)).toEqual(['OUT_OF_SCHOOL']);
  });

  it('ENROLLED_ABSENT: an active 学籍 whose child is on no roster, unless the school handed in no roster', () => {
    const r = run({ hukou: [hukou(A)], xueji: [xueji(A), classmateXueji], roster: [classmate] });
    expect(codes(r.findings)).toEqual(['ENROLLED_ABSENT']);
    expect(r.findings[0].rows).toMatchObject({ hukou: [1], xueji: [1], roster: [] });
    expect(r.findings[0].note).toContain('城关一小');
    const missing = run({ hukou: [hukou(A)], xueji: [xueji(A, { schoolCode: NO_ROSTER }), classmateXueji], roster: [classmate] });
    expect(missing.findings).toEqual([]);
    expect(missing.summary.missingRosters).toEqual([NO_ROSTER]);
    // On another school's roster: not absent (the roster is where the child is).
    expect(
      codes(
        run({ xueji: [xueji(A), classmateXueji], roster: [classmate, roster(A, { schoolCode: OTHER_SCHOOL })], hukou: [hukou(A)] })
          .findings,
      ),
    ).toEqual([]);
  });

  it('PRESENT_UNENROLLED: on a roster without a current 学籍', () => {
    expect(codes(run({ hukou: [hukou(A)], roster: [roster(A)] }).findings)).toEqual(['PRESENT_UNENROLLED']);
    expect(
      codes(run({ hukou: [hukou(A)], xueji: [xueji(A, { status: '转出', schoolCode: OTHER_SCHOOL })], roster: [roster(A)] }).findings),
    ).toEqual(['PRESENT_UNENROLLED']);
  });

  it('POVERTY_DROPOUT: OUT_OF_SCHOOL or ENROLLED_ABSENT in a 脱贫户 or 监测户 (any subtype), not 低保/特困', () => {
    const poor = (t: string): Cells => ({ name: A.name, idNumber: A.idNumber, householdType: t });
    for (const t of ['脱贫户', '脱贫户（原建档立卡）', '监测户', '边缘易致贫户', '突发严重困难户']) {
      expect(codes(run({ hukou: [hukou(A)], poverty: [poor(t)] }).findings), t).toEqual(['OUT_OF_SCHOOL', 'POVERTY_DROPOUT']);
    }
    for (const t of ['低保户', '特困供养户'])
      expect(codes(run({ hukou: [hukou(A)], poverty: [poor(t)] }).findings), t).toEqual(['OUT_OF_SCHOOL']);
    // A poverty file without 户类型: its rows are the 脱贫户/监测户 the file is about.
    expect(codes(run({ hukou: [hukou(A)], poverty: [{ name: A.name, idNumber: A.idNumber }] }).findings)).toEqual([
      'OUT_OF_SCHOOL',
      'POVERTY_DROPOUT',
    ]);
    const ea = run({ hukou: [hukou(A)], xueji: [xueji(A), classmateXueji], roster: [classmate], poverty: [poor('监测户')] });
    expect(codes(ea.findings)).toEqual(['ENROLLED_ABSENT', 'POVERTY_DROPOUT']);
    expect(of(ea.findings, 'POVERTY_DROPOUT')[0].rows.poverty).toEqual([1]);
  });

  it('DUPLICATE_ENROLLMENT: two current 学籍, the second even without the ID', () => {
    const twice = run({
      hukou: [hukou(A)],
      xueji: [xueji(A), xueji(A, { schoolCode: OTHER_SCHOOL, status: '休学' })],
      roster: [roster(A)],
    });
    expect(codes(twice.findings)).toEqual(['DUPLICATE_ENROLLMENT']);
    expect(twice.findings[0].rows.xueji).toEqual([1, 2]);
    const noId = run({
      hukou: [hukou(A)],
      xueji: [xueji(A), xueji(A, { idNumber: '', studentNo: 'L410182000000000001', schoolCode: OTHER_SCHOOL, birthDate: '2014/3/5' })],
      roster: [roster(A)],
    });
    expect(codes(noId.findings)).toEqual(['DUPLICATE_ENROLLMENT']);
    expect(noId.findings[0].method).toContain('姓名+出生日期');
  });

  it('NO_HOUSEHOLD: in 学籍 with no valid ID and no 户籍 record, unless registered elsewhere', () => {
    const noId = { ...A, idNumber: '' };
    expect(codes(run({ xueji: [xueji(noId, { studentNo: 'L4101820001' })], roster: [roster(noId)] }).findings)).toEqual(['NO_HOUSEHOLD']);
    expect(run({ xueji: [xueji(noId, { studentNo: 'L4101820001', migrant: '是' })], roster: [roster(noId)] }).findings).toEqual([]);
    const migrant = { ...A, idNumber: id('2014-03-05', 11, '411421') };
    expect(run({ xueji: [xueji(migrant, { migrant: '是' })], roster: [roster(migrant)] }).findings).toEqual([]);
    // A valid number of this county without a 户籍 record is not this finding (formats.md: "no valid ID and …").
    expect(run({ xueji: [xueji(A)], roster: [roster(A)] }).findings).toEqual([]);
  });
});

describe('tying records (匹配方式, 置信度)', () => {
  it('one mistyped digit: 证件号纠错 when name, birth date and gender agree; IDENTITY_MISMATCH names both numbers', () => {
    const slip = A.idNumber.slice(0, 10) + ((Number(A.idNumber[10]) + 1) % 10) + A.idNumber.slice(11);
    const r = run({
      hukou: [hukou(A)],
      xueji: [xueji(A, { idNumber: slip, studentNo: '' }), classmateXueji],
      roster: [roster(A), classmate],
    });
    expect(codes(r.findings)).toEqual(['IDENTITY_MISMATCH']);
    const f = r.findings[0];
    expect(f.method).toBe('证件号一致、证件号纠错'); // hukou–roster by the same number, 学籍 by the corrected one
    expect(f.confidence).toBeCloseTo(0.95);
    expect(f.idNumber).toBe(A.idNumber);
    expect(f.note).toContain(A.idNumber);
    expect(f.note).toContain(slip);
    // A different birth date: not the same child (a mismatch, and A out of school).
    const other = run({ hukou: [hukou(A)], xueji: [xueji(A, { idNumber: slip, studentNo: '', birthDate: '2014-03-06' })] });
    expect(codes(other.findings)).toEqual(['IDENTITY_MISMATCH', 'NO_HOUSEHOLD', 'OUT_OF_SCHOOL']);
  });

  it('two swapped neighbours: 证件号纠错', () => {
    const p = A.idNumber.split('').findIndex((c, i) => i < 16 && c !== A.idNumber[i + 1]);
    const swapped = A.idNumber.slice(0, p) + A.idNumber[p + 1] + A.idNumber[p] + A.idNumber.slice(p + 2);
    const r = run({ hukou: [hukou(A)], xueji: [xueji(A, { idNumber: swapped, studentNo: '' })], roster: [roster(A, { idNumber: '' })] });
    expect(codes(r.findings)).toEqual(['IDENTITY_MISMATCH']);
    expect(r.findings[0].note).toMatch(/颠倒/);
  });

  it('an ambiguous correction is never guessed: the candidates are listed for a person', () => {
    // An invalid number one slip from two valid ones of children with the same name, birth date and gender.
    let typo = '';
    let pair: string[] = [];
    for (let seq = 100; seq < 999 && pair.length < 2; seq += 2) {
      const base = id('2014-03-05', seq + 1);
      const wrong = base.slice(0, 15) + ((Number(base[15]) + 3) % 10) + base.slice(16);
      const fits = idVariants(wrong)
        .map((v) => v.id)
        .filter((v) => v.slice(6, 14) === '20140305' && Number(v[16]) % 2 === 1 && /^\d{17}[\dX]$/.test(v));
      if (fits.length >= 2 && !fits.includes(wrong)) [typo, pair] = [wrong, fits.slice(0, 2)];
    }
    expect(pair).toHaveLength(2);
    const twins = pair.map((idNumber) => ({ ...A, idNumber }));
    const r = run({ hukou: twins.map((t) => hukou(t)), xueji: [xueji(A, { idNumber: typo, studentNo: '' })] });
    const im = of(r.findings, 'IDENTITY_MISMATCH');
    expect(im).toHaveLength(1);
    expect(im[0].method).toContain('待人工确认');
    for (const c of pair) expect(im[0].note).toContain(c);
    expect(r.summary.ambiguous).toBe(1);
  });

  it('学籍号 ties a roster row without ID to its 学籍; full-width and spaced IDs are the same number', () => {
    const r = run({ hukou: [hukou(A)], xueji: [xueji(A)], roster: [roster(A, { idNumber: '', studentNo: `G${A.idNumber}` })] });
    expect(r.findings).toEqual([]);
    expect(r.links.filter((l) => l.kind === 'roster')[0].method).toBe('学籍号');
    const wide = A.idNumber.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(
      run({ hukou: [hukou(A)], xueji: [xueji(A, { idNumber: ` ${wide.slice(0, 6)} ${wide.slice(6)}` })], roster: [roster(A)] }).findings,
    ).toEqual([]);
  });

  it('roster rows with neither ID nor 学籍号: by name in their class, homophones and spacing accepted', () => {
    const bare = (name: string, extra: Cells = {}) => roster({ ...A, name }, { idNumber: '', ...extra });
    const ok = (name: string, extra?: Cells) =>
      run({ hukou: [hukou(A), hukou(B)], xueji: [xueji(A), classmateXueji], roster: [bare(name, extra), classmate] });
    expect(ok('张浩然').findings).toEqual([]);
    expect(ok('张 浩然').findings).toEqual([]);
    expect(ok('张昊然').findings).toEqual([]); // 浩/昊: hao
    expect(ok('张浩然', { className: '(2)班' }).findings).toEqual([]);
    expect(ok('张浩然').links.find((l) => l.kind === 'roster' && l.row === 1)?.method).toBe('班级+姓名');
    expect(ok('张昊然').links.find((l) => l.kind === 'roster' && l.row === 1)?.method).toBe('班级+同音姓名');
    // Another name altogether: present without a 学籍, and A absent.
    expect(codes(ok('王小明').findings)).toEqual(['ENROLLED_ABSENT', 'NO_HOUSEHOLD', 'PRESENT_UNENROLLED']);
  });

  it('two 学籍 of the same name in the class and one unidentified roster row: a person decides', () => {
    const A2 = { ...A, birthDate: '2014-05-05', idNumber: id('2014-05-05', 13) };
    const r = run({ hukou: [hukou(A), hukou(A2)], xueji: [xueji(A), xueji(A2)], roster: [roster(A, { idNumber: '' })] });
    const pu = of(r.findings, 'PRESENT_UNENROLLED');
    expect(pu).toHaveLength(1);
    expect(pu[0].note).toContain('学籍第 1 行');
    expect(pu[0].note).toContain('学籍第 2 行');
    expect(pu[0].confidence).toBeLessThanOrEqual(0.5);
  });

  // A province holds many children of the same name born the same day: name and birth date alone must not tie a
  // record to a namesake when other evidence says they are two children.
  it('a child without ID or household, on its class list, is not tied by name and birth date to a namesake at another school', () => {
    const unregistered = { ...A, idNumber: '' };
    const own = xueji(unregistered, { studentNo: 'L410182000000000009', householdDivisionCode: '' });
    const namesake = {
      hukou: [hukou(A)],
      xueji: [xueji(A, { schoolCode: OTHER_SCHOOL })],
      roster: [roster(A, { schoolCode: OTHER_SCHOOL })],
    };
    const r = run({
      hukou: namesake.hukou,
      xueji: [...namesake.xueji, own],
      roster: [...namesake.roster, roster(unregistered)], // its row in its class: neither ID nor 学籍号
    });
    expect(codes(r.findings)).toEqual(['NO_HOUSEHOLD']);
    expect(of(r.findings, 'NO_HOUSEHOLD')[0].rows).toMatchObject({ hukou: [], xueji: [2], roster: [2] });
    // Not on a class list, but a second current 学籍 needs more than name and birth date (the same 户籍地 or school):
    // the namesake is named for a person to confirm.
    const second = run({ hukou: namesake.hukou, xueji: [...namesake.xueji, own, classmateXueji], roster: [...namesake.roster, classmate] });
    expect(codes(second.findings)).toEqual(['ENROLLED_ABSENT', 'NO_HOUSEHOLD']);
    const nh = of(second.findings, 'NO_HOUSEHOLD')[0];
    expect(nh.candidates).toEqual([{ record: { kind: 'xueji', row: 2 }, candidates: [{ kind: 'hukou', row: 1 }] }]);
    expect(nh.note).toContain('佐证');
    // The same 户籍地: the namesake's second 学籍.
    const same = { ...own, householdDivisionCode: '410182100201' };
    const dup = run({ hukou: namesake.hukou, xueji: [...namesake.xueji, same, classmateXueji], roster: [...namesake.roster, classmate] });
    expect(codes(dup.findings)).toEqual(['DUPLICATE_ENROLLMENT']);
    // A migrant's two 学籍 naming the same county of origin.
    const migrant = { ...A, idNumber: id('2014-03-05', 11, '410329') };
    const twice = run({
      xueji: [
        xueji(migrant, { migrant: '是', householdDivisionCode: '410329', schoolCode: OTHER_SCHOOL }),
        xueji({ ...migrant, idNumber: '' }, { migrant: '是', householdDivisionCode: '410329', studentNo: 'L410182000000000009' }),
        classmateXueji,
      ],
      roster: [roster(migrant, { schoolCode: OTHER_SCHOOL }), classmate],
    });
    expect(codes(twice.findings)).toEqual(['DUPLICATE_ENROLLMENT']);
  });

  it("a 学籍 registered in another county, or under a number far from the namesake's, is another child", () => {
    const local = { hukou: [hukou(A)], xueji: [xueji(A)], roster: [roster(A), classmate] };
    const elsewhere = xueji(
      { ...A, idNumber: '' },
      { studentNo: 'L410182000000000009', schoolCode: OTHER_SCHOOL, householdDivisionCode: '410329' },
    );
    const r = run({ ...local, xueji: [...local.xueji, elsewhere, classmateXueji] });
    expect(of(r.findings, 'DUPLICATE_ENROLLMENT')).toEqual([]);
    // The same county, but its own (invalid) number is far from A's: another child's number, mistyped.
    const valid = id('2014-03-05', 457, '410329');
    const far = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const other = xueji({ ...A, idNumber: far }, { studentNo: '', schoolCode: OTHER_SCHOOL });
    const r2 = run({ ...local, xueji: [...local.xueji, other, classmateXueji] });
    expect(of(r2.findings, 'DUPLICATE_ENROLLMENT')).toEqual([]);
    expect(of(r2.findings, 'IDENTITY_MISMATCH')[0].rows.xueji).toEqual([2]);
  });

  it('a homophone name and the birth date tie a 学籍 without ID only with the same 户籍地 or school', () => {
    const sounds = (division: string) =>
      xueji({ ...A, name: '张昊然', idNumber: '' }, { studentNo: 'L410182000000000009', householdDivisionCode: division });
    for (const division of ['410182100201', '410182100', '410182100000']) {
      const tied = run({ hukou: [hukou(A)], xueji: [sounds(division)], roster: [roster({ ...A, name: '张昊然', idNumber: '' })] });
      expect(tied.findings, division).toEqual([]);
      expect(tied.links.find((l) => l.kind === 'xueji')?.method).toBe('同音姓名+出生日期');
    }
    for (const division of ['410182100305', '410182', '']) {
      const apart = run({ hukou: [hukou(A)], xueji: [sounds(division)], roster: [roster({ ...A, name: '张昊然', idNumber: '' })] });
      expect(codes(apart.findings), division).toEqual(['NO_HOUSEHOLD', 'OUT_OF_SCHOOL']);
    }
    const apart = run({ hukou: [hukou(A)], xueji: [sounds('410182100305')], roster: [roster({ ...A, name: '张昊然', idNumber: '' })] });
    expect(of(apart.findings, 'NO_HOUSEHOLD')[0].candidates).toEqual([
      { record: { kind: 'xueji', row: 1 }, candidates: [{ kind: 'hukou', row: 1 }] },
    ]);
  });

  it('a roster row without 学籍 or ID is not tied to a child who graduated, or reached a higher grade', () => {
    const bare = roster(A, { idNumber: '', grade: '6' });
    const past = (status: string, grade: string) => xueji(A, { status, grade, schoolCode: OTHER_SCHOOL });
    // A dropped out in grade 6: back in grade 6, the roster row is A.
    const back = run({ hukou: [hukou(A)], xueji: [past('辍学', '6'), classmateXueji], roster: [bare, classmate] });
    expect(back.links.find((l) => l.kind === 'roster' && l.row === 1)?.method).toBe('姓名+年龄');
    // Graduated from grade 9, or dropped out of grade 8: not the child in grade 6.
    for (const [status, grade] of [
      ['毕业', '9'],
      ['辍学', '8'],
    ]) {
      const r = run({ hukou: [hukou(A)], xueji: [past(status, grade), classmateXueji], roster: [bare, classmate] });
      expect(r.links.find((l) => l.kind === 'roster' && l.row === 1)?.method, `${status} ${grade}`).toBeNull();
    }
  });

  it('a roster row that may be one of several registered children is not 无户籍', () => {
    const A2 = { ...A, birthDate: '2014-05-05', idNumber: id('2014-05-05', 13) };
    const r = run({
      hukou: [hukou(A), hukou(A2)],
      xueji: [xueji(A), xueji(A2), classmateXueji],
      roster: [roster(A, { idNumber: '' }), classmate],
    });
    expect(codes(r.findings)).toEqual(['ENROLLED_ABSENT', 'ENROLLED_ABSENT', 'PRESENT_UNENROLLED']);
    expect(of(r.findings, 'PRESENT_UNENROLLED')[0].candidates).toHaveLength(1);
  });

  it('a placeholder number shared by different children does not make them one child', () => {
    const zero = '000000000000000000';
    const r = run({ xueji: [xueji({ ...A, idNumber: zero }, { studentNo: '' }), xueji({ ...B, idNumber: zero }, { studentNo: '' })] });
    expect(r.summary.children).toBe(2);
    expect(of(r.findings, 'DUPLICATE_ENROLLMENT')).toEqual([]);
  });

  it('the county defaults to the most frequent area code among 户籍 IDs', () => {
    const r = run({ hukou: [hukou(A), hukou(B), hukou({ ...A, idNumber: id('2014-03-05', 11, '411421') })] });
    expect(r.summary.countyCode).toBe('410182');
  });
});
