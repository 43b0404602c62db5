import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from './http/context';
import { JobBoard } from './lib/job-board';
import { registerAuthentication } from './http/authenticate';
import { registerErrorHandler } from './http/error-handler';
import { authRoutes } from './modules/auth/auth.routes';
import { healthRoutes } from './modules/health/health.routes';
import { divisionRoutes } from './modules/divisions/divisions.routes';
import { unitRoutes } from './modules/units/units.routes';
import { schoolRoutes } from './modules/schools/schools.routes';
import { classRoutes } from './modules/classes/classes.routes';
import { userRoutes } from './modules/users/users.routes';
import { scopeOptionRoutes } from './modules/users/scope-options.routes';
import { childRoutes } from './modules/children/children.routes';
import { settingsRoutes } from './modules/settings/settings.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { homeRoutes } from './modules/home/home.routes';
import { importRoutes } from './modules/imports/imports.routes';
import { ledgerRoutes } from './modules/ledgers/ledgers.routes';
import { reconciliationRoutes } from './modules/reconciliation/reconciliation.routes';
import { caseRoutes } from './modules/cases/cases.routes';
import { attachmentRoutes } from './modules/attachments/attachments.routes';
import { approvalRoutes } from './modules/approvals/approvals.routes';
import { referralRoutes } from './modules/referrals/referrals.routes';
import { homeTeachingRoutes } from './modules/home-teaching/home-teaching.routes';
import { inboxRoutes } from './modules/inbox/inbox.routes';
import { caseDocumentRoutes } from './modules/cases/case-documents.routes';
import { enrollmentNoticeRoutes } from './modules/cases/enrollment-notices.routes';
import { attendanceRoutes } from './modules/attendance/attendance.routes';
import { dashboardRoutes } from './modules/dashboards/dashboards.routes';
import { disclosureRoutes } from './modules/disclosure/disclosure.routes';
import { briefRoutes } from './modules/briefs/briefs.routes';
import { monthlyReportRoutes } from './modules/monthly-reports/monthly-reports.routes';

export type BuildOptions = Omit<AppDeps, 'jobs'> & {
  jobs?: JobBoard;
  logger?: boolean;
  webDist?: string | null;
  /** routes only some runs have (the e2e test clock) */
  extraRoutes?: FastifyPluginAsyncZod;
};

const DEFAULT_WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** The whole HTTP application; main.ts listens on it, tests call inject(). */
export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: opts.env.LOG_LEVEL } : process.env.DEBUG_TESTS ? { level: 'error' } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('deps', { database: opts.database, env: opts.env, clock: opts.clock, jobs: opts.jobs ?? new JobBoard() });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 210 * 1024 * 1024, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'NotOneLess 一个都不能少 — 控辍保学动态管理平台 API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'nol_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  registerAuthentication(app);
  const routeList: { method: string; url: string }[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) if (r.url.startsWith('/api/') && m !== 'HEAD') routeList.push({ method: m, url: r.url });
  });

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(authRoutes);
      await api.register(homeRoutes);
      await api.register(divisionRoutes);
      await api.register(unitRoutes);
      await api.register(schoolRoutes);
      await api.register(classRoutes);
      await api.register(userRoutes);
      await api.register(scopeOptionRoutes);
      await api.register(childRoutes);
      await api.register(settingsRoutes);
      await api.register(auditRoutes);
      await api.register(importRoutes);
      await api.register(ledgerRoutes);
      await api.register(reconciliationRoutes);
      await api.register(caseRoutes);
      await api.register(attachmentRoutes);
      await api.register(approvalRoutes);
      await api.register(referralRoutes);
      await api.register(homeTeachingRoutes);
      await api.register(inboxRoutes);
      await api.register(caseDocumentRoutes);
      await api.register(enrollmentNoticeRoutes);
      await api.register(attendanceRoutes);
      await api.register(dashboardRoutes);
      await api.register(disclosureRoutes);
      await api.register(briefRoutes);
      await api.register(monthlyReportRoutes);
    },
    { prefix: '/api' },
  );
  if (opts.extraRoutes) await app.register(opts.extraRoutes, { prefix: '/api' });

  const webDist = opts.webDist === undefined ? (opts.env.WEB_DIST ?? DEFAULT_WEB_DIST) : opts.webDist;
  if (webDist && fs.existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    app.get('/*', { config: { public: true } }, (req, reply) => {
      // a missing API route or built file (an old chunk name after a redeploy) is a 404, not the app page
      if (req.url.startsWith('/api/') || req.url.startsWith('/assets/')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }
  return app;
}
