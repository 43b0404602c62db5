import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { makeCounty, type CountyFixture } from '../../../test/factories';
import { login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';

let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
let admin: Session;

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  admin = await login(app, county.users.countyAdmin.username);
});

scopeCases('GET /api/audit', () => {
  it('records logins and failed logins with IP, searchable by actor and action, own county only', async () => {
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: county.users.countyLeader.username, password: 'wrong-1234' },
    });
    await login(app, other.users.countyAdmin.username);
    const res = (await admin.get(`/api/audit?actor=${county.users.countyLeader.username}`)).json();
    expect(res.items[0]).toMatchObject({ action: 'auth.login_failed', actionLabel: '登录失败', ip: '127.0.0.1' });
    const logins = (await admin.get('/api/audit?action=auth.login&pageSize=200')).json();
    expect(logins.items.every((e: { actorName: string }) => !e.actorName.includes(other.countyCode))).toBe(true);
  });
  it('filters by date (Beijing days) and refuses a bad date', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect((await admin.get(`/api/audit?from=${today}&to=${today}`)).json().total).toBeGreaterThan(0);
    expect((await admin.get('/api/audit?from=2001-01-01&to=2001-01-02')).json().total).toBe(0);
    expect((await admin.get('/api/audit?from=yesterday')).statusCode).toBe(400);
  });
  it('only the county admin reads it', async () => {
    for (const u of [county.users.countyLeader, county.users.schoolAdmin, county.users.headTeacher]) {
      expect((await (await login(app, u.username)).get('/api/audit')).statusCode).toBe(403);
    }
  });
  it('the database refuses to change or delete an audit event', async () => {
    const { db } = await getTestDatabase();
    await expect(db.execute(sql`update audit_events set action = 'x' where county_code = ${county.countyCode}`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_events where county_code = ${county.countyCode}`)).rejects.toThrow();
    expect((await admin.get('/api/audit')).json().total).toBeGreaterThan(0);
  });
});
