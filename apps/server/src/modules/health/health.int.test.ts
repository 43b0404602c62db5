import { expect, it } from 'vitest';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { scopeCases } from '../../../test/scope';

scopeCases('GET /api/health', () => {
  it('is public and names the database kind; OpenAPI is served', async () => {
    const app = await getTestApp();
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: (await getTestDatabase()).kind });
    const docs = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(docs.statusCode).toBe(200);
    expect(Object.keys(docs.json().paths)).toContain('/api/children/{id}');
  });
});
