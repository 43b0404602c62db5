import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { disclosureContentSchema, disclosureEditSchema, disclosureYearSchema, publicDisclosureSchema } from '@notoneless/shared';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import * as service from './disclosure.service';

/** Requests per minute and address on the public page (no login). */
export const PUBLIC_RATE_LIMIT = 60;

export const disclosureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/disclosure',
    {
      schema: {
        tags: ['reports'],
        summary: '信息公开内容（编辑用）',
        querystring: z.object({ year: disclosureYearSchema.optional() }),
        response: { 200: disclosureEditSchema },
      },
    },
    (req) => service.readDisclosure(ctxOf(req), req.query.year),
  );
  app.put(
    '/disclosure/:year',
    {
      schema: {
        tags: ['reports'],
        summary: '保存信息公开内容（草稿）',
        params: z.object({ year: disclosureYearSchema }),
        body: disclosureContentSchema,
        response: { 200: disclosureEditSchema },
      },
    },
    (req) => service.saveDraft(ctxOf(req), req.params.year, req.body),
  );
  app.post(
    '/disclosure/:year/publish',
    {
      schema: {
        tags: ['reports'],
        summary: '发布信息公开',
        params: z.object({ year: disclosureYearSchema }),
        response: { 200: disclosureEditSchema },
      },
    },
    (req) => service.publish(ctxOf(req), req.params.year, true),
  );
  app.post(
    '/disclosure/:year/unpublish',
    {
      schema: {
        tags: ['reports'],
        summary: '撤回信息公开',
        params: z.object({ year: disclosureYearSchema }),
        response: { 200: disclosureEditSchema },
      },
    },
    (req) => service.publish(ctxOf(req), req.params.year, false),
  );
  app.get(
    '/public/:countyCode',
    {
      schema: {
        tags: ['public'],
        summary: '控辍保学信息公开（公开页面，无需登录）',
        params: z.object({ countyCode: z.string().max(12) }),
        querystring: z.object({ year: disclosureYearSchema.optional() }),
        response: { 200: publicDisclosureSchema },
      },
      config: { public: true, rateLimit: { max: PUBLIC_RATE_LIMIT, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return service.publicPage(app.deps.database.db, app.deps.clock(), req.params.countyCode, req.query.year);
    },
  );
};
