import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  homeTeachingBodySchema,
  homeTeachingMissingQuerySchema,
  homeTeachingMissingSchema,
  homeTeachingSessionSchema,
} from '@notoneless/shared';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import { sendXlsx } from '../../lib/xlsx';
import { exportHomeTeaching } from './home-teaching-export';
import * as service from './home-teaching.service';

const params = z.object({ id: z.string().uuid('个案编号格式不正确') });
const exportQuery = homeTeachingMissingQuerySchema.extend({
  shortOnly: z.preprocess((v) => v === true || v === 'true' || v === '1', z.boolean()).optional(),
  school: z.string().trim().max(100).optional(),
});

/** 送教上门 (issue 5 item 4; seed 004). */
export const homeTeachingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['home-teaching'];
  app.post(
    '/cases/:id/home-teaching',
    {
      schema: {
        tags,
        summary: '登记送教上门（离线重发以 clientKey 去重）',
        params,
        body: homeTeachingBodySchema,
        response: { 200: homeTeachingSessionSchema },
      },
    },
    (req) => service.recordSession(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/home-teaching/missing',
    {
      schema: {
        tags,
        summary: '本周送教不足的儿童',
        querystring: homeTeachingMissingQuerySchema,
        response: { 200: homeTeachingMissingSchema },
      },
    },
    (req) => service.missing(ctxOf(req), req.query),
  );
  app.get(
    '/home-teaching/export',
    { schema: { tags, summary: '导出送教上门名单（XLSX，本周次数与课时，身份证号脱敏）', querystring: exportQuery } },
    async (req, reply) => {
      const { buf, fileName } = await exportHomeTeaching(ctxOf(req), req.query);
      return sendXlsx(reply, buf, fileName);
    },
  );
};
