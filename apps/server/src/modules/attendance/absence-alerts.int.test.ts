import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { makeCounty, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';
import { at, setCalendar } from './attendance-test-support';

let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
const s: Record<string, Session> = {};
let cls: CountyFixture['townships'][0]['schools'][0]['classes'][0];

type Alert = {
  id: string;
  childId: string;
  rule: string;
  streak: number;
  lastDate: string;
  status: string;
  caseId: string | null;
  abilities: { decide: boolean };
};
const absentOn = async (date: string, childIds: string[]) => {
  at(date, '08:00');
  const res = await s.headTeacher.post('/api/attendance/reports', {
    classId: cls.id,
    date,
    clientKey: `alerts-${date}`,
    absences: childIds.map((childId) => ({ childId, reason: '无故缺勤', contactResult: '未联系上' })),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { alertsRaised: number };
};
const alertsOf = async (who: Session, q = '') => (await who.get(`/api/absence-alerts${q}`)).json() as { items: Alert[]; total: number };

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  for (const [k, u] of Object.entries(county.users)) s[k] = await login(app, u.username);
  s.other = await login(app, other.users.countyAdmin.username);
  await setCalendar(s.countyAdmin);
  cls = county.townships[0].schools[0].classes[0];
});

scopeCases('GET /api/absence-alerts', () => {
  it('3 consecutive school days of unexplained absence raise one alert (a weekend does not break it); it follows the run', async () => {
    const [a, b] = cls.children.map((c) => c.id);
    expect((await absentOn('2026-09-17', [a, b])).alertsRaised).toBe(0);
    expect((await absentOn('2026-09-18', [a, b])).alertsRaised).toBe(0);
    expect((await absentOn('2026-09-21', [a, b])).alertsRaised).toBe(2);
    expect((await absentOn('2026-09-22', [a])).alertsRaised).toBe(0);
    const list = await alertsOf(s.headTeacher);
    const mine = list.items.filter((x) => x.childId === a);
    expect(mine).toEqual([expect.objectContaining({ rule: 'consecutive', streak: 4, lastDate: '2026-09-22', status: 'open' })]);
    expect(mine[0].abilities.decide).toBe(false);
    expect((await alertsOf(s.schoolAdmin)).items[0].abilities.decide).toBe(true);
  });

  it('the teacher is told of a late report; the school has the alerts to decide in its 待办', async () => {
    at('2026-09-23', '09:05');
    const teacher = (await s.headTeacher.get('/api/inbox')).json();
    expect(teacher.items.find((i: { kind: string }) => i.kind === 'attendance_late')).toMatchObject({
      state: 'overdue',
      dueOn: '2026-09-23',
    });
    const school = (await s.schoolAdmin.get('/api/inbox')).json();
    expect(school.items.filter((i: { kind: string }) => i.kind === 'absence_alert')).toHaveLength(2);
    expect((await s.schoolAdmin.get('/api/inbox/count')).json().count).toBe(school.count);
  });

  it('another county sees none; a liaison is refused; a bad status is 400', async () => {
    expect((await alertsOf(s.other)).total).toBe(0);
    expect((await s.liaison.get('/api/absence-alerts')).statusCode).toBe(403);
    expect((await s.schoolAdmin.get('/api/absence-alerts?status=x')).statusCode).toBe(400);
    expect((await alertsOf(s.headTeacher, `?classId=${county.townships[1].schools[0].classes[0].id}`)).total).toBe(0);
  });
});

scopeCases('POST /api/absence-alerts/:id/decision', () => {
  it('the school confirms: a 疑似辍学 case opens (cases issue); or dismisses with a reason', async () => {
    const [a, b] = cls.children.map((c) => c.id);
    const list = (await alertsOf(s.schoolAdmin, '?status=open')).items;
    const first = list.find((x) => x.childId === a)!;
    const second = list.find((x) => x.childId === b)!;
    expect((await s.headTeacher.post(`/api/absence-alerts/${first.id}/decision`, { decision: 'confirm' })).statusCode).toBe(403);
    const res = await s.schoolAdmin.post(`/api/absence-alerts/${first.id}/decision`, { decision: 'confirm', text: '家访未见到人' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'case_opened', caseId: expect.any(String) });
    const c = await s.schoolAdmin.get(`/api/cases/${res.json().caseId}`);
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json()).toMatchObject({ status: 'suspected', source: '缺勤预警' });
    expect((await s.schoolAdmin.post(`/api/absence-alerts/${second.id}/decision`, { decision: 'dismiss' })).statusCode).toBe(400);
    const dismissed = await s.schoolAdmin.post(`/api/absence-alerts/${second.id}/decision`, {
      decision: 'dismiss',
      reason: '已办理转学，手续在途',
    });
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', reason: '已办理转学，手续在途' });
    const again = await s.schoolAdmin.post(`/api/absence-alerts/${second.id}/decision`, { decision: 'confirm' });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).message).toContain('已处理');
  });

  it('404 outside scope or unknown; 400 for a bad id', async () => {
    const [x] = (await alertsOf(s.schoolAdmin)).items;
    expect((await s.other.post(`/api/absence-alerts/${x.id}/decision`, { decision: 'confirm' })).statusCode).toBe(404);
    expect(
      (await s.schoolAdmin.post('/api/absence-alerts/00000000-0000-4000-8000-000000000000/decision', { decision: 'confirm' })).statusCode,
    ).toBe(404);
    expect((await s.schoolAdmin.post('/api/absence-alerts/x/decision', { decision: 'confirm' })).statusCode).toBe(400);
  });
});
