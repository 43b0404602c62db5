import type { CountySettings, SchoolCalendar } from '../settings';
import { addCalendarDays, weekday, type IsoDate } from './dates';

/**
 * The school calendar (issue 2, item 9; issue 6, item 5): a day is a school day when it falls in a term and is either a
 * weekday that is not a holiday, or a make-up working day (调休) declared by the county.
 */
export function isSchoolDay(d: IsoDate, cal: SchoolCalendar): boolean {
  const inTerm = cal.terms.some((t) => t.startDate <= d && d <= t.endDate);
  if (!inTerm) return false;
  const special = cal.days.find((x) => x.date === d);
  if (special) return special.kind === 'workday';
  const wd = weekday(d);
  return wd !== 0 && wd !== 6;
}

/** A working day for deadlines: weekdays except holidays, plus 调休 days, in term or not. */
export function isWorkingDay(d: IsoDate, cal: SchoolCalendar): boolean {
  const special = cal.days.find((x) => x.date === d);
  if (special) return special.kind === 'workday';
  const wd = weekday(d);
  return wd !== 0 && wd !== 6;
}

/**
 * Deadline N days after a start date (e.g. 劝返通知书: return within 5 days of delivery, seed 000).
 * Calendar days by default; working days when the county says so (settings.deadlineDayKind).
 */
export function deadlineAfter(start: IsoDate, days: number, kind: CountySettings['deadlineDayKind'], cal: SchoolCalendar): IsoDate {
  if (kind === 'calendar') return addCalendarDays(start, days);
  let d = start;
  let left = days;
  for (let guard = 0; left > 0 && guard < 3660; guard++) {
    d = addCalendarDays(d, 1);
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}

/** School days in [from, to] inclusive (leave length, absence streaks). */
export function countSchoolDays(from: IsoDate, to: IsoDate, cal: SchoolCalendar): number {
  let n = 0;
  for (let d = from, guard = 0; d <= to && guard < 3660; d = addCalendarDays(d, 1), guard++) if (isSchoolDay(d, cal)) n++;
  return n;
}

/** The school year a date belongs to: the year of the last school-year start (default 1 September, formats.md). */
export function schoolYearOf(d: IsoDate, settings: Pick<CountySettings, 'schoolYearStart'>): number {
  const y = Number(d.slice(0, 4));
  return d.slice(5) >= settings.schoolYearStart ? y : y - 1;
}

/**
 * 适龄 (formats.md, "Age-eligible"): with the school year beginning in year Y, children born from the school-year start
 * of Y−(ageTo+1) to the day before the school-year start of Y−ageFrom (default 1 Sep Y−16 … 31 Aug Y−6).
 */
export function eligibleBirthRange(
  schoolYear: number,
  s: Pick<CountySettings, 'schoolYearStart' | 'eligibleAgeFrom' | 'eligibleAgeTo'>,
): { from: IsoDate; to: IsoDate } {
  const from = `${schoolYear - (s.eligibleAgeTo + 1)}-${s.schoolYearStart}`;
  const to = addCalendarDays(`${schoolYear - s.eligibleAgeFrom}-${s.schoolYearStart}`, -1);
  return { from, to };
}

export function isAgeEligible(
  birthDate: IsoDate,
  schoolYear: number,
  s: Pick<CountySettings, 'schoolYearStart' | 'eligibleAgeFrom' | 'eligibleAgeTo'>,
): boolean {
  const r = eligibleBirthRange(schoolYear, s);
  return r.from <= birthDate && birthDate <= r.to;
}

/** Validation of a calendar as the county edits it: overlapping terms and duplicate days are refused. */
export function calendarProblems(cal: SchoolCalendar): string[] {
  const problems: string[] = [];
  const terms = [...cal.terms].sort((a, b) => a.startDate.localeCompare(b.startDate));
  for (let i = 1; i < terms.length; i++) {
    if (terms[i].startDate <= terms[i - 1].endDate) problems.push(`学期「${terms[i - 1].name}」与「${terms[i].name}」的日期重叠`);
  }
  const seen = new Set<string>();
  for (const d of cal.days) {
    if (seen.has(d.date)) problems.push(`日期 ${d.date} 重复设置`);
    seen.add(d.date);
  }
  return problems;
}
