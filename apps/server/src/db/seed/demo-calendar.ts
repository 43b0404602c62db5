import type { SchoolCalendar } from '@notoneless/shared';

/** The demo county's school calendar for 2026–2027 (editable on the settings page). */
export const DEMO_CALENDAR: SchoolCalendar = {
  terms: [
    { name: '2026—2027学年第一学期', startDate: '2026-09-01', endDate: '2027-01-22' },
    { name: '2026—2027学年第二学期', startDate: '2027-02-22', endDate: '2027-07-02' },
  ],
  days: [
    { date: '2026-09-25', kind: 'holiday', name: '中秋节' },
    ...['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'].map((date) => ({
      date,
      kind: 'holiday' as const,
      name: '国庆节',
    })),
    { date: '2026-10-10', kind: 'workday', name: '国庆节调休上课' },
    { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    { date: '2027-04-05', kind: 'holiday', name: '清明节' },
    ...['2027-05-03', '2027-05-04', '2027-05-05'].map((date) => ({ date, kind: 'holiday' as const, name: '劳动节' })),
    { date: '2027-05-08', kind: 'workday', name: '劳动节调休上课' },
    { date: '2027-06-09', kind: 'holiday', name: '端午节' },
  ],
};
