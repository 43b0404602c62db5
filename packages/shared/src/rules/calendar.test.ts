import { describe, expect, it } from 'vitest';
import { DEFAULT_COUNTY_SETTINGS, type SchoolCalendar } from '../settings';
import { calendarProblems, countSchoolDays, deadlineAfter, eligibleBirthRange, isAgeEligible, isSchoolDay, schoolYearOf } from './calendar';
import { shanghaiToday } from './dates';

const cal: SchoolCalendar = {
  terms: [{ name: '2026-2027学年第一学期', startDate: '2026-09-01', endDate: '2027-01-22' }],
  days: [
    { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
    { date: '2026-10-02', kind: 'holiday', name: '国庆节' },
    { date: '2026-10-10', kind: 'workday', name: '国庆调休' },
  ],
};

describe('school calendar (issue 2 item 9; issue 6 item 5)', () => {
  it.each([
    ['2026-08-31', false, 'before the term'],
    ['2026-09-01', true, 'first day of term (Tuesday)'],
    ['2026-09-05', false, 'Saturday'],
    ['2026-10-01', false, 'National Day holiday'],
    ['2026-10-10', true, 'make-up working day (调休) on a Saturday'],
    ['2027-01-23', false, 'after the term'],
  ])('%s is a school day: %s (%s)', (d, expected) => {
    expect(isSchoolDay(d, cal)).toBe(expected);
  });

  it('counts school days across a holiday', () => {
    // 2026-09-28 (Mon) … 2026-10-09 (Fri): 10 weekdays, minus 10-01 and 10-02 holidays = 8
    expect(countSchoolDays('2026-09-28', '2026-10-09', cal)).toBe(8);
  });
});

describe('deadlines (seed 000: 劝返通知书 return within 5 days)', () => {
  it('calendar days by default', () => {
    expect(deadlineAfter('2026-09-29', 5, 'calendar', cal)).toBe('2026-10-04');
  });
  it('working days when the county sets it: skips weekends and holidays, counts 调休', () => {
    // from Tue 09-29: 09-30 (1), 10-01/02 holidays, 10-03/04 weekend, 10-05 (2), 10-06 (3), 10-07 (4), 10-08 (5)
    expect(deadlineAfter('2026-09-29', 5, 'working', cal)).toBe('2026-10-08');
  });
});

describe('age eligibility (formats.md: born 1 Sep Y−16 … 31 Aug Y−6)', () => {
  it('default range for school year 2026', () => {
    expect(eligibleBirthRange(2026, DEFAULT_COUNTY_SETTINGS)).toEqual({ from: '2010-09-01', to: '2020-08-31' });
  });
  it('seed 001 uses 6–16', () => {
    expect(eligibleBirthRange(2026, { ...DEFAULT_COUNTY_SETTINGS, eligibleAgeTo: 16 }).from).toBe('2009-09-01');
  });
  it.each([
    ['2010-08-31', false],
    ['2010-09-01', true],
    ['2020-08-31', true],
    ['2020-09-01', false],
  ])('born %s eligible in 2026: %s', (b, e) => {
    expect(isAgeEligible(b, 2026, DEFAULT_COUNTY_SETTINGS)).toBe(e);
  });
  it('the school year of a date', () => {
    expect(schoolYearOf('2026-08-31', DEFAULT_COUNTY_SETTINGS)).toBe(2025);
    expect(schoolYearOf('2026-09-01', DEFAULT_COUNTY_SETTINGS)).toBe(2026);
  });
});

describe('today in Asia/Shanghai (product.md)', () => {
  it('is already tomorrow in Beijing at 17:00 UTC', () => {
    expect(shanghaiToday(new Date('2026-09-01T17:00:00Z'))).toBe('2026-09-02');
    expect(shanghaiToday(new Date('2026-09-01T15:59:00Z'))).toBe('2026-09-01');
  });
});

describe('calendar validation', () => {
  it('refuses overlapping terms and duplicate days', () => {
    const bad: SchoolCalendar = {
      terms: [
        { name: 'A', startDate: '2026-09-01', endDate: '2027-01-22' },
        { name: 'B', startDate: '2027-01-20', endDate: '2027-07-01' },
      ],
      days: [
        { date: '2026-10-01', kind: 'holiday', name: '' },
        { date: '2026-10-01', kind: 'workday', name: '' },
      ],
    };
    expect(calendarProblems(bad)).toHaveLength(2);
    expect(calendarProblems(cal)).toEqual([]);
  });
});
