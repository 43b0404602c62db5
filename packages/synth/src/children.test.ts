import { parseIdNumber } from '@notoneless/shared/rules/id-number';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateChildren, generateCounty } from './index';
import type { KeyGroup, SynthChild, SynthCounty } from './types';

let county: SynthCounty;
let children: SynthChild[];

beforeAll(() => {
  county = generateCounty();
  children = [...generateChildren(county)];
});

const share = (pred: (c: SynthChild) => boolean): number => children.filter(pred).length / children.length;
const has = (g: KeyGroup) => (c: SynthChild) => c.keyGroups.includes(g);

/** Cohort k = the grade a child born in that school-year window starts in year Y on time (formats.md). */
function cohortOf(birthDate: string, schoolYear: number): number {
  const [y, m] = birthDate.split('-').map(Number);
  const birthSchoolYear = m >= 9 ? y : y - 1;
  return schoolYear - 6 - birthSchoolYear;
}

describe('generateChildren: determinism and count', () => {
  it('yields exactly opts.children children', () => {
    expect(children).toHaveLength(20_000);
    expect(new Set(children.map((c) => c.key)).size).toBe(20_000);
  });

  it('same seed → same children; another seed → others', () => {
    const again = generateChildren(generateCounty());
    for (let i = 0; i < 2000; i++) expect(again.next().value).toEqual(children[i]);
    const other = generateChildren(generateCounty({ seed: 99 }), { seed: 99 }).next().value;
    expect(other?.idNumber).not.toBe(children[0].idNumber);
  });

  it('streams lazily (a generator, not an array)', () => {
    const it = generateChildren(county, { children: 3_000_000 });
    expect(it.next().done).toBe(false);
  });
});

describe('generateChildren: 公民身份号码 (GB 11643-1999)', () => {
  it('every idNumber is valid and unique over 20,000 children', () => {
    const wrong = children.filter((c) => {
      const parsed = parseIdNumber(c.idNumber);
      return !parsed.valid || parsed.birthDate !== c.birthDate || parsed.gender !== c.gender;
    });
    expect(wrong).toEqual([]);
    expect(new Set(children.map((c) => c.idNumber)).size).toBe(children.length);
  });

  it('area code is the county’s except 随迁 children', () => {
    for (const c of children) {
      if (c.keyGroups.includes('随迁')) {
        expect(c.idNumber.slice(0, 6)).not.toBe('410182');
        expect(c.householdVillageCode).toBeNull();
      } else {
        expect(c.idNumber.slice(0, 6)).toBe('410182');
        expect(c.householdVillageCode).toMatch(/^410182\d{6}$/);
      }
    }
  });

  it('学籍号 = G + idNumber when enrolled', () => {
    for (const c of children) expect(c.studentNo).toBe(c.status === '未入学' ? null : `G${c.idNumber}`);
  });
});

describe('generateChildren: age and grade (formats.md 适龄)', () => {
  it('every child is born 1 Sep Y−16 … 31 Aug Y−6 (Y = 2026)', () => {
    for (const c of children) {
      expect(c.birthDate >= '2010-09-01' && c.birthDate <= '2020-08-31', c.birthDate).toBe(true);
    }
  });

  it('grade matches age mostly, never off by more than one', () => {
    const enrolled = children.filter((c) => c.grade !== null);
    let same = 0;
    for (const c of enrolled) {
      const diff = cohortOf(c.birthDate, 2026) - (c.grade ?? 0);
      expect(Math.abs(diff)).toBeLessThanOrEqual(1);
      if (diff === 0) same++;
    }
    expect(same / enrolled.length).toBeGreaterThan(0.85);
    expect(same / enrolled.length).toBeLessThan(0.95);
  });

  it('follows asOf: before September the school year is the previous one', () => {
    const c = generateCounty({ children: 600, asOf: '2026-03-01' });
    for (const child of generateChildren(c, { children: 600, asOf: '2026-03-01' })) {
      expect(child.birthDate >= '2009-09-01' && child.birthDate <= '2019-08-31').toBe(true);
    }
  });

  it('grades are about equally large', () => {
    const perGrade = new Array<number>(10).fill(0);
    for (const c of children) if (c.grade !== null) perGrade[c.grade]++;
    for (let g = 1; g <= 9; g++) expect(Math.abs(perGrade[g] - 20_000 / 9) / (20_000 / 9)).toBeLessThan(0.15);
  });
});

describe('generateChildren: schools and classes', () => {
  it('children sit in classes of their school and grade; ordinary classes hold 30–50', () => {
    const classes = new Map(county.classes.map((c) => [c.key, c]));
    const schools = new Map(county.schools.map((s) => [s.code, s]));
    const size = new Map<string, number>();
    for (const c of children) {
      if (c.classKey === null) continue;
      const cls = classes.get(c.classKey);
      expect(cls?.schoolCode).toBe(c.schoolCode);
      expect(cls?.grade).toBe(c.grade);
      size.set(c.classKey, (size.get(c.classKey) ?? 0) + 1);
    }
    for (const cls of county.classes) {
      const type = schools.get(cls.schoolCode)?.type;
      const n = size.get(cls.key) ?? 0;
      if (type === '教学点' || type === '特殊教育学校') expect(n).toBeLessThan(30);
      else {
        expect(n).toBeGreaterThanOrEqual(30);
        expect(n).toBeLessThanOrEqual(50);
      }
    }
  });

  it('special-school children are disabled', () => {
    const special = new Set(county.schools.filter((s) => s.type === '特殊教育学校').map((s) => s.code));
    const inSpecial = children.filter((c) => c.schoolCode !== null && special.has(c.schoolCode));
    expect(inSpecial.length).toBeGreaterThan(0);
    for (const c of inSpecial) expect(c.keyGroups).toContain('残疾');
  });

  it('household villages exist and mostly lie in the school’s township', () => {
    const villages = new Set(county.divisions.filter((d) => d.level === 'village').map((d) => d.code));
    const schools = new Map(county.schools.map((s) => [s.code, s]));
    for (const c of children) if (c.householdVillageCode !== null) expect(villages.has(c.householdVillageCode)).toBe(true);
    const local = children.filter((c) => c.householdVillageCode !== null && c.schoolCode !== null);
    const sameTownship = local.filter((c) => c.householdVillageCode?.slice(0, 9) === schools.get(c.schoolCode ?? '')?.townshipCode);
    expect(sameTownship.length / local.length).toBeGreaterThan(0.8);
  });
});

describe('generateChildren: people', () => {
  it('names, guardians, phones and addresses look real', () => {
    const odd = children.filter(
      (c) =>
        !/^[\u4e00-\u9fa5]{2,4}$/.test(c.name) ||
        !/^[\u4e00-\u9fa5]{2,4}$/.test(c.guardianName) ||
        !/^1[3-9]\d{9}$/.test(c.guardianPhone) ||
        !/^[\u4e00-\u9fa5].*(号|室)$/.test(c.householdAddress) ||
        !c.nation.endsWith('族'),
    );
    expect(odd).toEqual([]);
    expect(share((c) => c.nation === '汉族')).toBeGreaterThan(0.95);
  });

  it('the father and paternal grandfather share the child’s surname', () => {
    for (const c of children) {
      if (c.guardianRelation === '父亲' || c.guardianRelation === '祖父') expect(c.guardianName[0]).toBe(c.name[0]);
    }
  });

  it('common surnames dominate; a few rare characters appear', () => {
    const common = '王李张刘陈杨赵黄周吴';
    expect(share((c) => common.includes(c.name[0]))).toBeGreaterThan(0.4);
    expect(share((c) => /[喆堃燚犇淼垚昇珺翀祎玥瑄婳姮珅暻赟彧翯龑]/.test(c.name))).toBeGreaterThan(0.002);
  });

  it('gender is about 52/48', () => {
    expect(share((c) => c.gender === '男')).toBeCloseTo(0.52, 1);
    expect(Math.abs(share((c) => c.gender === '男') - 0.52)).toBeLessThan(0.015);
  });

  it('orphans and children without carers have no parent as guardian; 留守 children none either', () => {
    for (const c of children.filter((x) => x.keyGroups.some((g) => g === '孤儿' || g === '事实无人抚养' || g === '留守'))) {
      expect(['父亲', '母亲']).not.toContain(c.guardianRelation);
    }
  });
});

describe('generateChildren: key groups and status rates', () => {
  it.each([
    ['脱贫户', 0.06, 0.01],
    ['监测户', 0.015, 0.004],
    ['低保', 0.03, 0.006],
    ['留守', 0.12, 0.015],
    ['随迁', 0.03, 0.006],
    ['残疾', 0.01, 0.004],
    ['单亲', 0.04, 0.008],
  ] as const)('%s ≈ %f (± %f)', (group, rate, tolerance) => {
    expect(Math.abs(share(has(group)) - rate)).toBeLessThan(tolerance);
  });

  it('脱贫户 and 监测户 exclude each other; 随迁 are never 留守', () => {
    const wrong = children.filter(
      (c) =>
        (c.keyGroups.includes('脱贫户') && c.keyGroups.includes('监测户')) ||
        (c.keyGroups.includes('随迁') && c.keyGroups.includes('留守')) ||
        new Set(c.keyGroups).size !== c.keyGroups.length,
    );
    expect(wrong).toEqual([]);
  });

  it.each([
    ['在读', 0.99, 0.006],
    ['休学', 0.005, 0.002],
    ['送教上门', 0.003, 0.0015],
    ['未入学', 0.002, 0.0012],
    ['辍学', 0.002, 0.0012],
  ] as const)('status %s ≈ %f (± %f)', (status, rate, tolerance) => {
    expect(Math.abs(share((c) => c.status === status) - rate)).toBeLessThan(tolerance);
  });

  it('送教上门 children are disabled; 未入学 children have no school; 辍学 concentrate in junior high', () => {
    for (const c of children) {
      if (c.status === '送教上门') expect(c.keyGroups).toContain('残疾');
      if (c.status === '未入学') {
        expect([c.schoolCode, c.classKey, c.grade]).toEqual([null, null, null]);
        expect(c.keyGroups).not.toContain('随迁');
      } else {
        expect(c.schoolCode).not.toBeNull();
      }
    }
    const dropouts = children.filter((c) => c.status === '辍学');
    expect(dropouts.filter((c) => (c.grade ?? 0) >= 7).length).toBeGreaterThan(dropouts.length / 2);
  });
});
