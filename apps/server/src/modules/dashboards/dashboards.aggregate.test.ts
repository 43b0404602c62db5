import { describe, expect, it } from 'vitest';
import { ITEM_CAP, rollUp, type Facts } from './dashboards.aggregate';

/**
 * The roll-up of the fact grains to schools, townships and the county (docs/domain/dashboards.md): a child counts in
 * its school, and in a township when the household or the school is there (the list pages' `townshipCode` rule).
 */
const base: Facts = {
  children: [],
  keyGroups: [],
  caseMonths: [],
  caseYear: [],
  overdueKinds: [],
  attendance: [],
  silent: [],
  schools: [
    { id: 'S1', name: '一小', township_code: 'T1', active: true, report_status: 'submitted' },
    { id: 'S2', name: '二小', township_code: 'T2', active: true, report_status: null },
    { id: 'S3', name: '旧校', township_code: 'T2', active: false, report_status: null },
  ],
  lateReportsPastDue: true,
  townshipCodes: ['T1', 'T2', 'T3'],
};
const child = (sid: string | null, hh: string | null, n: number, cat = '本地在读') => ({
  sid,
  hh,
  cat,
  eligible: true,
  register: sid !== null,
  graduated: false,
  open_s: cat === '疑似辍学',
  open_d: cat === '辍学',
  n,
});

describe('rollUp', () => {
  it('counts a child in its school, its school’s township and its household township, once each', () => {
    const u = rollUp({
      ...base,
      children: [child('S1', 'T1', 10), child('S1', 'T2', 3), child(null, 'T3', 2, '未说明'), child('S2', 'T2', 1, '辍学')],
    });
    expect(u.get('county')!.cat).toEqual({ 本地在读: 13, 未说明: 2, 辍学: 1 });
    expect(u.get('school:S1')!.cat).toEqual({ 本地在读: 13 });
    // T1: the 13 of 一小 (10 living in T1, 3 in T2); T2: the 3 living there + 二小's dropout; T3: the child out of school
    expect(u.get('township:T1')!.cat).toEqual({ 本地在读: 13 });
    expect(u.get('township:T2')!.cat).toEqual({ 本地在读: 3, 辍学: 1 });
    expect(u.get('township:T3')!.cat).toEqual({ 未说明: 2 });
    expect(u.get('county')!.register).toBe(14);
    expect(u.get('township:T2')!.openDropout).toBe(1);
    // an inactive school has no unit of its own
    expect(u.has('school:S3')).toBe(false);
  });

  it('takes the median of the return days over every case of the unit', () => {
    const u = rollUp({
      ...base,
      caseYear: [
        { sid: 'S1', hh: 'T1', year_dropouts: 1, confirmed: 2, confirmed_returned: 1, return_days: [10, 30], overdue: 1 },
        { sid: 'S2', hh: 'T2', year_dropouts: 0, confirmed: 0, confirmed_returned: 0, return_days: [20], overdue: 0 },
      ],
    });
    expect(u.get('county')).toMatchObject({ medianDays: 20, returnedInYear: 3, confirmed: 2, overdue: 1 });
    expect(u.get('township:T1')!.medianDays).toBe(20);
    expect(u.get('school:S2')!.medianDays).toBe(20);
    expect(u.get('township:T3')!.medianDays).toBeNull();
  });

  it('sums attendance by the school’s township and keeps the days of the month', () => {
    const u = rollUp({
      ...base,
      attendance: [
        { sid: 'S1', m: '2026-10', enrolled: 100, present: 95, unexplained: 2, days: 20 },
        { sid: 'S2', m: '2026-10', enrolled: 50, present: 40, unexplained: 5, days: 18 },
      ],
    });
    expect(u.get('county')!.months['2026-10']).toMatchObject({ enrolled: 150, present: 135, unexplained: 7, days: 20 });
    expect(u.get('township:T2')!.months['2026-10']).toMatchObject({ enrolled: 50, present: 40 });
  });

  it('lists late 月报 only after the due day, active schools only, and caps the names kept', () => {
    expect(rollUp(base).get('county')!.lateReports).toEqual({
      count: 1,
      items: [{ schoolId: 'S2', schoolName: '二小', status: 'not_started' }],
    });
    expect(rollUp({ ...base, lateReportsPastDue: false }).get('county')!.lateReports.count).toBe(0);
    const silent = Array.from({ length: ITEM_CAP + 5 }, (_, i) => ({
      sid: 'S1',
      class_id: `C${i}`,
      class_name: `${i}班`,
      school_name: '一小',
    }));
    const s = rollUp({ ...base, silent }).get('township:T1')!.silentClasses;
    expect(s.count).toBe(ITEM_CAP + 5);
    expect(s.items).toHaveLength(ITEM_CAP);
  });
});
