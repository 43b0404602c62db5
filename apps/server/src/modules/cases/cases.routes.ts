import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  caseActionBodySchema,
  caseDetailSchema,
  caseEventSchema,
  caseListItemSchema,
  caseOpenBodySchema,
  caseQuerySchema,
  caseTeamBodySchema,
  caseTeamMemberSchema,
  pageOf,
} from '@notoneless/shared';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import { sendXlsx } from '../../lib/xlsx';
import { addMember, removeMember } from './case-team';
import { exportCases } from './cases-export';
import * as service from './cases.service';

const idParams = z.object({ id: z.string().uuid('个案编号格式不正确') });
const childParams = z.object({ id: z.string().uuid('儿童编号格式不正确') });
const memberParams = idParams.extend({ memberId: z.string().uuid('责任人编号格式不正确') });

/** POST /api/cases answers the case, and whether it was opened now or the report was added to the open one. */
const reportResultSchema = caseDetailSchema.extend({ created: z.boolean(), notice: z.string().nullable() });
const childCasesSchema = z.object({
  items: z.array(
    caseListItemSchema.extend({
      previousCaseId: z.string().nullable(),
      closedAt: z.string().nullable(),
      closeReason: z.string().nullable(),
      events: z.array(caseEventSchema),
    }),
  ),
});

export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['cases'];
  app.get(
    '/cases',
    {
      schema: { tags, summary: '个案列表（一生一表一档案）', querystring: caseQuerySchema, response: { 200: pageOf(caseListItemSchema) } },
    },
    (req) => service.list(ctxOf(req), req.query),
  );
  app.get(
    '/cases/export',
    { schema: { tags, summary: '导出个案列表（XLSX，身份证号脱敏）', querystring: caseQuerySchema.partial() } },
    async (req, reply) => {
      const { buf, fileName } = await exportCases(ctxOf(req), req.query);
      return sendXlsx(reply, buf, fileName);
    },
  );
  app.post(
    '/cases',
    {
      schema: {
        tags,
        summary: '报告疑似辍学（建立个案；已有个案时记入该个案）',
        body: caseOpenBodySchema,
        response: { 200: reportResultSchema },
      },
    },
    (req) => service.report(ctxOf(req), req.body),
  );
  app.get(
    '/cases/:id',
    { schema: { tags, summary: '个案详情（记入审计日志）', params: idParams, response: { 200: caseDetailSchema } } },
    (req) => service.detail(ctxOf(req), req.params.id),
  );
  app.post(
    '/cases/:id/actions',
    {
      schema: {
        tags,
        summary: '办理个案（核实、家访、劝返通知书、复学、销号…）',
        params: idParams,
        body: caseActionBodySchema,
        response: { 200: caseDetailSchema },
      },
    },
    (req) => service.act(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/cases/:id/team',
    {
      schema: {
        tags,
        summary: '添加个案责任人（四包一）',
        params: idParams,
        body: caseTeamBodySchema,
        response: { 200: z.array(caseTeamMemberSchema) },
      },
    },
    (req) => addMember(ctxOf(req), req.params.id, req.body),
  );
  app.delete(
    '/cases/:id/team/:memberId',
    { schema: { tags, summary: '移除个案责任人', params: memberParams, response: { 200: z.array(caseTeamMemberSchema) } } },
    (req) => removeMember(ctxOf(req), req.params.id, req.params.memberId),
  );
  app.get(
    '/children/:id/cases',
    { schema: { tags, summary: '儿童的个案时间线（新的在前）', params: childParams, response: { 200: childCasesSchema } } },
    (req) => service.ofChild(ctxOf(req), req.params.id),
  );
};
