import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_COUNTY_SETTINGS } from '@notoneless/shared';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { makeCounty, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';
import { getCountySettings } from './settings.service';

let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
let admin: Session;
let teacher: Session;

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  admin = await login(app, county.users.countyAdmin.username);
  teacher = await login(app, county.users.headTeacher.username);
});

scopeCases('GET /api/settings', () => {
  it('answers the defaults of domain.md for a new county, to every role of the county', async () => {
    const res = (await teacher.get('/api/settings')).json();
    expect(res.settings).toEqual(DEFAULT_COUNTY_SETTINGS);
    expect(res.settings.noticeReturnDays).toBe(5);
    expect(res.calendar).toEqual({ terms: [], days: [] });
  });
});

scopeCases('PUT /api/settings', () => {
  it('the county admin changes one value; the rules read it through getCountySettings; the change is audited', async () => {
    const res = await admin.put('/api/settings', { eligibleAgeTo: 16, deadlineDayKind: 'working' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().settings).toMatchObject({ eligibleAgeTo: 16, deadlineDayKind: 'working', noticeReturnDays: 5 });
    const { db } = await getTestDatabase();
    expect((await getCountySettings(db, county.countyCode)).eligibleAgeTo).toBe(16);
    expect((await getCountySettings(db, other.countyCode)).eligibleAgeTo).toBe(15);
    const audit = (await admin.get('/api/audit?action=settings.updated')).json();
    expect(audit.items[0].data.changed.eligibleAgeTo).toEqual({ from: 15, to: 16 });
  });
  it('refuses invalid values and unknown keys in Chinese; a teacher may not change settings', async () => {
    const bad = await admin.put('/api/settings', { attendanceReportBy: '25:00' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toMatch(/HH:mm/);
    expect((await admin.put('/api/settings', { hackMe: 1 })).statusCode).toBe(400);
    const order = await admin.put('/api/settings', { eligibleAgeFrom: 7, eligibleAgeTo: 14 });
    expect(order.statusCode).toBe(200);
    expect((await teacher.put('/api/settings', { noticeReturnDays: 9 })).statusCode).toBe(403);
    expect((await admin.get('/api/settings')).json().settings.noticeReturnDays).toBe(5);
  });
});

scopeCases('PUT /api/calendar', () => {
  const calendar = {
    terms: [{ name: '2026—2027学年第一学期', startDate: '2026-09-01', endDate: '2027-01-22' }],
    days: [
      { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-10', kind: 'workday', name: '调休' },
    ],
  };
  it('stores the school calendar for the county only', async () => {
    const res = await admin.put('/api/calendar', calendar);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().calendar).toEqual(calendar);
    const otherAdmin = await login(app, other.users.countyAdmin.username);
    expect((await otherAdmin.get('/api/settings')).json().calendar.terms).toEqual([]);
  });
  it('refuses overlapping terms, an end before the start, and non-admins', async () => {
    const overlap = await admin.put('/api/calendar', {
      terms: [...calendar.terms, { name: '重叠', startDate: '2027-01-01', endDate: '2027-03-01' }],
      days: [],
    });
    expect(errorOf(overlap).message).toMatch(/重叠/);
    const backwards = await admin.put('/api/calendar', {
      terms: [{ name: 'x', startDate: '2027-01-01', endDate: '2026-01-01' }],
      days: [],
    });
    expect(errorOf(backwards).message).toMatch(/不能早于/);
    expect((await teacher.put('/api/calendar', calendar)).statusCode).toBe(403);
  });
});
