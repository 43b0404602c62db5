import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Database, Db, DbOrTx } from '../db/client';
import type { Env } from '../config/env';
import type { JobBoard } from '../lib/job-board';
import type { Actor } from '../policies/actor';
import { AppError } from './app-error';
import { insertAudit, type AuditInput } from '../modules/audit/audit.repository';

export type Clock = () => Date;

/** What buildApp() is given; tests pass their own database and clock. */
export type AppDeps = { database: Database; env: Env; clock: Clock; jobs: JobBoard };

/** The request context every service receives: who, when, from where, and the database. */
export type Ctx = {
  actor: Actor;
  ip: string;
  now: Date;
  db: Db;
  database: Database;
  env: Env;
  jobs: JobBoard;
  log: FastifyBaseLogger;
};

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyRequest {
    actor: Actor | null;
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyInstance {
    deps: AppDeps;
    /** every /api route, for the route-coverage test */
    routeList: { method: string; url: string }[];
  }
}

export function ctxOf(req: FastifyRequest): Ctx {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  const deps = req.server.deps;
  return {
    actor: req.actor,
    ip: req.ip,
    now: deps.clock(),
    db: deps.database.db,
    database: deps.database,
    env: deps.env,
    jobs: deps.jobs,
    log: req.log,
  };
}

/** Run a change in one transaction (style.md 6). */
export async function inTx<T>(ctx: Pick<Ctx, 'db'>, fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => fn(tx as unknown as DbOrTx));
}

/** The audit event of an actor's action, written in the caller's transaction. */
export function audit(tx: DbOrTx, ctx: Ctx, e: Omit<AuditInput, 'countyCode' | 'at' | 'actorId' | 'actorName' | 'ip'>) {
  return insertAudit(tx, {
    ...e,
    countyCode: ctx.actor.countyCode,
    at: ctx.now,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    ip: ctx.ip,
  });
}
