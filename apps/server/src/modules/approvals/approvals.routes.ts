import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  approvalDecisionBodySchema,
  approvalListItemSchema,
  approvalQuerySchema,
  approvalSchema,
  approvalWithdrawBodySchema,
  deferralBodySchema,
  pageOf,
} from '@notoneless/shared';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import { sendXlsx } from '../../lib/xlsx';
import { exportApprovals } from './approvals-export';
import * as service from './approvals.service';

const caseParams = z.object({ id: z.string().uuid('个案编号格式不正确') });
const approvalParams = z.object({ id: z.string().uuid('审批编号格式不正确') });

/** 延缓入学/休学 approvals (issue 5 item 5; seed 002; docs/domain/approvals.md). */
export const approvalRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['approvals'];
  app.post(
    '/cases/:id/deferrals',
    {
      schema: {
        tags,
        summary: '申请延缓入学/休学（条件不全时 422 列出缺少的条件）',
        params: caseParams,
        body: deferralBodySchema,
        response: { 200: approvalSchema },
      },
    },
    (req) => service.requestDeferral(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/approvals',
    {
      schema: {
        tags,
        summary: '延缓入学/休学审批（status=pending：待我审批；mine：我的申请）',
        querystring: approvalQuerySchema,
        response: { 200: pageOf(approvalListItemSchema) },
      },
    },
    (req) => service.list(ctxOf(req), req.query),
  );
  app.get(
    '/approvals/export',
    {
      schema: {
        tags,
        summary: '导出延缓入学/休学审批列表（XLSX，身份证号脱敏）',
        querystring: approvalQuerySchema.omit({ page: true, pageSize: true }),
      },
    },
    async (req, reply) => {
      const { buf, fileName } = await exportApprovals(ctxOf(req), req.query);
      return sendXlsx(reply, buf, fileName);
    },
  );
  app.post(
    '/approvals/:id/decide',
    {
      schema: {
        tags,
        summary: '审批：县教育局核实 / 县乡村振兴领导小组同意',
        params: approvalParams,
        body: approvalDecisionBodySchema,
        response: { 200: approvalSchema },
      },
    },
    (req) => service.decide(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/approvals/:id/withdraw',
    {
      schema: {
        tags,
        summary: '撤回申请（申请人，审批中）',
        params: approvalParams,
        body: approvalWithdrawBodySchema,
        response: { 200: approvalSchema },
      },
    },
    (req) => service.withdraw(ctxOf(req), req.params.id, req.body.version),
  );
};
