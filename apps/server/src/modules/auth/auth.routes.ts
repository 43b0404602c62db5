import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changePasswordBodySchema, loginBodySchema, meSchema, okSchema } from '@notoneless/shared';
import { z } from 'zod';
import { CSRF_COOKIE, loadActorForToken, SESSION_COOKIE } from '../../http/authenticate';
import { ctxOf } from '../../http/context';
import * as service from './auth.service';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const secure = app.deps.env.COOKIE_SECURE === 'true';

  app.post(
    '/auth/login',
    {
      schema: { tags: ['auth'], summary: '登录', body: loginBodySchema, response: { 200: z.object({ user: meSchema }) } },
      config: { public: true, skipCsrf: true, rateLimit: { max: app.deps.env.LOGIN_RATE_LIMIT, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const now = app.deps.clock();
      const r = await service.login(app.deps.database, now, app.deps.env.SESSION_HOURS, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, r.token, { httpOnly: true, sameSite: 'lax', path: '/', secure, expires: r.expiresAt });
      reply.setCookie(CSRF_COOKIE, r.csrfToken, { httpOnly: false, sameSite: 'strict', path: '/', secure, expires: r.expiresAt });
      req.actor = await loadActorForToken(req, r.token);
      return { user: await service.me(ctxOf(req)) };
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], summary: '退出登录', response: { 200: okSchema } } }, async (req, reply) => {
    await service.logout(ctxOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/auth/me', { schema: { tags: ['auth'], summary: '当前用户', response: { 200: meSchema } } }, async (req) =>
    service.me(ctxOf(req)),
  );

  app.post(
    '/auth/password',
    { schema: { tags: ['auth'], summary: '修改密码', body: changePasswordBodySchema, response: { 200: okSchema } } },
    async (req) => {
      await service.changePassword(ctxOf(req), req.body.oldPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );
};
