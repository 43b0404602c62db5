import { describe, expect, it } from 'vitest';
import { generateCounty } from './index';
import type { SchoolType } from './types';

const county = generateCounty();

describe('generateCounty: determinism', () => {
  it('same seed → same county; another seed → another county', () => {
    expect(generateCounty()).toEqual(county);
    expect(generateCounty({ seed: 1 })).toEqual(county);
    const other = generateCounty({ seed: 2 });
    expect(other.divisions.map((d) => d.name)).not.toEqual(county.divisions.map((d) => d.name));
  });
});

describe('generateCounty: divisions (12-digit statistical codes)', () => {
  const townships = county.divisions.filter((d) => d.level === 'township');
  const villages = county.divisions.filter((d) => d.level === 'village');

  it('has the county 410182 荥阳市 by default', () => {
    expect(county.county).toEqual({ code: '410182', level: 'county', parentCode: null, name: '荥阳市' });
    expect(county.divisions[0]).toEqual(county.county);
  });

  it('has 14 townships named 街道/镇/乡 with 9-digit codes under the county', () => {
    expect(townships).toHaveLength(14);
    for (const t of townships) {
      expect(t.code).toMatch(/^410182\d{3}$/);
      expect(t.parentCode).toBe('410182');
      expect(t.name).toMatch(/(街道|镇|乡)$/);
    }
    expect(townships.some((t) => t.name.endsWith('街道'))).toBe(true);
    expect(townships.some((t) => t.code === '410182100')).toBe(true);
  });

  it('has ~250 villages/communities with 12-digit codes under their township', () => {
    expect(villages.length).toBeGreaterThanOrEqual(240);
    expect(villages.length).toBeLessThanOrEqual(260);
    for (const v of villages) {
      expect(v.code).toMatch(/^\d{12}$/);
      expect(v.code.slice(0, 9)).toBe(v.parentCode);
      expect(v.name).toMatch(/(村|社区)$/);
    }
    expect(villages.some((v) => v.code === '410182100201')).toBe(true);
    expect(townships.every((t) => villages.some((v) => v.parentCode === t.code))).toBe(true);
  });

  it('has unique codes and unique village names', () => {
    expect(new Set(county.divisions.map((d) => d.code)).size).toBe(county.divisions.length);
    expect(new Set(villages.map((v) => v.name)).size).toBe(villages.length);
  });

  it.each([
    [{ townships: 3, villagesPerTownship: 5 }, 3, 15],
    [{ townships: 30, villagesPerTownship: 10 }, 30, 300],
  ])('honours %o', (opts, nTownships, nVillages) => {
    const c = generateCounty({ ...opts, children: 2000 });
    expect(c.divisions.filter((d) => d.level === 'township')).toHaveLength(nTownships);
    expect(c.divisions.filter((d) => d.level === 'village')).toHaveLength(nVillages);
  });
});

describe('generateCounty: units and schools', () => {
  const unitIds = new Set(county.units.map((u) => u.id));
  const bureau = county.units.find((u) => u.kind === 'bureau');
  const count = (type: SchoolType): number => county.schools.filter((s) => s.type === type).length;

  it('has one bureau, a 中心校 per township and 1–2 片区 centres', () => {
    expect(county.units.filter((u) => u.kind === 'bureau')).toHaveLength(1);
    expect(bureau?.id).toBe('unit-410182-001');
    for (const t of county.divisions.filter((d) => d.level === 'township')) {
      expect(county.units.filter((u) => u.kind === 'central_school' && u.townshipCode === t.code)).toHaveLength(1);
    }
    const districts = county.units.filter((u) => u.kind === 'district_centre');
    expect(districts.length).toBeGreaterThanOrEqual(1);
    expect(districts.length).toBeLessThanOrEqual(2);
    expect(unitIds.size).toBe(county.units.length);
    for (const u of county.units) expect(u.id).toMatch(/^unit-410182-\d{3}$/);
  });

  it('has ~60 schools at 20,000 children, of every type', () => {
    expect(county.schools.length).toBeGreaterThanOrEqual(55);
    expect(county.schools.length).toBeLessThanOrEqual(65);
    expect(count('特殊教育学校')).toBeGreaterThanOrEqual(1);
    expect(count('教学点')).toBeGreaterThanOrEqual(3);
    expect(count('小学')).toBeGreaterThanOrEqual(10);
    expect(count('初中')).toBeGreaterThanOrEqual(5);
    expect(count('九年一贯制')).toBeGreaterThanOrEqual(1);
  });

  it.each([
    [500, 6],
    [100_000, 303],
  ])('scales: %i children → %i schools', (children, schools) => {
    expect(generateCounty({ children }).schools).toHaveLength(schools);
  });

  it.each([
    ['小学', [1, 2, 3, 4, 5, 6]],
    ['初中', [7, 8, 9]],
    ['九年一贯制', [1, 2, 3, 4, 5, 6, 7, 8, 9]],
    ['特殊教育学校', [1, 2, 3, 4, 5, 6, 7, 8, 9]],
  ] as const)('%s teaches grades %j', (type, grades) => {
    for (const s of county.schools.filter((x) => x.type === type)) expect(s.grades).toEqual(grades);
  });

  it('教学点 teach grades 1–3 or 1–4', () => {
    for (const s of county.schools.filter((x) => x.type === '教学点')) {
      expect([
        [1, 2, 3],
        [1, 2, 3, 4],
      ]).toContainEqual(s.grades);
    }
  });

  it('every school has a unit, a township and a unique 10-digit code starting with 1', () => {
    const townships = new Set(county.divisions.filter((d) => d.level === 'township').map((d) => d.code));
    const villages = new Set(county.divisions.filter((d) => d.level === 'village').map((d) => d.code));
    for (const s of county.schools) {
      expect(unitIds.has(s.unitId)).toBe(true);
      expect(townships.has(s.townshipCode)).toBe(true);
      if (s.villageCode !== null) expect(villages.has(s.villageCode)).toBe(true);
      expect(s.code).toMatch(/^1\d{9}$/);
    }
    expect(new Set(county.schools.map((s) => s.code)).size).toBe(county.schools.length);
    expect(new Set(county.schools.map((s) => s.name)).size).toBe(county.schools.length);
  });

  it('has a few 局直 schools, including the special school', () => {
    const direct = county.schools.filter((s) => s.unitId === bureau?.id);
    expect(direct.length).toBeGreaterThanOrEqual(3);
    expect(direct.length).toBeLessThanOrEqual(8);
    expect(direct.some((s) => s.type === '特殊教育学校')).toBe(true);
  });

  it('a school under a 中心校 or 片区 lies in that unit’s township', () => {
    const byId = new Map(county.units.map((u) => [u.id, u]));
    for (const s of county.schools) {
      const unit = byId.get(s.unitId);
      if (unit?.kind !== 'bureau') expect(unit?.townshipCode).toBe(s.townshipCode);
    }
  });
});

describe('generateCounty: classes and head teachers', () => {
  const teachers = new Map(county.teachers.map((t) => [t.key, t]));

  it('every class has a 班主任 of its own school', () => {
    for (const c of county.classes) {
      const t = teachers.get(c.headTeacherKey);
      expect(t?.schoolCode).toBe(c.schoolCode);
    }
    expect(teachers.size).toBe(county.teachers.length);
    for (const t of county.teachers) expect(t.phone).toMatch(/^1[3-9]\d{9}$/);
  });

  it('every school has classes for exactly the grades it teaches', () => {
    for (const s of county.schools) {
      const grades = new Set(county.classes.filter((c) => c.schoolCode === s.code).map((c) => c.grade));
      expect([...grades].sort((a, b) => a - b)).toEqual(s.grades);
    }
  });

  it('classes carry the school year of asOf and names like 1班', () => {
    expect(new Set(county.classes.map((c) => c.schoolYear))).toEqual(new Set([2026]));
    expect(new Set(generateCounty({ asOf: '2026-03-01', children: 500 }).classes.map((c) => c.schoolYear))).toEqual(new Set([2025]));
    for (const c of county.classes) expect(c.name).toMatch(/^\d+班$/);
    expect(new Set(county.classes.map((c) => c.key)).size).toBe(county.classes.length);
  });

  it('about 20,000 / 42 classes', () => {
    expect(county.classes.length).toBeGreaterThan(400);
    expect(county.classes.length).toBeLessThan(650);
  });
});
