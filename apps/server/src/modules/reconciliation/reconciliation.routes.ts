import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  findingBulkSchema,
  findingCloseSchema,
  findingConfirmSchema,
  findingDetailSchema,
  findingQuerySchema,
  findingSchema,
  pageOf,
  pageQuerySchema,
  runSchema,
  runStartSchema,
} from '@notoneless/shared';
import { z } from 'zod';
import { sendXlsx } from '../../lib/xlsx';
import { ctxOf } from '../../http/context';
import { streamJob } from '../../lib/sse';
import * as findings from './findings.service';
import { identityDecisionRoutes } from './identity-decisions.routes';
import * as runs from './run.service';

const idParams = z.object({ id: z.string().uuid('编号格式不正确') });

export const reconciliationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reconciliation'];
  await identityDecisionRoutes(app, {});
  app.post(
    '/reconciliation/runs',
    { schema: { tags, summary: '运行四查三比对（后台）', body: runStartSchema, response: { 200: runSchema } } },
    (req) => runs.startRun(ctxOf(req), req.body.townshipCode ?? null),
  );
  app.get(
    '/reconciliation/runs',
    { schema: { tags, summary: '比对记录', querystring: pageQuerySchema, response: { 200: pageOf(runSchema) } } },
    (req) => runs.listRuns(ctxOf(req), req.query),
  );
  app.get(
    '/reconciliation/runs/:id',
    { schema: { tags, summary: '一次比对的结果与进度', params: idParams, response: { 200: runSchema } } },
    (req) => runs.runDetail(ctxOf(req), req.params.id),
  );
  app.get(
    '/reconciliation/runs/:id/events',
    { schema: { tags, summary: '比对进度（服务器推送事件）', params: idParams } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await runs.runDetail(ctx, req.params.id);
      streamJob(req, reply, ctx.jobs, req.params.id);
    },
  );
  app.get(
    '/findings',
    {
      schema: {
        tags,
        summary: '比对结果（按类别、乡镇、学校、重点群体）',
        querystring: findingQuerySchema,
        response: { 200: pageOf(findingSchema) },
      },
    },
    (req) => findings.list(ctxOf(req), req.query),
  );
  app.get(
    '/findings/counts',
    {
      schema: {
        tags,
        summary: '比对结果按类别和状态计数',
        response: { 200: z.array(z.object({ category: z.string(), status: z.string(), n: z.number() })) },
      },
    },
    (req) => findings.counts(ctxOf(req)),
  );
  app.get(
    '/findings/export.xlsx',
    { schema: { tags, summary: '导出比对结果（XLSX）', querystring: findingQuerySchema } },
    async (req, reply) => {
      const { buf, fileName } = await findings.exportXlsx(ctxOf(req), req.query);
      return sendXlsx(reply, buf, fileName);
    },
  );
  app.get(
    '/findings/:id',
    { schema: { tags, summary: '比对结果详情（记录并排对照）', params: idParams, response: { 200: findingDetailSchema } } },
    (req) => findings.detail(ctxOf(req), req.params.id),
  );
  app.post(
    '/findings/:id/confirm',
    { schema: { tags, summary: '确认并列入台账', params: idParams, body: findingConfirmSchema, response: { 200: findingDetailSchema } } },
    (req) => findings.confirm(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/findings/:id/close',
    { schema: { tags, summary: '核实说明并关闭', params: idParams, body: findingCloseSchema, response: { 200: findingDetailSchema } } },
    (req) => findings.close(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/findings/bulk',
    {
      schema: {
        tags,
        summary: '批量处理',
        body: findingBulkSchema,
        response: { 200: z.object({ done: z.array(z.string()), refused: z.array(z.object({ id: z.string(), message: z.string() })) }) },
      },
    },
    (req) => findings.bulk(ctxOf(req), req.body),
  );
};
