import { addCalendarDays, calendarProblems, countSchoolDays, isSchoolDay, weekday } from '@notoneless/shared';
import { describe, expect, it } from 'vitest';
import { demoHolidays, demoTerms } from './demo-calendar';
import { demoDisclosure } from './demo-disclosure';
import { demoCohorts } from './demo-cohorts';
import { demoCalendar, demoHistoryStart, demoSampleMonth, demoSchoolYear } from './demo-year';

// The demo county is built for the school year of the day it starts on (the platform runs on the real clock).

/** Every 9th day from the first day of the demo's use to five years on, and the days around the term boundaries. */
const DAYS = (() => {
  const out: string[] = [];
  for (let d = '2026-12-07'; d < '2031-12-31'; d = addCalendarDays(d, 9)) out.push(d);
  for (const y of [2027, 2028, 2029, 2030]) out.push(`${y}-01-25`, `${y}-02-28`, `${y}-08-31`, `${y}-09-01`, `${y}-11-14`);
  out.push('2028-02-29');
  return out;
})();

describe('demo calendar by school year', () => {
  it('is, for 2026—2027, the calendar the demo was written with', () => {
    expect(demoCalendar('2026-12-07')).toEqual({
      terms: [
        { name: '2026—2027学年第一学期', startDate: '2026-09-01', endDate: '2027-01-22' },
        { name: '2026—2027学年第二学期', startDate: '2027-02-22', endDate: '2027-07-02' },
      ],
      days: [
        { date: '2026-09-25', kind: 'holiday', name: '中秋节' },
        ...['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'].map((date) => ({
          date,
          kind: 'holiday',
          name: '国庆节',
        })),
        { date: '2026-10-10', kind: 'workday', name: '国庆节调休上课' },
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-04-05', kind: 'holiday', name: '清明节' },
        ...['2027-05-03', '2027-05-04', '2027-05-05'].map((date) => ({ date, kind: 'holiday', name: '劳动节' })),
        { date: '2027-05-08', kind: 'workday', name: '劳动节调休上课' },
        { date: '2027-06-09', kind: 'holiday', name: '端午节' },
      ],
    });
  });

  it('has two terms a year, 1 September to a Friday in January, a Monday in February to a Friday in early July', () => {
    for (let y = 2026; y <= 2035; y++) {
      const [a, b] = demoTerms(y);
      expect(a.startDate).toBe(`${y}-09-01`);
      expect(a.endDate).toMatch(new RegExp(`^${y + 1}-01-(1[6-9]|2[0-2])$`));
      expect(weekday(a.endDate)).toBe(5);
      expect(b.startDate).toMatch(new RegExp(`^${y + 1}-02-(2[0-6])$`));
      expect(weekday(b.startDate)).toBe(1);
      expect(b.endDate).toMatch(new RegExp(`^${y + 1}-07-0[1-7]$`));
      expect(weekday(b.endDate)).toBe(5);
      // the 寒假 is four to six weeks
      expect(Math.round((Date.parse(b.startDate) - Date.parse(a.endDate)) / 86_400_000)).toBeGreaterThanOrEqual(28);
    }
  });

  it('keeps 国庆 (1–7 October), 元旦 and 劳动节 off school every year, and the lunar holidays where they are known', () => {
    for (let y = 2026; y <= 2035; y++) {
      const days = demoHolidays(y);
      const off = new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date));
      for (let d = `${y}-10-01`; d <= `${y}-10-07`; d = addCalendarDays(d, 1)) if (weekday(d) % 6) expect(off.has(d), d).toBe(true);
      if (weekday(`${y + 1}-01-01`) % 6) expect(off.has(`${y + 1}-01-01`)).toBe(true);
      for (const d of days) expect(weekday(d.date) % 6 === 0, d.date).toBe(d.kind === 'workday');
      expect(calendarProblems({ terms: demoTerms(y), days })).toEqual([]);
    }
    expect(demoHolidays(2028).find((d) => d.name === '中秋节')).toBeUndefined(); // 2028-10-03, inside 国庆
    expect(
      demoHolidays(2027)
        .filter((d) => d.name === '端午节')
        .map((d) => d.date),
    ).toEqual([]); // 2028-05-28 is a Sunday
    expect(
      demoHolidays(2029)
        .filter((d) => d.name === '端午节')
        .map((d) => d.date),
    ).toEqual(['2030-06-05']);
  });
});

describe('the demo of a given day', () => {
  it('is for the school year of that day', () => {
    expect(demoSchoolYear('2026-12-07')).toBe(2026);
    expect(demoSchoolYear('2027-08-31')).toBe(2026);
    expect(demoSchoolYear('2027-09-01')).toBe(2027);
    expect(demoDisclosure(2027).title).toBe('荥阳市2027—2028学年义务教育控辍保学工作信息公开');
    expect(demoCohorts(100, 2026).map((c) => c.entryYear)).toEqual([2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018]);
    expect(demoCohorts(100, 2027).map((c) => c.entryYear)).toEqual([2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019]);
  });

  it('has a history from 1 September on most days, and from the term before early in a term', () => {
    expect(demoHistoryStart('2026-12-07')).toBe('2026-09-01');
    expect(demoHistoryStart('2027-03-15')).toBe('2026-09-01');
    expect(demoHistoryStart('2027-09-20')).toBe('2027-02-22');
    expect(demoCalendar('2027-09-20').terms.map((t) => t.startDate)).toEqual(['2026-09-01', '2027-02-22', '2027-09-01', '2028-02-21']);
    expect(demoCalendar('2027-07-20').terms.map((t) => t.startDate)).toEqual(['2026-09-01', '2027-02-22', '2027-09-01', '2028-02-21']);
    expect(demoSampleMonth('2026-12-07')).toBe('2026-10');
    expect(demoSampleMonth('2027-09-20')).toBe('2027-04');
  });

  it('on any day: today is in the calendar, and the sample month is over, in the history and has school days', () => {
    for (const today of DAYS) {
      const cal = demoCalendar(today);
      expect(calendarProblems(cal), today).toEqual([]);
      const start = demoHistoryStart(today);
      expect(
        cal.terms.some((t) => t.startDate === start),
        today,
      ).toBe(true);
      expect(start <= addCalendarDays(today, -75), today).toBe(true);
      // the current school year's terms, and the next one's in the 暑假: there is always a school day ahead
      const y = demoSchoolYear(today);
      expect(
        cal.terms.some((t) => t.name === `${y}—${y + 1}学年第二学期`),
        today,
      ).toBe(true);
      expect(countSchoolDays(today, addCalendarDays(today, 120), cal), today).toBeGreaterThan(10);
      const month = demoSampleMonth(today);
      expect(month < today.slice(0, 7), today).toBe(true);
      expect(month > start.slice(0, 7), today).toBe(true);
      expect(countSchoolDays(`${month}-01`, `${month}-28`, cal), today).toBeGreaterThanOrEqual(15);
      expect(isSchoolDay(start, cal) || weekday(start) % 6 === 0, today).toBe(true);
    }
  });
});
