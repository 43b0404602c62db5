import { addCalendarDays, DEFAULT_COUNTY_SETTINGS, schoolYearOf, type IsoDate, type SchoolCalendar } from '@notoneless/shared';
import { demoHolidays, demoTerms } from './demo-calendar';

/**
 * The demo county lives in the school year of the day it is built (the platform runs on the real clock): its calendar,
 * its history (到校日报, leave, the cases of the term) and its 信息公开 are those of that school year, so a demo started
 * on any day shows a working county. Pure: the browser journeys and the tests compute the same dates from here.
 */

/** The school year (its starting calendar year Y = Y—Y+1学年) of a day, by the county's default school-year start. */
export const demoSchoolYear = (today: IsoDate): number => schoolYearOf(today, DEFAULT_COUNTY_SETTINGS);

/** '2026—2027学年' */
export const schoolYearLabel = (y: number) => `${y}—${y + 1}学年`;

/**
 * The first day of the demo's history: the start of the latest term that began at least 75 days before today, so that
 * the history always holds a whole month with reports and case movements that is over (see demoSampleMonth). On most
 * days that is 1 September of the current school year; early in a term it is the term before.
 */
export function demoHistoryStart(today: IsoDate): IsoDate {
  const y = demoSchoolYear(today);
  const limit = addCalendarDays(today, -75);
  const starts = [...demoTerms(y - 1), ...demoTerms(y)].map((t) => t.startDate).filter((d) => d <= limit);
  return starts[starts.length - 1];
}

/**
 * The demo calendar: the school year of today, the one before when the history starts in it, and from the last weeks of
 * the second term on (45 days before its end) the next one, as a county enters it before the 暑假: there is always a
 * school day ahead.
 */
export function demoCalendar(today: IsoDate): SchoolCalendar {
  const y = demoSchoolYear(today);
  const years = [y];
  if (demoSchoolYear(demoHistoryStart(today)) < y) years.unshift(y - 1);
  if (today >= addCalendarDays(demoTerms(y)[1].endDate, -45)) years.push(y + 1);
  return { terms: years.flatMap(demoTerms), days: years.flatMap(demoHolidays) };
}

/**
 * A month of the demo's history that is over by today and has reports and case movements (cases reported, confirmed
 * and returned in it): the month about six weeks into the history (October when the history starts on 1 September).
 */
export function demoSampleMonth(today: IsoDate): string {
  return addCalendarDays(demoHistoryStart(today), 40).slice(0, 7);
}
