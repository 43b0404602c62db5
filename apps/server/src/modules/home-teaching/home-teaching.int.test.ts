import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getTestApp, getTestDatabase, testClock } from '../../../test/test-app';
import { makeCounty, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';
import { addAttachment, addEvent, makeCase } from '../../../test/case-work-fixtures';
import { attachments, homeTeachingSessions } from '../../db/schema/index';

let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
const s: Record<string, Session> = {};
let teaching: string;
let returned: string;
let persuading: string;

const session = (o: Record<string, unknown> = {}) => ({
  taughtOn: '2026-10-20',
  hours: 2,
  teacherName: '李老师',
  content: '语文：识字 20 个；数学：10 以内加法',
  ...o,
});
const at = (day: string) => testClock.set(`${day}T10:00:00+08:00`);
type M = { caseId: string; sessionsThisWeek: number; hoursThisWeek: number; shortfall: string[]; lastTaughtOn: string | null };
const missing = async (who: Session, week = '') => {
  const res = await who.get(`/api/home-teaching/missing${week ? `?week=${week}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { weekFrom: string; weekTo: string; items: M[] };
};

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  for (const [k, u] of Object.entries(county.users)) s[k] = await login(app, u.username);
  s.other = await login(app, other.users.countyAdmin.username);
  const cls = county.townships[0].schools[0].classes[0];
  teaching = (await makeCase(db, county.countyCode, cls.children[0], { status: 'home_teaching' })).id;
  returned = (await makeCase(db, county.countyCode, cls.children[1], { status: 'returned' })).id;
  await addEvent(db, county.countyCode, returned, 'return', '2026-10-09', { planKind: '送教上门', text: '重度残疾，送教上门' });
  persuading = (await makeCase(db, county.countyCode, county.townships[0].schools[0].classes[1].children[0])).id;
});

scopeCases('POST /api/cases/:id/home-teaching', () => {
  it('records a session on a case in 送教上门 (status, or a 复学方案 of 送教上门); a resend is recorded once', async () => {
    at('2026-10-21');
    const { db } = await getTestDatabase();
    const photo = await addAttachment(db, county.countyCode, county.users.headTeacher.id, '送教照片.jpg');
    const res = await s.headTeacher.post(
      `/api/cases/${teaching}/home-teaching`,
      session({ attachmentIds: [photo], clientKey: 'phone-0001-abc' }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      taughtOn: '2026-10-20',
      hours: 2,
      teacherName: '李老师',
      attachments: [{ id: photo, fileName: '送教照片.jpg' }],
    });
    const again = await s.headTeacher.post(
      `/api/cases/${teaching}/home-teaching`,
      session({ attachmentIds: [photo], clientKey: 'phone-0001-abc' }),
    );
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(res.json().id);
    const rows = await db
      .select()
      .from(homeTeachingSessions)
      .where(and(eq(homeTeachingSessions.countyCode, county.countyCode), eq(homeTeachingSessions.caseId, teaching)));
    expect(rows).toHaveLength(1);
    const [file] = await db
      .select()
      .from(attachments)
      .where(and(eq(attachments.countyCode, county.countyCode), eq(attachments.id, photo)));
    expect(file.caseId).toBe(teaching);
    const plan = await s.schoolAdmin.post(`/api/cases/${returned}/home-teaching`, session({ hours: 1 }));
    expect(plan.statusCode, plan.body).toBe(200);
    // the same offline key on another case is refused
    expect((await s.headTeacher.post(`/api/cases/${returned}/home-teaching`, session({ clientKey: 'phone-0001-abc' }))).statusCode).toBe(
      409,
    );
  });

  it('refuses a case not in 送教上门 and a future day (422); wrong role 403; out of scope 404; invalid 400', async () => {
    at('2026-10-21');
    const refused = await s.schoolAdmin.post(`/api/cases/${persuading}/home-teaching`, session());
    expect(refused.statusCode).toBe(422);
    expect(errorOf(refused).message).toContain('不在送教上门');
    const future = await s.schoolAdmin.post(`/api/cases/${teaching}/home-teaching`, session({ taughtOn: '2026-10-22' }));
    expect(future.statusCode).toBe(422);
    expect(errorOf(future).message).toContain('晚于今天');
    expect((await s.villageOfficial.post(`/api/cases/${teaching}/home-teaching`, session())).statusCode).toBe(403);
    expect((await s.liaison.post(`/api/cases/${teaching}/home-teaching`, session())).statusCode).toBe(403);
    expect((await s.other.post(`/api/cases/${teaching}/home-teaching`, session())).statusCode).toBe(404);
    expect((await s.schoolAdmin.post(`/api/cases/${teaching}/home-teaching`, session({ hours: 0 }))).statusCode).toBe(400);
    expect((await s.schoolAdmin.post(`/api/cases/${teaching}/home-teaching`, session({ teacherName: '' }))).statusCode).toBe(400);
  });
});

scopeCases('GET /api/home-teaching/missing', () => {
  it('this week: the child taught 1 class hour is short; the child taught 2 is not; last week both were missing', async () => {
    at('2026-10-22');
    const week = await missing(s.schoolAdmin);
    expect(week).toMatchObject({ weekFrom: '2026-10-19', weekTo: '2026-10-25' });
    expect(week.items.map((i) => [i.caseId, i.sessionsThisWeek, i.hoursThisWeek])).toEqual([[returned, 1, 1]]);
    expect(week.items[0].shortfall).toEqual(['本周送教 1 课时，应不少于 2 课时']);
    expect(week.items[0].lastTaughtOn).toBe('2026-10-20');
    const last = await missing(s.schoolAdmin, '2026-10-14');
    expect(last.weekFrom).toBe('2026-10-12');
    expect(last.items.map((i) => i.caseId).sort()).toEqual([teaching, returned].sort());
    expect(last.items.every((i) => i.sessionsThisWeek === 0)).toBe(true);
  });

  it('scoped: the 中心校 and county see them, another county and another township do not; a village official 403', async () => {
    at('2026-10-22');
    expect((await missing(s.unitAdmin, '2026-10-14')).items).toHaveLength(2);
    expect((await missing(s.countyAdmin, '2026-10-14')).items).toHaveLength(2);
    expect((await missing(s.other, '2026-10-14')).items).toHaveLength(0);
    expect((await s.villageOfficial.get('/api/home-teaching/missing')).statusCode).toBe(403);
    expect((await s.schoolAdmin.get('/api/home-teaching/missing?week=2026-13-01x')).statusCode).toBe(400);
  });
});
