import { describe, expect, it } from 'vitest';
import type { SchoolCalendar } from '../../settings';
import {
  buildMonthlyFigures,
  gapBalances,
  gapCauseOf,
  isReportLate,
  monthBounds,
  monthlyReportNext,
  monthlyReportRefusal,
  nextMonth,
  quarterMonths,
  reportDueOn,
  statisticsDay,
  sumFigures,
  type EnrolledChild,
  type GapFacts,
} from './monthly';

const cal: SchoolCalendar = {
  terms: [{ name: '2026年秋季学期', startDate: '2026-09-01', endDate: '2027-01-20' }],
  days: [
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday' as const, name: '国庆节' })),
    { date: '2026-10-10', kind: 'workday' as const, name: '调休' },
  ],
};

describe('the month, the 统计时点 and the due date (seed 002: 每月上报上一个月的控辍保学动态数据)', () => {
  it('month bounds, next month, quarters', () => {
    expect(monthBounds('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(monthBounds('2026-12').last).toBe('2026-12-31');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-10')).toBe('2026-11');
    expect(quarterMonths('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(() => quarterMonths('2026-Q5')).toThrow();
  });

  it('the 统计时点 is the last school day of the month (Oct 2026: Fri 30th; 31st is a Saturday)', () => {
    const s = statisticsDay('2026-10', '2026-11-03', cal);
    expect(s.asOf).toBe('2026-10-30');
    expect(s.ended).toBe(true);
    // 8, 9 and the 调休 Saturday 10th, then 12–16, 19–23, 26–30: 3 + 15 = 18 school days (1–7 国庆节)
    expect(s.schoolDays).toHaveLength(18);
    expect(s.schoolDays[0]).toBe('2026-10-08');
  });

  it('while the month runs, the last school day up to today; with no school day, the last day considered', () => {
    expect(statisticsDay('2026-10', '2026-10-14', cal)).toMatchObject({ asOf: '2026-10-14', ended: false });
    expect(statisticsDay('2026-10', '2026-10-18', cal).asOf).toBe('2026-10-16'); // Sunday → Friday
    expect(statisticsDay('2026-08', '2026-09-20', cal)).toMatchObject({ asOf: '2026-08-31', schoolDays: [] });
  });

  it('due on the county setting of the next month (default the 5th); late when first submitted after it, or not yet and today is after it', () => {
    expect(reportDueOn('2026-10', 5)).toBe('2026-11-05');
    expect(reportDueOn('2026-12', 10)).toBe('2027-01-10');
    expect(isReportLate({ dueOn: '2026-11-05', today: '2026-11-05', firstSubmittedOn: null })).toBe(false);
    expect(isReportLate({ dueOn: '2026-11-05', today: '2026-11-06', firstSubmittedOn: null })).toBe(true);
    expect(isReportLate({ dueOn: '2026-11-05', today: '2026-11-20', firstSubmittedOn: '2026-11-04' })).toBe(false);
    expect(isReportLate({ dueOn: '2026-11-05', today: '2026-11-20', firstSubmittedOn: '2026-11-07' })).toBe(true);
  });
});

describe('workflow (issue 7 item 2): draft → submitted → returned → submitted … → accepted; correction = new version', () => {
  it('allows exactly the listed steps', () => {
    expect(monthlyReportNext('not_started', 'submit')).toBe('submitted');
    expect(monthlyReportNext('draft', 'explain')).toBe('draft');
    expect(monthlyReportNext('draft', 'submit')).toBe('submitted');
    expect(monthlyReportNext('submitted', 'return')).toBe('returned');
    expect(monthlyReportNext('returned', 'explain')).toBe('returned');
    expect(monthlyReportNext('returned', 'submit')).toBe('submitted');
    expect(monthlyReportNext('submitted', 'accept')).toBe('accepted');
    expect(monthlyReportNext('submitted', 'correct')).toBe('draft');
    expect(monthlyReportNext('accepted', 'correct')).toBe('draft');
  });
  it('refuses the others with a reason', () => {
    expect(monthlyReportNext('accepted', 'submit')).toBeNull();
    expect(monthlyReportNext('submitted', 'explain')).toBeNull();
    expect(monthlyReportNext('draft', 'accept')).toBeNull();
    expect(monthlyReportNext('returned', 'return')).toBeNull();
    expect(monthlyReportNext('draft', 'correct')).toBeNull();
    expect(monthlyReportRefusal('accepted', 'submit')).toContain('更正');
    expect(monthlyReportRefusal('draft', 'accept')).toContain('不在待审核');
    expect(monthlyReportRefusal('submitted', 'accept')).toBeNull();
  });
});

const facts = (o: Partial<GapFacts> = {}): GapFacts => ({
  status: '在读',
  caseStatus: null,
  onOtherSchoolRoster: false,
  onLeave: false,
  explanation: null,
  ...o,
});

describe('人籍差额 causes (seed 002: 人籍不一致分类汇总 — 转学、休学、请假、疑似辍学…): one cause per child, by precedence', () => {
  it('each fact alone gives its cause', () => {
    expect(gapCauseOf(facts({ status: '休学' }))).toBe('suspended');
    expect(gapCauseOf(facts({ status: '送教上门' }))).toBe('home_teaching');
    expect(gapCauseOf(facts({ caseStatus: 'home_teaching' }))).toBe('home_teaching');
    expect(gapCauseOf(facts({ caseStatus: 'persuading' }))).toBe('dropout');
    expect(gapCauseOf(facts({ status: '辍学' }))).toBe('dropout');
    expect(gapCauseOf(facts({ caseStatus: 'verifying' }))).toBe('suspected');
    expect(gapCauseOf(facts({ onOtherSchoolRoster: true }))).toBe('transfer_pending');
    expect(gapCauseOf(facts({ onLeave: true }))).toBe('leave');
    expect(gapCauseOf(facts({ explanation: '随父母外出务工，已联系' }))).toBe('other');
    expect(gapCauseOf(facts())).toBe('unexplained');
  });
  it('several facts: the first in GAP_PRECEDENCE wins (休学 > 送教上门 > 辍学 > 疑似辍学 > 转学未办结 > 请假 > 其他)', () => {
    expect(gapCauseOf(facts({ status: '休学', onLeave: true }))).toBe('suspended');
    expect(gapCauseOf(facts({ caseStatus: 'confirmed', onLeave: true, explanation: 'x' }))).toBe('dropout');
    expect(gapCauseOf(facts({ caseStatus: 'suspected', onOtherSchoolRoster: true }))).toBe('suspected');
    expect(gapCauseOf(facts({ onOtherSchoolRoster: true, onLeave: true }))).toBe('transfer_pending');
    expect(gapCauseOf(facts({ onLeave: true, explanation: 'x' }))).toBe('leave');
  });
});

const child = (id: string, grade: number, o: Partial<EnrolledChild> = {}): EnrolledChild => ({
  ...facts(),
  id,
  grade,
  keyGroups: [],
  attending: true,
  detail: '',
  ...o,
});
const noMovements = { newSuspected: [], newDropouts: [], returned: [], deferrals: [], homeTeachingChildren: [] };
const attendance = { schoolDays: 18, reportsExpected: 36, reportsReceived: 36, rate: 0.95, classesOnAsOf: 2, classesReportedOnAsOf: 2 };

describe('buildMonthlyFigures: a worked example', () => {
  // Grade 1: a, b attend; c on leave. Grade 7: d attends; e 休学; f a dropout of a 脱贫户 family; g absent, no reason;
  // h absent, explained by the school. Attending without a 学籍 here: x (借读, grade 7) and a roster row r1 (grade 1).
  // 在籍 = 8 (3 + 5); 在校 = a, b, d, x, r1 = 5; 差额 = 3 = causes (c, e, f, h = 4) + unexplained (g = 1) − 2.
  const input = {
    month: '2026-10',
    asOf: '2026-10-30',
    enrolled: [
      child('a', 1),
      child('b', 1, { keyGroups: ['留守'] }),
      child('c', 1, { attending: false, onLeave: true }),
      child('d', 7),
      child('e', 7, { attending: false, status: '休学' }),
      child('f', 7, { attending: false, status: '辍学', keyGroups: ['脱贫户'] }),
      child('g', 7, { attending: false }),
      child('h', 7, { attending: false, explanation: '因病住院，家长已说明' }),
    ],
    attending: [
      { id: 'a', grade: 1, registered: true, detail: '' },
      { id: 'b', grade: 1, registered: true, detail: '' },
      { id: 'd', grade: 7, registered: true, detail: '' },
      { id: 'x', grade: 7, registered: false, detail: '借读' },
      { id: 'roster:s:2', grade: 1, registered: false, detail: '在校名册有此人' },
    ],
    movements: { ...noMovements, newDropouts: [{ id: 'f', detail: '10月12日认定' }] },
    homeTeachingSessions: 0,
    attendance,
  };
  const { figures: f, members } = buildMonthlyFigures(input);
  const cause = (c: string) => f.gapCauses.find((x) => x.cause === c)!.count;

  it('in籍, 在校, 差额 and per grade', () => {
    expect([f.enrolled.count, f.attending.count, f.gap]).toEqual([8, 5, 3]);
    expect(f.byGrade.map((g) => [g.grade, g.enrolled.count, g.attending.count, g.gap])).toEqual([
      [1, 3, 3, 0],
      [7, 5, 2, 3],
    ]);
  });
  it('each cause, the unexplained child named, and the balance', () => {
    expect([cause('leave'), cause('suspended'), cause('dropout'), cause('other'), cause('suspected')]).toEqual([1, 1, 1, 1, 0]);
    expect(f.unexplained.count).toBe(1);
    expect(members['gap.unexplained'].map((m) => m.id)).toEqual(['g']);
    expect(members['gap.other'][0].detail).toContain('因病住院');
    expect(f.attendingWithoutRegistry.count).toBe(2);
    expect(f.balanced).toBe(true);
    expect(gapBalances({ ...f, gap: f.gap + 1 })).toBe(false);
  });
  it('movements, 脱贫户 dropouts, key groups', () => {
    const mv = Object.fromEntries(f.movements.map((m) => [m.key, m.count]));
    expect(mv).toMatchObject({ newDropouts: 1, povertyDropouts: 1, newSuspected: 0 });
    expect(f.keyGroups).toEqual([
      { key: 'keyGroup.脱贫户', label: '脱贫户', count: 1 },
      { key: 'keyGroup.留守', label: '留守', count: 1 },
    ]);
  });
  it('sumFigures adds two schools; the rate is weighted by reports received', () => {
    const other = buildMonthlyFigures({
      ...input,
      enrolled: [child('z', 1, { attending: false })],
      attending: [],
      movements: noMovements,
      attendance: { schoolDays: 18, reportsExpected: 18, reportsReceived: 12, rate: 0.8, classesOnAsOf: 1, classesReportedOnAsOf: 0 },
    }).figures;
    const t = sumFigures('2026-10', '2026-10-30', [f, other]);
    expect([t.enrolled.count, t.attending.count, t.gap, t.unexplained.count]).toEqual([9, 5, 4, 2]);
    expect(t.byGrade.find((g) => g.grade === 1)).toMatchObject({ enrolled: { count: 4 }, attending: { count: 3 }, gap: 1 });
    expect(t.attendance).toMatchObject({ reportsExpected: 54, reportsReceived: 48 });
    expect(t.attendance.rate).toBeCloseTo((0.95 * 36 + 0.8 * 12) / 48);
    expect(t.balanced).toBe(true);
  });
});
