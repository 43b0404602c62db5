import { addCalendarDays, weekOf, type IsoDate } from '@notoneless/shared';

/** The Monday of the week holding `date` (the rules' weekOf: Monday to Sunday). */
export const weekStart = (date: IsoDate): IsoDate => weekOf(date).from;

export const shiftWeek = (monday: IsoDate, weeks: number): IsoDate => addCalendarDays(monday, weeks * 7);

export function inWeek(date: IsoDate, monday: IsoDate): boolean {
  const { from, to } = weekOf(monday);
  return date >= from && date <= to;
}

/** 2026-09-07 至 2026-09-13 */
export function weekLabel(monday: IsoDate): string {
  const { from, to } = weekOf(monday);
  return `${from} 至 ${to}`;
}
