import { describe, expect, it } from 'vitest';
import { DEFAULT_COUNTY_SETTINGS } from '../../settings';
import { homeTeachingWeek, refuseHomeTeachingSession, weekOf } from './home-teaching';

const s = DEFAULT_COUNTY_SETTINGS; // seed 004: 每周1次，每次2课时

describe('送教上门: once a week, 2 class hours (seed 004)', () => {
  it('weeks run Monday to Sunday', () => {
    expect(weekOf('2026-10-21')).toEqual({ from: '2026-10-19', to: '2026-10-25' }); // a Wednesday
    expect(weekOf('2026-10-19')).toEqual({ from: '2026-10-19', to: '2026-10-25' }); // Monday
    expect(weekOf('2026-10-25')).toEqual({ from: '2026-10-19', to: '2026-10-25' }); // Sunday
    expect(weekOf('2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });

  it('one session of 2 hours is the week; none, or one of 1 hour, is missing and says what', () => {
    expect(homeTeachingWeek([{ hours: 2 }], s).shortfall).toEqual([]);
    expect(homeTeachingWeek([], s)).toEqual({
      sessions: 0,
      hours: 0,
      requiredSessions: 1,
      requiredHours: 2,
      shortfall: ['本周送教 0 次，应不少于 1 次', '本周送教 0 课时，应不少于 2 课时'],
    });
    expect(homeTeachingWeek([{ hours: 1 }], s).shortfall).toEqual(['本周送教 1 课时，应不少于 2 课时']);
    expect(homeTeachingWeek([{ hours: 1 }, { hours: 1.5 }], s).shortfall).toEqual([]);
  });

  it('follows the county setting', () => {
    const twice = { homeTeachingSessionsPerWeek: 2, homeTeachingHoursPerSession: 2 };
    expect(homeTeachingWeek([{ hours: 4 }], twice).shortfall).toEqual(['本周送教 1 次，应不少于 2 次']);
  });

  it('sessions are recorded only on a case in 送教上门 (status or 复学方案), never for a future day', () => {
    expect(refuseHomeTeachingSession({ status: 'home_teaching', planKind: null }, '2026-10-20', '2026-10-20')).toBeNull();
    expect(refuseHomeTeachingSession({ status: 'returned', planKind: '送教上门' }, '2026-10-20', '2026-10-20')).toBeNull();
    expect(refuseHomeTeachingSession({ status: 'persuading', planKind: null }, '2026-10-20', '2026-10-20')).toContain('不在送教上门');
    expect(refuseHomeTeachingSession({ status: 'closed', planKind: '送教上门' }, '2026-10-20', '2026-10-20')).toContain('不在送教上门');
    expect(refuseHomeTeachingSession({ status: 'home_teaching', planKind: null }, '2026-10-21', '2026-10-20')).toContain('晚于今天');
  });
});
