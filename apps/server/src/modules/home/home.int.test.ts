import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { makeCounty, type CountyFixture } from '../../../test/factories';
import { login } from '../../../test/session';
import { scopeCases } from '../../../test/scope';

let app: FastifyInstance;
let county: CountyFixture;

beforeAll(async () => {
  app = await getTestApp();
  county = await makeCounty((await getTestDatabase()).db);
});

scopeCases('GET /api/home', () => {
  it('shows real numbers for the county admin', async () => {
    const s = await login(app, county.users.countyAdmin.username);
    const h = (await s.get('/api/home')).json();
    // 2 townships × (2 schools × 2 classes × 2 children + 1 out of school) = 18 children
    expect(h.counts).toEqual({ children: 18, schools: 4, classes: 8, townships: 2, villages: 4 });
    expect(h.byTownship.map((x: { children: number }) => x.children)).toEqual([9, 9]);
    expect(h.scopeLabel).toBe('测试县');
  });
  it('shows only the head teacher’s class', async () => {
    const s = await login(app, county.users.headTeacher.username);
    const h = (await s.get('/api/home')).json();
    expect(h.counts).toMatchObject({ children: 2, schools: 1, classes: 1 });
    expect(h.byGrade).toEqual([{ grade: 1, children: 2 }]);
  });
  it('shows the 中心校 its township', async () => {
    const s = await login(app, county.users.unitAdmin.username);
    const h = (await s.get('/api/home')).json();
    expect(h.counts).toMatchObject({ children: 9, schools: 2, classes: 4, townships: 1, villages: 2 });
  });
  it('requires a session', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/home' })).statusCode).toBe(401);
  });
});
