import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getTestApp, getTestDatabase, testClock } from '../../../test/test-app';
import { makeCounty, makeUser, type CountyFixture } from '../../../test/factories';
import { errorOf, login } from '../../../test/session';
import { scopeCases } from '../../../test/scope';

let app: FastifyInstance;
let county: CountyFixture;

beforeAll(async () => {
  app = await getTestApp();
  county = await makeCounty((await getTestDatabase()).db);
});

const tryLogin = (username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

scopeCases('POST /api/auth/login', () => {
  it('logs in with httpOnly session and readable CSRF cookies, and returns the user with roles and scope names', async () => {
    const res = await tryLogin(county.users.schoolAdmin.username, 'Test1234');
    expect(res.statusCode).toBe(200);
    const cookies = res.cookies as { name: string; httpOnly?: boolean; sameSite?: string }[];
    expect(cookies.find((c) => c.name === 'nol_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(cookies.find((c) => c.name === 'nol_csrf')?.httpOnly).toBeFalsy();
    const me = res.json().user;
    expect(me.roles[0]).toMatchObject({ role: 'school_admin', scopeName: county.townships[0].schools[0].name });
    expect(me.can).toMatchObject({ children: true, audit: false });
  });
  it('a wrong password says so in Chinese without telling whether the user exists', async () => {
    const a = await tryLogin(county.users.countyLeader.username, 'wrong-pass1');
    const b = await tryLogin('no-such-user-xyz', 'wrong-pass1');
    expect(a.statusCode).toBe(401);
    expect(errorOf(a).message).toBe('用户名或密码错误');
    expect(errorOf(b).message).toBe('用户名或密码错误');
  });
  it('locks after 5 wrong passwords for 15 minutes, even with the right password', async () => {
    const { db } = await getTestDatabase();
    const u = await makeUser(db, county.countyCode, `lock.${county.countyCode}`, [
      { role: 'county_leader', scopeKind: 'county', scopeId: county.countyCode },
    ]);
    testClock.set('2026-10-01T08:00:00+08:00');
    for (let i = 0; i < 4; i++) expect((await tryLogin(u.username, 'bad-pass1')).statusCode).toBe(401);
    const fifth = await tryLogin(u.username, 'bad-pass1');
    expect(fifth.statusCode).toBe(423);
    expect(errorOf(fifth).message).toMatch(/锁定 15 分钟/);
    expect((await tryLogin(u.username, 'Test1234')).statusCode).toBe(423);
    testClock.set('2026-10-01T08:16:00+08:00');
    expect((await tryLogin(u.username, 'Test1234')).statusCode).toBe(200);
  });
  it('refuses malformed input and an oversized body with Chinese messages, writing nothing', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"username":',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toMatch(/JSON/);
    const missing = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing).message).toMatch(/密码/);
    const huge = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y'.repeat(2_000_000) } });
    expect(huge.statusCode).toBe(413);
    const sqlish = await tryLogin("admin' OR '1'='1", "' OR 1=1 --");
    expect(sqlish.statusCode).toBe(401);
  });
});

scopeCases('GET /api/auth/me', () => {
  it('answers the logged-in user and 401 without a session or with a forged one', async () => {
    const s = await login(app, county.users.headTeacher.username);
    const me = (await s.get('/api/auth/me')).json();
    expect(me.roles).toEqual([expect.objectContaining({ role: 'head_teacher', scopeKind: 'class' })]);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'nol_session=' + 'a'.repeat(43) } })).statusCode,
    ).toBe(401);
  });
  it('an expired session answers 401', async () => {
    testClock.set('2026-10-02T08:00:00+08:00');
    const s = await login(app, county.users.villageOfficial.username);
    testClock.set('2026-10-02T20:01:00+08:00');
    const res = await s.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).message).toMatch(/重新登录/);
  });
});

scopeCases('POST /api/auth/logout', () => {
  it('ends the session; the cookie no longer works; needs the CSRF token', async () => {
    const s = await login(app, county.users.townshipOfficial.username);
    const noCsrf = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    expect((await s.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });
});

scopeCases('POST /api/auth/password', () => {
  it('changes the password (old one checked, policy in Chinese) and ends other sessions', async () => {
    const { db } = await getTestDatabase();
    const u = await makeUser(db, county.countyCode, `pw.${county.countyCode}`, [
      { role: 'county_leader', scopeKind: 'county', scopeId: county.countyCode },
    ]);
    const s1 = await login(app, u.username);
    const s2 = await login(app, u.username);
    const wrongOld = await s1.post('/api/auth/password', { oldPassword: 'nope1234', newPassword: 'NewPass99' });
    expect(errorOf(wrongOld).message).toBe('原密码不正确');
    const weak = await s1.post('/api/auth/password', { oldPassword: 'Test1234', newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(errorOf(weak).message).toMatch(/至少 8 位/);
    expect((await s1.post('/api/auth/password', { oldPassword: 'Test1234', newPassword: 'NewPass99' })).statusCode).toBe(200);
    expect((await s1.get('/api/auth/me')).statusCode).toBe(200);
    expect((await s2.get('/api/auth/me')).statusCode).toBe(401);
    expect((await tryLogin(u.username, 'NewPass99')).statusCode).toBe(200);
  });
});

scopeCases('POST /api/auth/login', () => {
  it('limits login attempts per IP address (429 in Chinese)', async () => {
    const { buildApp } = await import('../../app');
    const { loadEnv } = await import('../../config/env');
    const limited = await buildApp({
      database: await getTestDatabase(),
      env: loadEnv({ LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '3' }),
      clock: () => new Date(),
      webDist: null,
    });
    const hit = () =>
      limited.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'nobody-rl', password: 'x' },
        remoteAddress: '10.9.9.9',
      });
    for (let i = 0; i < 3; i++) expect((await hit()).statusCode).toBe(401);
    const res = await hit();
    expect(res.statusCode).toBe(429);
    expect(errorOf(res).message).toMatch(/过于频繁/);
    await limited.close();
  });
});
