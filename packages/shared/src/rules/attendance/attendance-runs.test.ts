import { describe, expect, it } from 'vitest';
import type { SchoolCalendar } from '../../settings';
import { alertRunKey, currentUnexplainedStreak } from './absence';
import { termStartWindow } from './term-start';

// autumn term 2026 starts Tuesday 1 Sep; 国庆 1–7 Oct holiday, 10 Oct (Saturday) a make-up school day
const cal: SchoolCalendar = {
  terms: [{ name: '2026年秋季学期', startDate: '2026-09-01', endDate: '2027-01-20' }],
  days: [
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday' as const, name: '国庆节' })),
    { date: '2026-10-10', kind: 'workday' as const, name: '调休' },
  ],
};

describe('one alert per child, rule and run (issue 6, item 4)', () => {
  it('the consecutive run is keyed by its first school day, stable as it grows; weekends and holidays skipped', () => {
    expect(alertRunKey({ rule: 'consecutive', streak: 3, lastDate: '2026-09-21' }, cal)).toBe('2026-09-17');
    expect(alertRunKey({ rule: 'consecutive', streak: 4, lastDate: '2026-09-22' }, cal)).toBe('2026-09-17');
    expect(alertRunKey({ rule: 'consecutive', streak: 3, lastDate: '2026-10-08' }, cal)).toBe('2026-09-29');
  });
  it('the monthly rule is keyed by the month', () => {
    expect(alertRunKey({ rule: 'monthly', streak: 5, lastDate: '2026-09-21' }, cal)).toBe('2026-09');
  });
});

describe("the child's current streak (issue 6, item 6)", () => {
  const set = (...d: string[]) => new Set(d);
  it('counts unexplained school days back from the latest report; a reported present day or an unreported day ends it', () => {
    const reported = set('2026-09-16', '2026-09-17', '2026-09-18', '2026-09-21');
    expect(currentUnexplainedStreak(set('2026-09-17', '2026-09-18', '2026-09-21'), reported, '2026-09-21', cal)).toBe(3);
    expect(currentUnexplainedStreak(set('2026-09-17', '2026-09-18'), reported, '2026-09-21', cal)).toBe(0);
    expect(currentUnexplainedStreak(set('2026-09-18', '2026-09-21'), set('2026-09-18', '2026-09-21'), '2026-09-21', cal)).toBe(2);
    expect(currentUnexplainedStreak(set(), set(), null, cal)).toBe(0);
  });
});

describe('term start (seed 001: 开学第一天未报到的学生逐一登记核实，第一周内完成)', () => {
  it('first school day and the end of the first week', () => {
    expect(termStartWindow('2026-09-03', cal)).toMatchObject({ firstDay: '2026-09-01', verifyBy: '2026-09-07', weekOver: false });
    expect(termStartWindow('2026-09-08', cal)?.weekOver).toBe(true);
    expect(termStartWindow('2026-08-20', cal)).toBeNull();
  });
  it('a term starting on a weekend starts on the Monday', () => {
    const c2: SchoolCalendar = { terms: [{ name: '春季', startDate: '2027-02-27', endDate: '2027-07-10' }], days: [] };
    expect(termStartWindow('2027-03-01', c2)).toMatchObject({ firstDay: '2027-03-01', verifyBy: '2027-03-05' });
  });
});
