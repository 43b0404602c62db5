import { describe, expect, it } from 'vitest';
import {
  cohortEntryYear,
  consolidationRate,
  dropoutRate,
  enrollmentRate,
  formatRate,
  medianDays,
  persuasionRate,
  schoolYearSpan,
} from './indicators';

// Worked examples are those of docs/domain/indicators.md.

describe('入学率 = 在校的适龄儿童 / 适龄儿童 (教育统计 适龄人口入学率)', () => {
  it('worked example: 4,812 eligible, 4,806 in school → 99.88%', () => {
    const r = enrollmentRate({ eligible: 4812, eligibleInSchool: 4806 });
    expect(r).toMatchObject({ numerator: 4806, denominator: 4812, computable: true });
    expect(r.value).toBeCloseTo(0.998753, 6);
    expect(formatRate(r)).toBe('99.88%');
  });
  it('no eligible children → not computable, never 0% or 100%', () => {
    const r = enrollmentRate({ eligible: 0, eligibleInSchool: 0 });
    expect(r.computable).toBe(false);
    expect(r.value).toBeNull();
    expect(formatRate(r)).toBe('—（无法计算：适龄儿童数为 0）');
  });
  it('more in school than eligible is inconsistent data → not computable', () => {
    expect(enrollmentRate({ eligible: 10, eligibleInSchool: 11 }).computable).toBe(false);
  });
  it('negative counts → not computable', () => {
    expect(enrollmentRate({ eligible: 10, eligibleInSchool: -1 }).computable).toBe(false);
  });
});

describe('九年义务教育巩固率 = 毕业生 / (九年前入学人数 + 转入 − 转出 − 死亡) (seed 001 目标 100%)', () => {
  it('worked example: 2026 graduates 1,187; 2017 entry 1,203, +41 in, −52 out, −1 death → 1,191 → 99.66%', () => {
    const r = consolidationRate({ graduates: 1187, entryCohort: 1203, transfersIn: 41, transfersOut: 52, deaths: 1 });
    expect(r).toMatchObject({ numerator: 1187, denominator: 1191, computable: true });
    expect(formatRate(r)).toBe('99.66%');
  });
  it('deaths default to 0', () => {
    const r = consolidationRate({ graduates: 90, entryCohort: 100, transfersIn: 0, transfersOut: 10 });
    expect(r.denominator).toBe(90);
    expect(formatRate(r, 1)).toBe('100.0%');
  });
  it('unknown entering cohort → not computable, with the reason in Chinese', () => {
    const r = consolidationRate({ graduates: 1187, entryCohort: null, transfersIn: 41, transfersOut: 52 });
    expect(r.computable).toBe(false);
    expect(r.value).toBeNull();
    expect(r.reason).toContain('九年前的入学人数');
    expect(formatRate(r)).toMatch(/^—（无法计算：.*入学人数/);
  });
  it('adjusted denominator ≤ 0 → not computable', () => {
    const r = consolidationRate({ graduates: 3, entryCohort: 5, transfersIn: 0, transfersOut: 5 });
    expect(r.computable).toBe(false);
    expect(r.reason).toContain('不大于 0');
  });
  it('a cohort of 0 with transfers in is still computable', () => {
    expect(consolidationRate({ graduates: 2, entryCohort: 0, transfersIn: 2, transfersOut: 0 }).value).toBe(1);
  });
});

describe('辍学率 (“两基”: 学年内辍学学生数 / 学年初在校学生数)', () => {
  it('worked example: 6 dropouts, 25,340 at the start of the year → 0.02%', () => {
    const r = dropoutRate({ dropoutsDuringYear: 6, studentsAtYearStart: 25340 });
    expect(r.value).toBeCloseTo(0.000236779, 8);
    expect(formatRate(r)).toBe('0.02%');
    expect(formatRate(r, 3)).toBe('0.024%');
  });
  it('zero students at the start → not computable', () => {
    expect(formatRate(dropoutRate({ dropoutsDuringYear: 0, studentsAtYearStart: 0 }))).toBe('—（无法计算：学年初在校学生数为 0）');
  });
  it('zero dropouts → 0.00% (the seed 001 target 零辍学)', () => {
    expect(formatRate(dropoutRate({ dropoutsDuringYear: 0, studentsAtYearStart: 100 }))).toBe('0.00%');
  });
});

describe('劝返率 = 劝返复学人数 / 辍学人数', () => {
  it('worked example: 5 of 6 returned → 83.33%', () => {
    expect(formatRate(persuasionRate({ returned: 5, dropouts: 6 }))).toBe('83.33%');
  });
  it('no dropouts → not computable (nothing to persuade)', () => {
    const r = persuasionRate({ returned: 0, dropouts: 0 });
    expect(r.computable).toBe(false);
    expect(r.reason).toContain('没有辍学学生');
  });
  it('more returned than dropouts → inconsistent', () => {
    expect(persuasionRate({ returned: 3, dropouts: 2 }).computable).toBe(false);
  });
});

describe('medianDays (report → return)', () => {
  it('odd count: middle value', () => expect(medianDays([12, 3, 7])).toBe(7));
  it('even count: mean of the two middle values', () => expect(medianDays([3, 7, 12, 20])).toBe(9.5));
  it('worked example of the doc: 4, 6, 9, 15, 31 days → 9', () => expect(medianDays([31, 4, 9, 6, 15])).toBe(9));
  it('empty → null', () => expect(medianDays([])).toBeNull());
  it('ignores non-finite values and does not mutate the input', () => {
    const xs = [5, Number.NaN, 1];
    expect(medianDays(xs)).toBe(3);
    expect(xs).toEqual([5, Number.NaN, 1]);
  });
});

describe('formatRate', () => {
  it('rounds to the given digits', () => {
    expect(formatRate({ numerator: 9876, denominator: 10000, value: 0.9876, computable: true })).toBe('98.76%');
    expect(formatRate({ numerator: 2, denominator: 3, value: 2 / 3, computable: true }, 0)).toBe('67%');
  });
  it('falls back to a generic reason', () => {
    expect(formatRate({ numerator: 0, denominator: 0, value: null, computable: false })).toBe('—（无法计算：数据不足）');
  });
});

describe('schoolYearSpan (school year from the county start date, default 09-01)', () => {
  it('a date in October belongs to the year starting that September', () => {
    expect(schoolYearSpan('2026-10-15', '09-01')).toEqual({ label: '2026—2027学年', from: '2026-09-01', to: '2027-08-31' });
  });
  it('the start day itself opens the new year; the day before closes the old one', () => {
    expect(schoolYearSpan('2026-09-01', '09-01').label).toBe('2026—2027学年');
    expect(schoolYearSpan('2026-08-31', '09-01')).toEqual({ label: '2025—2026学年', from: '2025-09-01', to: '2026-08-31' });
  });
  it('a leap-year end: start 03-01 → to is 29 February', () => {
    expect(schoolYearSpan('2023-05-01', '03-01').to).toBe('2024-02-29');
  });
});

describe('cohortEntryYear', () => {
  it('the class graduating in 2026 entered 一年级 in 2017', () => expect(cohortEntryYear(2026)).toBe(2017));
});
