import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { TEST_PASSWORD } from './factories';

type Body = InjectOptions['payload'];

/** A logged-in browser: keeps the session cookie and sends the CSRF header on every unsafe request. */
export type Session = {
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, body?: Body) => Promise<LightMyRequestResponse>;
  put: (url: string, body?: Body) => Promise<LightMyRequestResponse>;
  patch: (url: string, body?: Body) => Promise<LightMyRequestResponse>;
  raw: (opts: InjectOptions) => Promise<LightMyRequestResponse>;
  cookie: string;
  csrf: string;
};

export async function login(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  expect(res.statusCode, res.body).toBe(200);
  const cookies = res.cookies as { name: string; value: string }[];
  const session = cookies.find((c) => c.name === 'nol_session')!.value;
  const csrf = cookies.find((c) => c.name === 'nol_csrf')!.value;
  const cookie = `nol_session=${session}; nol_csrf=${csrf}`;
  const send = (method: InjectOptions['method']) => (url: string, body?: Body) =>
    app.inject({ method, url, payload: body, headers: { cookie, 'x-csrf-token': csrf } });
  return {
    get: (url) => app.inject({ method: 'GET', url, headers: { cookie } }),
    post: send('POST'),
    put: send('PUT'),
    patch: send('PATCH'),
    raw: (opts) => app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } }),
    cookie,
    csrf,
  };
}

/** The Chinese error message of a 4xx answer. */
export const errorOf = (res: LightMyRequestResponse) => (res.json() as { error: { code: string; message: string } }).error;
