import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { makeChild, makeCounty, makeUser, type ChildFixture, type CountyFixture } from '../../../test/factories';
import { grantRights } from '../../../test/case-work-fixtures';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';
import { at, setCalendar } from './attendance-test-support';

let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
const s: Record<string, Session> = {};
let cls: CountyFixture['townships'][0]['schools'][0]['classes'][0];
let poor: ChildFixture;

const leave = (o: Record<string, unknown> = {}) => ({
  childId: cls.children[0].id,
  kind: '事假',
  from: '2026-09-21',
  to: '2026-09-22',
  reason: '随家长外出探亲',
  guardianName: '测试家长',
  guardianPhone: '13812345678',
  ...o,
});
type Step = { index: number; by: string; kind: string; status: string };

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  cls = county.townships[0].schools[0].classes[0];
  const school = county.townships[0].schools[0];
  poor = await makeChild(db, county.countyCode, {
    schoolId: school.id,
    classId: cls.id,
    grade: cls.grade,
    villageCode: county.townships[0].villages[0],
    keyGroups: ['脱贫户'],
  });
  await grantRights(db, county.users.schoolAdmin.id, ['leave_principal']);
  await grantRights(db, county.users.unitAdmin.id, ['leave_unit_filing']);
  await grantRights(db, county.users.countyAdmin.id, ['leave_county_filing']);
  // a principal of another school, with the right: not theirs to approve
  const elsewhere = await makeUser(db, county.countyCode, `principal2.${county.countyCode}`, [
    { role: 'school_admin', scopeKind: 'school', scopeId: county.townships[0].schools[1].id },
  ]);
  await grantRights(db, elsewhere.id, ['leave_principal']);
  for (const [k, u] of Object.entries(county.users)) s[k] = await login(app, u.username);
  s.principal2 = await login(app, elsewhere.username);
  s.other = await login(app, other.users.countyAdmin.username);
  await setCalendar(s.countyAdmin);
  at('2026-09-18', '10:00');
});

scopeCases('POST /api/leaves', () => {
  it('up to 3 school days: the 班主任 enters and approves it in one go; the slip carries the safety reminder', async () => {
    const res = await s.headTeacher.post('/api/leaves', leave({ clientKey: 'leave-phone-0001' }));
    expect(res.statusCode, res.body).toBe(200);
    const l = res.json();
    expect(l).toMatchObject({ status: 'approved', schoolDays: 2, povertyGroup: false, guardianPhoneMasked: '138****5678' });
    expect(l.steps.map((x: Step) => `${x.by}:${x.status}`)).toEqual(['head_teacher:approved']);
    expect(l.safetyReminder).toContain('安全');
    const again = await s.headTeacher.post('/api/leaves', leave({ clientKey: 'leave-phone-0001' }));
    expect(again.json().id).toBe(l.id);
  });

  it('refuses end before start (400), overlapping leaves and a leave with no school day (422)', async () => {
    expect((await s.headTeacher.post('/api/leaves', leave({ from: '2026-09-25', to: '2026-09-24' }))).statusCode).toBe(400);
    const overlap = await s.headTeacher.post('/api/leaves', leave({ from: '2026-09-22', to: '2026-09-23' }));
    expect(overlap.statusCode).toBe(422);
    expect(errorOf(overlap).message).toContain('重叠');
    const holiday = await s.headTeacher.post('/api/leaves', leave({ from: '2026-10-03', to: '2026-10-04' }));
    expect(holiday.statusCode).toBe(422);
    expect(errorOf(holiday).message).toContain('没有上学日');
  });

  it('404 for a child outside scope, 403 for a role that does not enter leave', async () => {
    const foreign = county.townships[1].schools[0].classes[0].children[0].id;
    expect((await s.headTeacher.post('/api/leaves', leave({ childId: foreign }))).statusCode).toBe(404);
    expect((await s.other.post('/api/leaves', leave())).statusCode).toBe(404);
    expect((await s.unitAdmin.post('/api/leaves', leave({ from: '2026-11-02', to: '2026-11-02' }))).statusCode).toBe(403);
    expect((await s.liaison.post('/api/leaves', leave())).statusCode).toBe(403);
  });
});

scopeCases('POST /api/leaves/:id/steps/:index', () => {
  it('over 3 days: the principal approves (seed 002)', async () => {
    const l = (
      await s.headTeacher.post('/api/leaves', leave({ childId: cls.children[1].id, from: '2026-09-21', to: '2026-09-25' }))
    ).json();
    expect(l.steps.map((x: Step) => `${x.by}:${x.status}`)).toEqual(['head_teacher:approved', 'leave_principal:pending']);
    expect(l.status).toBe('pending');
    expect((await s.principal2.post(`/api/leaves/${l.id}/steps/1`, { decision: 'approve' })).statusCode).toBe(404);
    expect((await s.headTeacher.post(`/api/leaves/${l.id}/steps/1`, { decision: 'approve' })).statusCode).toBe(403);
    const res = await s.schoolAdmin.post(`/api/leaves/${l.id}/steps/1`, { decision: 'approve', comment: '同意' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('approved');
    expect((await s.schoolAdmin.post(`/api/leaves/${l.id}/steps/1`, { decision: 'approve' })).statusCode).toBe(409);
  });

  it('脱贫户 over 7 days: principal, 中心校 review, filed with the county 基础教育股 — each by its holder, in order', async () => {
    const l = (
      await s.headTeacher.post('/api/leaves', leave({ childId: poor.id, kind: '病假', from: '2026-09-21', to: '2026-09-30' }))
    ).json();
    expect(l).toMatchObject({ schoolDays: 8, povertyGroup: true, status: 'pending' });
    expect(l.steps.map((x: Step) => `${x.by}:${x.kind}`)).toEqual([
      'head_teacher:approve',
      'leave_principal:approve',
      'leave_unit_filing:approve',
      'leave_county_filing:file',
    ]);
    // not yet the 中心校's turn
    expect((await s.unitAdmin.post(`/api/leaves/${l.id}/steps/2`, { decision: 'approve' })).statusCode).toBe(409);
    const inbox = (await s.schoolAdmin.get('/api/inbox')).json();
    expect(inbox.items.some((i: { id: string }) => i.id === `leave:${l.id}`)).toBe(true);
    expect((await s.schoolAdmin.post(`/api/leaves/${l.id}/steps/1`, { decision: 'approve' })).statusCode).toBe(200);
    expect((await s.unitAdmin.post(`/api/leaves/${l.id}/steps/2`, { decision: 'approve' })).statusCode).toBe(200);
    const wrongKind = await s.countyAdmin.post(`/api/leaves/${l.id}/steps/3`, { decision: 'approve' });
    expect(wrongKind.statusCode).toBe(422);
    const filed = await s.countyAdmin.post(`/api/leaves/${l.id}/steps/3`, { decision: 'file' });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json().status).toBe('approved');
    expect(filed.json().steps.map((x: Step) => x.status)).toEqual(['approved', 'approved', 'approved', 'filed']);
  });

  it('a refusal ends the leave; 400 for a bad decision', async () => {
    const l = (
      await s.headTeacher.post('/api/leaves', leave({ childId: cls.children[1].id, from: '2026-10-12', to: '2026-10-16' }))
    ).json();
    expect((await s.schoolAdmin.post(`/api/leaves/${l.id}/steps/1`, { decision: 'maybe' })).statusCode).toBe(400);
    const res = await s.schoolAdmin.post(`/api/leaves/${l.id}/steps/1`, { decision: 'reject', comment: '期中考试，不宜请假' });
    expect(res.json().status).toBe('rejected');
  });
});

scopeCases('GET /api/leaves', () => {
  it('lists leaves in scope; waitingForMe lists the steps waiting on this user', async () => {
    const res = await s.headTeacher.get('/api/leaves');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBeGreaterThanOrEqual(4);
    expect((await s.countyAdmin.get('/api/leaves?waitingForMe=true')).json().total).toBe(0);
    expect((await s.other.get('/api/leaves')).json().total).toBe(0);
    expect((await s.liaison.get('/api/leaves')).statusCode).toBe(403);
    expect((await s.headTeacher.get('/api/leaves?status=nope')).statusCode).toBe(400);
  });
});

scopeCases('GET /api/leaves/:id', () => {
  it('the slip; 404 outside scope', async () => {
    const [l] = (await s.headTeacher.get(`/api/leaves?childId=${cls.children[0].id}`)).json().items;
    expect((await s.headTeacher.get(`/api/leaves/${l.id}`)).json()).toMatchObject({ id: l.id, abilities: { close: true } });
    expect((await s.other.get(`/api/leaves/${l.id}`)).statusCode).toBe(404);
    expect((await s.liaison.get(`/api/leaves/${l.id}`)).statusCode).toBe(403);
    expect((await s.headTeacher.get('/api/leaves/x')).statusCode).toBe(400);
  });
});

scopeCases('POST /api/leaves/:id/close', () => {
  it('a leave that ended without 销假 turns the following days into unexplained absence and tells the teacher; 销假 clears them', async () => {
    const [l] = (await s.headTeacher.get(`/api/leaves?childId=${cls.children[0].id}`)).json().items; // 21–22 Sep
    at('2026-09-21', '08:00');
    const onLeave = await s.headTeacher.post('/api/attendance/reports', {
      classId: cls.id,
      date: '2026-09-21',
      absences: [],
      clientKey: 'leave-day-0921',
    });
    expect(onLeave.json().report.absences).toEqual(
      expect.arrayContaining([expect.objectContaining({ childId: cls.children[0].id, reason: '事假', note: '请假' })]),
    );
    at('2026-09-23', '09:30');
    const day = await s.headTeacher.post('/api/attendance/reports', {
      classId: cls.id,
      date: '2026-09-23',
      absences: [],
      clientKey: 'leave-day-0923',
    });
    expect(day.statusCode, day.body).toBe(200);
    const mine = day.json().report.absences.find((a: { childId: string }) => a.childId === cls.children[0].id);
    expect(mine).toMatchObject({ reason: '无故缺勤' });
    expect(mine.note).toContain('未销假');
    const inbox = (await s.headTeacher.get('/api/inbox')).json();
    expect(inbox.items.some((i: { id: string }) => i.id === `leave_overdue:${l.id}`)).toBe(true);
    expect((await s.headTeacher.get(`/api/leaves/${l.id}`)).json().overdueReturn).toBe(true);
    const closed = await s.headTeacher.post(`/api/leaves/${l.id}/close`, { returnedOn: '2026-09-23' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedOn: '2026-09-23', overdueReturn: false });
    const after = (await s.headTeacher.get(`/api/attendance/classes/${cls.id}/day?date=2026-09-23`)).json();
    expect(after.report.counts.unexplained).toBe(after.report.absences.filter((a: { reason: string }) => a.reason === '无故缺勤').length);
    expect(after.report.absences.some((a: { childId: string }) => a.childId === cls.children[0].id)).toBe(false);
    expect((await s.headTeacher.post(`/api/leaves/${l.id}/close`, { returnedOn: '2026-09-23' })).statusCode).toBe(409);
  });

  it('404 outside scope, 403 for the 中心校, 400 for a bad date, 422 for a return before the leave', async () => {
    const l = (
      await s.headTeacher.post('/api/leaves', leave({ childId: cls.children[0].id, from: '2026-10-19', to: '2026-10-19' }))
    ).json();
    expect((await s.other.post(`/api/leaves/${l.id}/close`, { returnedOn: '2026-09-23' })).statusCode).toBe(404);
    expect((await s.unitAdmin.post(`/api/leaves/${l.id}/close`, { returnedOn: '2026-09-23' })).statusCode).toBe(403);
    expect((await s.headTeacher.post(`/api/leaves/${l.id}/close`, { returnedOn: '23/9' })).statusCode).toBe(400);
    expect((await s.headTeacher.post(`/api/leaves/${l.id}/close`, { returnedOn: '2026-09-22' })).statusCode).toBe(422);
  });
});
