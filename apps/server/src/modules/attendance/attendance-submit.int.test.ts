import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { makeCounty, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { rows } from '../../db/client';
import { at, setCalendar } from './attendance-test-support';

/**
 * The one-statement write of a class's first report of the day (issue 6 "Load"): whatever races it meets, nothing is
 * written twice or half — a report of the day that already exists is updated through the general path, a clientKey
 * already used for another class writes nothing.
 */

let app: FastifyInstance;
let county: CountyFixture;
const s: Record<string, Session> = {};
let school: CountyFixture['townships'][0]['schools'][0];

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  for (const [k, u] of Object.entries(county.users)) s[k] = await login(app, u.username);
  await setCalendar(s.countyAdmin);
  school = county.townships[0].schools[0];
});

async function counts(classId: string, date: string) {
  const { db } = await getTestDatabase();
  const [r] = await rows<{ reports: number; version: number; submissions: number; audits: number; absences: number }>(
    db,
    sql`select (select count(*)::int from attendance_reports where county_code = ${county.countyCode} and class_id = ${classId}
                  and date = ${date}) as reports,
               (select coalesce(max(version), 0) from attendance_reports where county_code = ${county.countyCode}
                  and class_id = ${classId} and date = ${date}) as version,
               (select count(*)::int from attendance_submissions x join attendance_reports r on r.county_code = x.county_code
                  and r.id = x.report_id where r.county_code = ${county.countyCode} and r.class_id = ${classId} and r.date = ${date})
                  as submissions,
               (select count(*)::int from audit_events e join attendance_reports r on r.county_code = e.county_code
                  and r.id::text = e.target_id where r.county_code = ${county.countyCode} and r.class_id = ${classId} and r.date = ${date}
                  and e.action in ('attendance.reported', 'attendance.report_updated')) as audits,
               (select count(*)::int from absences where county_code = ${county.countyCode} and class_id = ${classId}
                  and date = ${date}) as absences`,
  );
  return r;
}

describe('到校日报: the first report of the day in one statement', () => {
  it('the first report writes report, absences, clientKey and audit event; a second one without version updates it', async () => {
    at('2026-09-15', '08:05');
    const k = school.classes[0];
    const first = await s.schoolAdmin.post('/api/attendance/reports', {
      classId: k.id,
      date: '2026-09-15',
      clientKey: 'one-statement-1',
      absences: [{ childId: k.children[0].id, reason: '病假' }],
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      outcome: 'created',
      report: { version: 1, counts: { enrolled: 2, present: 1, sick: 1 }, absences: [{ childId: k.children[0].id, reason: '病假' }] },
    });
    expect(await counts(k.id, '2026-09-15')).toEqual({ reports: 1, version: 1, submissions: 1, audits: 1, absences: 1 });
    const second = await s.schoolAdmin.post('/api/attendance/reports', {
      classId: k.id,
      date: '2026-09-15',
      clientKey: 'one-statement-2',
      absences: [{ childId: k.children[1].id, reason: '迟到' }],
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ outcome: 'updated', report: { version: 2, counts: { present: 2, sick: 0, late: 1 } } });
    expect(await counts(k.id, '2026-09-15')).toEqual({ reports: 1, version: 2, submissions: 2, audits: 2, absences: 1 });
  });

  it('a clientKey already used for another class writes nothing for this one (409)', async () => {
    at('2026-09-15', '08:10');
    const [a, b] = school.classes;
    const res = await s.schoolAdmin.post('/api/attendance/reports', {
      classId: b.id,
      date: '2026-09-15',
      clientKey: 'one-statement-1',
      absences: [],
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(errorOf(res).message).toContain('其他班级');
    expect(await counts(b.id, '2026-09-15')).toEqual({ reports: 0, version: 0, submissions: 0, audits: 0, absences: 0 });
    expect((await counts(a.id, '2026-09-15')).reports).toBe(1);
  });

  it('concurrent submissions for one class and day: one report, each submission recorded and audited once', async () => {
    at('2026-09-16', '08:00');
    const k = school.classes[1];
    const sent = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        s.schoolAdmin.post('/api/attendance/reports', {
          classId: k.id,
          date: '2026-09-16',
          clientKey: `one-statement-race-${i}`,
          absences: [{ childId: k.children[i % 2].id, reason: '病假' }],
        }),
      ),
    );
    expect(sent.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect(sent.map((r) => r.json().outcome as string).sort()).toEqual(['created', 'updated', 'updated', 'updated']);
    expect(await counts(k.id, '2026-09-16')).toEqual({ reports: 1, version: 4, submissions: 4, audits: 4, absences: 1 });
  });

  it('one clientKey sent at once for two classes: one report is written, the other answered 409 with nothing written', async () => {
    at('2026-09-17', '08:00');
    const [a, b] = school.classes;
    const sent = await Promise.all(
      [a, b].map((k) =>
        s.schoolAdmin.post('/api/attendance/reports', {
          classId: k.id,
          date: '2026-09-17',
          clientKey: 'one-statement-twice',
          absences: [],
        }),
      ),
    );
    expect(sent.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const written = [await counts(a.id, '2026-09-17'), await counts(b.id, '2026-09-17')];
    expect(written.map((c) => c.reports).sort()).toEqual([0, 1]);
    expect(written.map((c) => c.audits).sort()).toEqual([0, 1]);
    expect(written.map((c) => c.submissions).sort()).toEqual([0, 1]);
  });
});
