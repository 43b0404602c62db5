import '@fastify/cookie';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { buildScope, type Actor } from '../policies/actor';
import { findSessionActor, loadScopeExpansion } from '../modules/auth/auth.repository';
import { AppError } from './app-error';

export const SESSION_COOKIE = 'nol_session';
export const CSRF_COOKIE = 'nol_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyContextConfig {
    /** no session needed (login, health, docs, public pages) */
    public?: boolean;
    /** state-changing route that needs no CSRF token (login only: there is no session yet) */
    skipCsrf?: boolean;
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/** Load the session's actor (with its expanded scope) onto the request. */
async function loadActor(req: FastifyRequest): Promise<Actor | null> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token || token.length > 200) return null;
  return loadActorForToken(req, token);
}

export async function loadActorForToken(req: FastifyRequest, token: string): Promise<Actor | null> {
  const { database, clock } = req.server.deps;
  const db = database.db;
  const tokenHash = hashToken(token);
  // one round trip for session, user, grants and approval rights; a unit or township grant needs its schools too
  const found = await findSessionActor(db, tokenHash, clock());
  if (!found || !found.active) return null;
  const grants = found.grants;
  const expansion = await loadScopeExpansion(db, found.countyCode, grants);
  return {
    userId: found.userId,
    username: found.username,
    displayName: found.displayName,
    countyCode: found.countyCode,
    grants,
    approvalRights: found.approvalRights,
    scope: buildScope(found.countyCode, grants, expansion),
    sessionId: tokenHash,
    csrfToken: found.csrfToken,
    mustChangePassword: found.mustChangePassword,
  };
}

/** Every /api route needs a session unless marked public; every unsafe method needs the CSRF token. */
export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    const config = req.routeOptions.config ?? {};
    req.actor = await loadActor(req);
    if (config.public) return;
    if (!req.actor) throw new AppError('UNAUTHENTICATED', '登录已过期或未登录，请重新登录');
    if (UNSAFE.has(req.method) && !config.skipCsrf) {
      const header = req.headers[CSRF_HEADER];
      const sent = Array.isArray(header) ? header[0] : header;
      if (!sent || !sameToken(sent, req.actor.csrfToken)) {
        throw new AppError('CSRF', '安全校验失败（CSRF），请刷新页面后重试');
      }
    }
  });
}
