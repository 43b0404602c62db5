import { describe, expect, it } from 'vitest';
import { DEFAULT_COUNTY_SETTINGS, type SchoolCalendar } from '../../settings';
import { absenceAlerts, type DayMark } from './absence';
import { daysAfterUnclosedLeave, leaveProblems, leaveSteps } from './leave';

const s = DEFAULT_COUNTY_SETTINGS;
// autumn term 2026; 国庆 1–7 Oct holiday, 10 Oct (Saturday) a make-up school day
const cal: SchoolCalendar = {
  terms: [{ name: '2026年秋季学期', startDate: '2026-09-01', endDate: '2027-01-20' }],
  days: [
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday' as const, name: '国庆节' })),
    { date: '2026-10-10', kind: 'workday' as const, name: '调休' },
  ],
};
const by = (steps: ReturnType<typeof leaveSteps>) => steps.map((x) => `${x.by}:${x.kind}`);

describe('leave thresholds (seed 002, 六: 超过3天（不含）报校长；脱贫户/监测户 3–7 天报中心校备案，超7天中心校审核后报县基础教育股备案)', () => {
  it.each([
    [1, false, ['head_teacher:approve']],
    [3, false, ['head_teacher:approve']],
    [4, false, ['head_teacher:approve', 'leave_principal:approve']],
    [10, false, ['head_teacher:approve', 'leave_principal:approve']],
    [3, true, ['head_teacher:approve']],
    [4, true, ['head_teacher:approve', 'leave_principal:approve', 'leave_unit_filing:file']],
    [7, true, ['head_teacher:approve', 'leave_principal:approve', 'leave_unit_filing:file']],
    [8, true, ['head_teacher:approve', 'leave_principal:approve', 'leave_unit_filing:approve', 'leave_county_filing:file']],
  ])('%i school days, 脱贫户/监测户 %s', (days, poverty, expected) => {
    expect(by(leaveSteps(days, poverty, s))).toEqual(expected);
  });

  it('the thresholds are county settings', () => {
    expect(by(leaveSteps(3, false, { ...s, leaveTeacherMaxDays: 2 }))).toContain('leave_principal:approve');
    expect(by(leaveSteps(8, true, { ...s, leavePovertyUnitMaxDays: 10 }))).toContain('leave_unit_filing:file');
  });
});

describe('leave as entered (issue 6, bad input)', () => {
  it('refuses end before start, a leave with no school day, and overlaps', () => {
    expect(leaveProblems({ from: '2026-09-10', to: '2026-09-09' }, [], cal)).toEqual(['请假结束日期不能早于开始日期']);
    expect(leaveProblems({ from: '2026-10-03', to: '2026-10-04' }, [], cal)[0]).toContain('没有上学日');
    expect(leaveProblems({ from: '2026-09-14', to: '2026-09-16' }, [{ from: '2026-09-16', to: '2026-09-18' }], cal)[0]).toContain('重叠');
    expect(leaveProblems({ from: '2026-09-14', to: '2026-09-15' }, [{ from: '2026-09-16', to: '2026-09-18' }], cal)).toEqual([]);
  });

  it('a leave that ended without 销假 turns the following school days into absence (not weekends)', () => {
    // leave Wed 16 – Thu 17 Sep; today Tue 22 Sep: Fri 18, Mon 21, Tue 22
    expect(daysAfterUnclosedLeave({ from: '2026-09-16', to: '2026-09-17' }, null, '2026-09-22', cal)).toEqual([
      '2026-09-18',
      '2026-09-21',
      '2026-09-22',
    ]);
    expect(daysAfterUnclosedLeave({ from: '2026-09-16', to: '2026-09-17' }, '2026-09-18', '2026-09-22', cal)).toEqual([]);
  });
});

describe('absence rules that open cases (issue 6, item 4: N=3 consecutive school days, M=5 in a month)', () => {
  const absent = (...dates: string[]): DayMark[] => dates.map((date) => ({ date, reason: '无故缺勤' }));

  it('3 consecutive school days raise an alert; a weekend between them does not break the streak', () => {
    expect(absenceAlerts(absent('2026-09-14', '2026-09-15'), '2026-09-15', s, cal)).toEqual([]);
    const a = absenceAlerts(absent('2026-09-17', '2026-09-18', '2026-09-21'), '2026-09-21', s, cal);
    expect(a).toEqual([{ rule: 'consecutive', streak: 3, lastDate: '2026-09-21', label: '连续 3 个上学日无故缺勤' }]);
  });

  it('the 国庆 holiday does not break a streak; the 调休 Saturday counts as a school day', () => {
    expect(absenceAlerts(absent('2026-09-29', '2026-09-30', '2026-10-08'), '2026-10-08', s, cal)[0]?.streak).toBe(3);
    // present on the make-up Saturday 10 Oct breaks the run
    expect(absenceAlerts(absent('2026-10-08', '2026-10-09', '2026-10-12'), '2026-10-12', s, cal)).toEqual([]);
  });

  it('a present school day breaks the streak; sick leave is not unexplained', () => {
    expect(absenceAlerts(absent('2026-09-14', '2026-09-16', '2026-09-17'), '2026-09-17', s, cal)).toEqual([]);
    const marks: DayMark[] = [...absent('2026-09-14', '2026-09-16'), { date: '2026-09-15', reason: '病假' }];
    expect(absenceAlerts(marks, '2026-09-16', s, cal)).toEqual([]);
  });

  it('5 unexplained absences in the month raise the monthly alert', () => {
    const a = absenceAlerts(absent('2026-09-02', '2026-09-07', '2026-09-10', '2026-09-15', '2026-09-21'), '2026-09-21', s, cal);
    expect(a).toEqual([{ rule: 'monthly', streak: 5, lastDate: '2026-09-21', label: '本月累计 5 天无故缺勤' }]);
    expect(absenceAlerts(absent('2026-08-31', '2026-09-07', '2026-09-10', '2026-09-15', '2026-09-21'), '2026-09-21', s, cal)).toEqual([]);
  });
});
