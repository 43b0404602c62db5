import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  childDetailSchema,
  childListItemSchema,
  childQuerySchema,
  pageOf,
  revealBodySchema,
  revealResponseSchema,
} from '@notoneless/shared';
import { z } from 'zod';
import { sendXlsx } from '../../lib/xlsx';
import { ctxOf } from '../../http/context';
import * as service from './children.service';

const idParams = z.object({ id: z.string().uuid('儿童编号格式不正确') });

export const childRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['children'];
  app.get(
    '/children',
    {
      schema: { tags, summary: '儿童名册（身份证号脱敏）', querystring: childQuerySchema, response: { 200: pageOf(childListItemSchema) } },
    },
    (req) => service.list(ctxOf(req), req.query),
  );
  app.get(
    '/children/export.xlsx',
    { schema: { tags, summary: '导出儿童名册 XLSX', querystring: childQuerySchema } },
    async (req, reply) => {
      const { buf, fileName } = await service.exportXlsx(ctxOf(req), req.query);
      return sendXlsx(reply, buf, fileName);
    },
  );
  app.get('/children/:id', { schema: { tags, summary: '儿童详情', params: idParams, response: { 200: childDetailSchema } } }, (req) =>
    service.detail(ctxOf(req), req.params.id),
  );
  app.post(
    '/children/:id/reveal',
    {
      schema: {
        tags,
        summary: '查看完整身份证号或电话（记入审计日志）',
        params: idParams,
        body: revealBodySchema,
        response: { 200: revealResponseSchema },
      },
    },
    (req) => service.reveal(ctxOf(req), req.params.id, req.body.field),
  );
};
