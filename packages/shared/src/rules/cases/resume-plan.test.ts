import { describe, expect, it } from 'vitest';
import { gradeForAge, suggestResumePlan, type ResumeFacts } from './resume-plan';

const base: ResumeFacts = {
  today: '2026-10-15',
  schoolYearStart: '09-01',
  birthDate: '2014-05-01', // grade 7 by age in 2026–2027
  grade: 7,
  dropoutKind: '辍学',
  outSince: '2026-09-01',
  severeDisability: false,
  homeTeaching: false,
  unwillingToStay: null,
  overAgeYears: 2,
};

describe('复学方案 suggestion (issue 5 item 4; seed 004 四)', () => {
  it('the grade of an age: born before 1 September Y−6 starts grade 1 in Y', () => {
    expect(gradeForAge('2020-08-31', '2026-10-01', '09-01')).toBe(1);
    expect(gradeForAge('2020-09-01', '2026-10-01', '09-01')).toBe(0);
    expect(gradeForAge('2014-05-01', '2026-10-01', '09-01')).toBe(7);
    expect(gradeForAge(null, '2026-10-01', '09-01')).toBeNull();
  });

  it.each<[string, Partial<ResumeFacts>, { kind: string; grade: number | null }]>([
    ['一是: out under a year → 原年级原班', {}, { kind: '原年级原班', grade: 7 }],
    [
      '一是: out over a year, over-age, unwilling to stay → 调整年级',
      { grade: 5, outSince: '2025-06-01', unwillingToStay: true },
      { kind: '调整年级', grade: 7 },
    ],
    [
      '一是: out over a year, older than grade 9 age, unwilling → 中职',
      { birthDate: '2010-05-01', grade: 7, outSince: '2024-06-01', unwillingToStay: true },
      { kind: '中职', grade: null },
    ],
    [
      '二是: out over a year and willing (or not over-age) → 短期补习后随班',
      { grade: 6, outSince: '2025-06-01' },
      { kind: '短期补习后随班', grade: 6 },
    ],
    [
      '二是: over-age but the wish is unknown → tutoring in the original grade',
      { grade: 5, outSince: '2025-06-01' },
      { kind: '短期补习后随班', grade: 5 },
    ],
    ['三是: severe disability → 送教上门', { severeDisability: true }, { kind: '送教上门', grade: 7 }],
    ['三是: already taught at home → 送教上门', { homeTeaching: true, outSince: '2024-01-01' }, { kind: '送教上门', grade: 7 }],
    [
      '失学 (never enrolled) → the grade for the age',
      { dropoutKind: '失学', grade: null, birthDate: '2017-03-01' },
      { kind: '调整年级', grade: 4 },
    ],
    ['失学 past grade 9 by age → 中职', { dropoutKind: '失学', grade: null, birthDate: '2009-03-01' }, { kind: '中职', grade: null }],
  ])('%s', (_name, facts, expected) => {
    const s = suggestResumePlan({ ...base, ...facts });
    expect(s).toMatchObject(expected);
    expect(s.why).toContain('seed 004');
  });

  it('says why in Chinese, with the wish note when over-age and the wish unknown', () => {
    const s = suggestResumePlan({ ...base, grade: 5, outSince: '2025-06-01' });
    expect(s.why).toMatch(/如本人不愿在原年级就读/);
  });
});
