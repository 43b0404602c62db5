import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { makeCounty, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';

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

scopeCases('GET /api/divisions', () => {
  it('lists only the own county, filtered by level and parent', async () => {
    const res = await teacher.get(`/api/divisions?level=village&parentCode=${county.townships[0].code}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((d: { code: string }) => d.code)).toEqual(county.townships[0].villages);
    const all = (await admin.get('/api/divisions?pageSize=200')).json();
    expect(all.items.every((d: { code: string }) => d.code.startsWith(county.countyCode))).toBe(true);
    expect(all.items.some((d: { code: string }) => d.code.startsWith(other.countyCode))).toBe(false);
  });
  it('rejects an invalid page size with a Chinese message', async () => {
    const res = await admin.get('/api/divisions?pageSize=100000');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).message).toMatch(/每页条数/);
  });
});

scopeCases('POST /api/divisions', () => {
  it('county admin adds a village; it is audited', async () => {
    const t = county.townships[0].code;
    const res = await admin.post('/api/divisions', { code: `${t}299`, level: 'village', parentCode: t, name: '新建村' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ code: `${t}299`, name: '新建村', active: true });
    const audit = (await admin.get(`/api/audit?targetId=${t}299`)).json();
    expect(audit.items[0].action).toBe('division.created');
  });
  it('allows a township without an official code', async () => {
    const res = await admin.post('/api/divisions', {
      code: `${county.countyCode}199`,
      level: 'township',
      parentCode: county.countyCode,
      name: '自编乡',
      official: false,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().official).toBe(false);
  });
  it('refuses a code of another county and a duplicate', async () => {
    const bad = await admin.post('/api/divisions', {
      code: `${other.townships[0].code}298`,
      level: 'village',
      parentCode: other.townships[0].code,
      name: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toMatch(/不属于本县/);
    const dup = await admin.post('/api/divisions', {
      code: county.townships[0].villages[0],
      level: 'village',
      parentCode: county.townships[0].code,
      name: 'x',
    });
    expect(dup.statusCode).toBe(409);
  });
  it('a head teacher may not add divisions', async () => {
    const t = county.townships[0].code;
    const res = await teacher.post('/api/divisions', { code: `${t}298`, level: 'village', parentCode: t, name: '越权村' });
    expect(res.statusCode).toBe(403);
  });
});

scopeCases('PATCH /api/divisions/:code', () => {
  it('renames and deactivates; another county’s code answers 404', async () => {
    const v = county.townships[1].villages[1];
    const res = await admin.patch(`/api/divisions/${v}`, { name: '改名村', active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '改名村', active: false });
    const hidden = (await admin.get(`/api/divisions?parentCode=${county.townships[1].code}`)).json();
    expect(hidden.items.map((d: { code: string }) => d.code)).not.toContain(v);
    const foreign = await admin.patch(`/api/divisions/${other.townships[0].villages[0]}`, { name: 'x' });
    expect(foreign.statusCode).toBe(404);
    expect((await teacher.patch(`/api/divisions/${v}`, { name: 'y' })).statusCode).toBe(403);
  });
});

scopeCases('POST /api/divisions/import', () => {
  const upload = (s: Session, name: string, content: Buffer | string) => {
    const boundary = '----nol';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`),
      Buffer.isBuffer(content) ? content : Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return s.raw({
      method: 'POST',
      url: '/api/divisions/import',
      payload: body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
  };
  it('imports a CSV, all or nothing, naming file, row and column', async () => {
    const t = county.townships[0].code;
    const ok = await upload(admin, '区划.csv', `区划代码,名称,上级代码\n${t}250,甲村,${t}\n${t}251,乙村,${t}\n`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ created: 2, updated: 0 });
    const bad = await upload(admin, '区划.csv', `区划代码,名称,上级代码\n${t}252,丙村,${t}\n12345,丁村,${t}\n`);
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toMatch(/区划\.csv.*第 2 行「区划代码」/);
    const list = (await admin.get(`/api/divisions?q=丙村`)).json();
    expect(list.total).toBe(0);
  });
  it('refuses a teacher and a file without a 名称 column', async () => {
    expect((await upload(teacher, 'a.csv', '区划代码,名称\n1,2\n')).statusCode).toBe(403);
    const res = await upload(admin, 'a.csv', '区划代码\n410182100\n');
    expect(errorOf(res).message).toMatch(/缺少「名称」列/);
  });
});

describe('authentication on divisions', () => {
  it('anonymous gets 401, a forged session too, and a missing CSRF token 403', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/divisions' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/divisions', headers: { cookie: 'nol_session=forged' } })).statusCode).toBe(401);
    const noCsrf = await app.inject({ method: 'POST', url: '/api/divisions', headers: { cookie: admin.cookie }, payload: {} });
    expect(noCsrf.statusCode).toBe(403);
    expect(errorOf(noCsrf).code).toBe('CSRF');
  });
});
