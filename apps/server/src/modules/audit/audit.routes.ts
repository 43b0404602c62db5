import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEventSchema, auditQuerySchema, pageOf } from '@notoneless/shared';
import { ctxOf } from '../../http/context';
import * as service from './audit.service';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    { schema: { tags: ['system'], summary: '审计日志', querystring: auditQuerySchema, response: { 200: pageOf(auditEventSchema) } } },
    (req) => service.search(ctxOf(req), req.query),
  );
};
