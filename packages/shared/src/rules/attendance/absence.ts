import type { CountySettings, SchoolCalendar } from '../../settings';
import { isSchoolDay } from '../calendar';
import type { IsoDate } from '../dates';

/** A child's day as the daily reports said it (issue 6, item 1); a day with no report entry is a present day. */
export type DayMark = { date: IsoDate; reason: '病假' | '事假' | '无故缺勤' | '迟到' };

export type AbsenceAlertRule = 'consecutive' | 'monthly';
export type AbsenceAlert = { rule: AbsenceAlertRule; streak: number; lastDate: IsoDate; label: string };

/**
 * Absence rules that open cases (issue 6, item 4; seed 002 "早发现早帮扶早杜绝"): N consecutive school days of unexplained
 * absence (absenceConsecutiveDays, default 3) or M unexplained absences in the calendar month of `today`
 * (absenceMonthlyDays, default 5). Only school days count: a weekend or holiday between two absences does not break a
 * streak; a school day with no unexplained absence does.
 */
export function absenceAlerts(
  marks: readonly DayMark[],
  today: IsoDate,
  s: Pick<CountySettings, 'absenceConsecutiveDays' | 'absenceMonthlyDays'>,
  cal: SchoolCalendar,
): AbsenceAlert[] {
  const unexplained = new Set(marks.filter((m) => m.reason === '无故缺勤' && m.date <= today).map((m) => m.date));
  const days = [...unexplained].filter((d) => isSchoolDay(d, cal)).sort();
  const alerts: AbsenceAlert[] = [];
  if (days.length === 0) return alerts;
  // the run of school days ending at the most recent unexplained absence (weekends and holidays do not break it);
  // the caller keeps one alert per (child, rule, run end), so re-running after each report raises it once
  const last = days[days.length - 1];
  let streak = 0;
  for (let d = last, guard = 0; guard < 400 && d >= days[0]; d = prevDay(d), guard++) {
    if (!isSchoolDay(d, cal)) continue;
    if (!unexplained.has(d)) break;
    streak++;
  }
  if (streak >= s.absenceConsecutiveDays)
    alerts.push({ rule: 'consecutive', streak, lastDate: last, label: `连续 ${streak} 个上学日无故缺勤` });
  const month = today.slice(0, 7);
  const inMonth = days.filter((d) => d.startsWith(month));
  if (inMonth.length >= s.absenceMonthlyDays)
    alerts.push({
      rule: 'monthly',
      streak: inMonth.length,
      lastDate: inMonth[inMonth.length - 1],
      label: `本月累计 ${inMonth.length} 天无故缺勤`,
    });
  return alerts;
}

function prevDay(d: IsoDate): IsoDate {
  const t = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The run an alert belongs to (one alert per child, rule and run): the first school day of the streak for the
 * consecutive rule — stable while the run grows day by day —, the month ('YYYY-MM') for the monthly rule.
 */
export function alertRunKey(a: Pick<AbsenceAlert, 'rule' | 'streak' | 'lastDate'>, cal: SchoolCalendar): string {
  if (a.rule === 'monthly') return a.lastDate.slice(0, 7);
  let d = a.lastDate;
  let left = a.streak - 1;
  for (let guard = 0; left > 0 && guard < 400; guard++) {
    d = prevDay(d);
    if (isSchoolDay(d, cal)) left--;
  }
  return d;
}

/**
 * The child's current streak for the child's page (issue 6, item 6): consecutive school days of unexplained absence
 * ending at the class's latest report. A school day the class reported without this absence ends it; so does a school
 * day with no report (nothing is known of it).
 */
export function currentUnexplainedStreak(
  unexplained: ReadonlySet<IsoDate>,
  reported: ReadonlySet<IsoDate>,
  latestReport: IsoDate | null,
  cal: SchoolCalendar,
): number {
  if (!latestReport) return 0;
  let n = 0;
  for (let d = latestReport, guard = 0; guard < 400; d = prevDay(d), guard++) {
    if (!isSchoolDay(d, cal)) continue;
    if (!reported.has(d) || !unexplained.has(d)) break;
    n++;
  }
  return n;
}
