import type { SchoolCalendar, SchoolTerm } from '../../settings';
import { isSchoolDay } from '../calendar';
import { addCalendarDays, type IsoDate } from '../dates';

export type TermStartWindow = { term: SchoolTerm; firstDay: IsoDate; verifyBy: IsoDate; weekOver: boolean };

/**
 * Term start (seed 001: "开学第一天未报到的学生，学校要逐一登记、核实，第一周内完成"): the term in force today (or the
 * last one begun), its first school day, and the last school day of the first week (first day + 6 calendar days), by
 * which every student not reported present on the first day is verified. `weekOver` once today is past it.
 */
export function termStartWindow(today: IsoDate, cal: SchoolCalendar): TermStartWindow | null {
  const begun = cal.terms.filter((t) => t.startDate <= today).sort((a, b) => b.startDate.localeCompare(a.startDate));
  const term = begun[0];
  if (!term) return null;
  let firstDay: IsoDate | null = null;
  for (let d = term.startDate, guard = 0; d <= term.endDate && guard < 60; d = addCalendarDays(d, 1), guard++)
    if (isSchoolDay(d, cal)) {
      firstDay = d;
      break;
    }
  if (!firstDay) return null;
  let verifyBy = firstDay;
  for (let i = 1; i <= 6; i++) {
    const d = addCalendarDays(firstDay, i);
    if (d <= term.endDate && isSchoolDay(d, cal)) verifyBy = d;
  }
  return { term, firstDay, verifyBy, weekOver: today > verifyBy };
}
