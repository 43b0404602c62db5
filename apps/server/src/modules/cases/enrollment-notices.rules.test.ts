import { describe, expect, it } from 'vitest';
import { DEFAULT_COUNTY_SETTINGS } from '@notoneless/shared';
import { gradeOneBirthRange, reportWindow, schoolFor, termOf } from './enrollment-notices.rules';

const s = DEFAULT_COUNTY_SETTINGS; // 6 years, school year from 1 September (formats.md)

describe('入学通知书: the coming grade-1 cohort (seed 001)', () => {
  it('school year 2026: born 1 Sep 2019 … 31 Aug 2020 (six by the cut-off, not yet seven)', () => {
    expect(gradeOneBirthRange(2026, s)).toEqual({ from: '2019-09-01', to: '2020-08-31' });
    expect(gradeOneBirthRange(2026, { ...s, eligibleAgeFrom: 7 })).toEqual({ from: '2018-09-01', to: '2019-08-31' });
  });
  it('report in the days before the school year; an autumn intake', () => {
    expect(reportWindow(2026, s)).toEqual({ from: '2026-08-29', to: '2026-08-31' });
    expect(termOf(2026, s)).toBe('2026年秋季');
    expect(termOf(2026, { schoolYearStart: '03-01' })).toBe('2026年春季');
  });
  it('the school: their own, else one of their village, else of their township, else to be told', () => {
    const schools = [
      { id: 'a', name: '东镇第一小学', townshipCode: 't1', villageCode: 'v1' },
      { id: 'b', name: '东镇第二小学', townshipCode: 't1', villageCode: 'v2' },
    ];
    expect(schoolFor({ schoolId: 'a', villageCode: 'v2', townshipCode: 't1' }, schools)).toBe('东镇第一小学');
    expect(schoolFor({ schoolId: null, villageCode: 'v2', townshipCode: 't1' }, schools)).toBe('东镇第二小学');
    expect(schoolFor({ schoolId: null, villageCode: 'v9', townshipCode: 't1' }, schools)).toBe('东镇第一小学');
    expect(schoolFor({ schoolId: null, villageCode: 'x', townshipCode: 't9' }, schools)).toContain('另行通知');
  });
});
