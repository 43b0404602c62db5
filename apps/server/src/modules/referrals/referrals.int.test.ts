import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { makeCounty, makeUser, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';
import { addReferral, makeCase } from '../../../test/case-work-fixtures';
import { caseEvents, cases } from '../../db/schema/index';

let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
const s: Record<string, Session> = {};
let caseId: string;
let police: string;
let civil: string;
let farCase: string;
let farPolice: string;

type R = { id: string; department: string; status: string; version: number; abilities: { respond: boolean } };
const list = async (session: Session, q = '') =>
  (await session.get(`/api/referrals?pageSize=100${q}`)).json() as { items: R[]; total: number };

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  const c = county.countyCode;
  const civilLiaison = await makeUser(db, c, `minzheng.${c}`, [{ role: 'dept_liaison', scopeKind: 'department', scopeId: '民政' }]);
  for (const [k, u] of Object.entries(county.users)) s[k] = await login(app, u.username);
  s.civil = await login(app, civilLiaison.username);
  s.otherLiaison = await login(app, other.users.liaison.username);
  const sender = county.users.schoolAdmin.id;
  caseId = (await makeCase(db, c, county.townships[0].schools[0].classes[0].children[0])).id;
  police = await addReferral(db, c, caseId, '公安', sender);
  civil = await addReferral(db, c, caseId, '民政', sender);
  farCase = (await makeCase(db, c, county.townships[1].schools[0].classes[0].children[0])).id;
  farPolice = await addReferral(db, c, farCase, '公安', county.users.countyAdmin.id);
});

scopeCases('GET /api/referrals', () => {
  it('a 公安 liaison sees only 公安 referrals (of any school); the county sees all; a school those of its cases', async () => {
    const mine = await list(s.liaison);
    expect(mine.items.map((r) => r.id).sort()).toEqual([police, farPolice].sort());
    expect(mine.items.every((r) => r.department === '公安' && r.abilities.respond)).toBe(true);
    expect((await list(s.civil)).items.map((r) => r.id)).toEqual([civil]);
    expect((await list(s.countyAdmin)).total).toBe(3);
    const school = await list(s.schoolAdmin);
    expect(school.items.map((r) => r.id).sort()).toEqual([police, civil].sort());
    expect(school.items.every((r) => !r.abilities.respond)).toBe(true);
    expect((await list(s.otherLiaison)).total).toBe(0);
    expect((await list(s.countyAdmin, '&department=民政')).items.map((r) => r.id)).toEqual([civil]);
    expect((await s.countyAdmin.get('/api/referrals?status=nothing')).statusCode).toBe(400);
  });
});

scopeCases('POST /api/referrals/:id/respond', () => {
  it('only the department’s liaison answers; the answer is on the case timeline and never moves the case', async () => {
    // another department's referral: as if absent; a case worker sees it but does not answer for the department
    expect((await s.liaison.post(`/api/referrals/${civil}/respond`, { status: 'accepted', response: '收到', version: 1 })).statusCode).toBe(
      404,
    );
    const school = await s.schoolAdmin.post(`/api/referrals/${police}/respond`, { status: 'accepted', response: '收到', version: 1 });
    expect(school.statusCode).toBe(403);
    expect(errorOf(school).message).toContain('公安的联络员');
    expect(
      (await s.otherLiaison.post(`/api/referrals/${police}/respond`, { status: 'accepted', response: '收到', version: 1 })).statusCode,
    ).toBe(404);
    expect((await s.liaison.post(`/api/referrals/${police}/respond`, { status: 'accepted', response: '', version: 1 })).statusCode).toBe(
      400,
    );
    expect((await s.liaison.post(`/api/referrals/${police}/respond`, { status: 'sent', response: '收到', version: 1 })).statusCode).toBe(
      400,
    );

    const { db } = await getTestDatabase();
    const [before] = await db
      .select()
      .from(cases)
      .where(and(eq(cases.countyCode, county.countyCode), eq(cases.id, caseId)));
    const ok = await s.liaison.post(`/api/referrals/${police}/respond`, {
      status: 'accepted',
      response: '已受理，正在办理户籍登记',
      version: 1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'accepted', statusLabel: '办理中', response: '已受理，正在办理户籍登记', version: 2 });
    expect((await s.liaison.post(`/api/referrals/${police}/respond`, { status: 'done', response: '已办结', version: 1 })).statusCode).toBe(
      409,
    );
    const done = await s.liaison.post(`/api/referrals/${police}/respond`, { status: 'done', response: '户籍已登记', version: 2 });
    expect(done.statusCode, done.body).toBe(200);
    const again = await s.liaison.post(`/api/referrals/${police}/respond`, { status: 'declined', response: '撤销', version: 3 });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).message).toContain('已办结');

    const [after] = await db
      .select()
      .from(cases)
      .where(and(eq(cases.countyCode, county.countyCode), eq(cases.id, caseId)));
    expect(after.status).toBe(before.status);
    expect(after.version).toBe(before.version);
    const events = await db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.countyCode, county.countyCode), eq(caseEvents.caseId, caseId), eq(caseEvents.type, 'referral_response')));
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.fromStatus === null && e.toStatus === null && e.actorRole === 'dept_liaison')).toBe(true);
    expect(events.map((e) => (e.data as { status: string }).status).sort()).toEqual(['accepted', 'done']);
  });
});
