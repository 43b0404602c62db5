import { addCalendarDays, weekday, type IsoDate, type SchoolCalendar } from '@notoneless/shared';

/**
 * The demo county's school calendar, by school year (editable on the settings page; demo-year.ts picks the years).
 * For 2026—2027 it is the calendar the demo was written with.
 */

/**
 * The holidays that move (中秋 and 端午 by the 农历, 清明 by the solar term) of the school year starting in Y, for the
 * next few school years. Outside this table the demo calendar has no 中秋/清明/端午 (the county enters them on the
 * settings page); nothing is guessed. The 调休 make-up working days are published by the State Council for one year
 * at a time: only 2026—2027's (the calendar the demo was written with) are here.
 */
const LUNAR: Record<number, { midAutumn: IsoDate; qingming: IsoDate; duanwu: IsoDate; workdays?: [IsoDate, string][] }> = {
  2026: {
    midAutumn: '2026-09-25',
    qingming: '2027-04-05',
    duanwu: '2027-06-09',
    workdays: [
      ['2026-10-10', '国庆节调休上课'],
      ['2027-05-08', '劳动节调休上课'],
    ],
  },
  2027: { midAutumn: '2027-09-15', qingming: '2028-04-04', duanwu: '2028-05-28' },
  2028: { midAutumn: '2028-10-03', qingming: '2029-04-04', duanwu: '2029-06-16' },
  2029: { midAutumn: '2029-09-22', qingming: '2030-04-05', duanwu: '2030-06-05' },
};

const isWeekday = (d: IsoDate) => weekday(d) !== 0 && weekday(d) !== 6;
/** The last `wd` (0 = Sunday … 6) on or before d, and the first on or after d. */
const onOrBefore = (d: IsoDate, wd: number) => addCalendarDays(d, -((weekday(d) - wd + 7) % 7));
const onOrAfter = (d: IsoDate, wd: number) => addCalendarDays(d, (wd - weekday(d) + 7) % 7);
const range = (from: IsoDate, to: IsoDate) => {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) out.push(d);
  return out;
};

/**
 * The terms of the school year starting in Y as Henan schools keep them: the first from 1 September to the Friday on or
 * before 22 January, the 寒假 (always around 春节, which falls between 21 January and 20 February), the second from the
 * Monday on or after 20 February to the Friday on or after 1 July. For 2026—2027: 2026-09-01…2027-01-22 and
 * 2027-02-22…2027-07-02.
 */
export function demoTerms(y: number): SchoolCalendar['terms'] {
  const label = `${y}—${y + 1}学年`;
  return [
    { name: `${label}第一学期`, startDate: `${y}-09-01`, endDate: onOrBefore(`${y + 1}-01-22`, 5) },
    { name: `${label}第二学期`, startDate: onOrAfter(`${y + 1}-02-20`, 1), endDate: onOrAfter(`${y + 1}-07-01`, 5) },
  ];
}

/** The school days off of the school year starting in Y (weekdays only; weekends are off anyway). */
export function demoHolidays(y: number): SchoolCalendar['days'] {
  const lunar = LUNAR[y];
  const holiday = (name: string) => (date: IsoDate) => ({ date, kind: 'holiday' as const, name });
  const days: SchoolCalendar['days'] = [
    ...range(`${y}-10-01`, `${y}-10-07`).filter(isWeekday).map(holiday('国庆节')),
    ...[`${y + 1}-01-01`].filter(isWeekday).map(holiday('元旦')),
    ...range(`${y + 1}-05-01`, `${y + 1}-05-05`)
      .filter(isWeekday)
      .map(holiday('劳动节')),
  ];
  if (lunar) {
    // a 中秋 inside the 国庆 week is a day of that holiday already
    if (!days.some((d) => d.date === lunar.midAutumn)) days.push(...[lunar.midAutumn].filter(isWeekday).map(holiday('中秋节')));
    days.push(...[lunar.qingming].filter(isWeekday).map(holiday('清明节')));
    days.push(...[lunar.duanwu].filter(isWeekday).map(holiday('端午节')));
    for (const [date, name] of lunar.workdays ?? []) days.push({ date, kind: 'workday', name });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}
