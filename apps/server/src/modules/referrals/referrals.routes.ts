import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf, referralListItemSchema, referralQuerySchema, referralResponseBodySchema } from '@notoneless/shared';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import { sendXlsx } from '../../lib/xlsx';
import { exportReferrals } from './referrals-export';
import * as service from './referrals.service';

const params = z.object({ id: z.string().uuid('转介编号格式不正确') });

/** Referrals to departments, answered by their liaisons (issue 5 item 3). A referral is created as the case action 'referral'. */
export const referralRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['referrals'];
  app.get(
    '/referrals',
    {
      schema: {
        tags,
        summary: '转介（部门联络员：本部门；县级：全部）',
        querystring: referralQuerySchema,
        response: { 200: pageOf(referralListItemSchema) },
      },
    },
    (req) => service.list(ctxOf(req), req.query),
  );
  app.get(
    '/referrals/export',
    {
      schema: { tags, summary: '导出转介办理列表（XLSX）', querystring: referralQuerySchema.omit({ page: true, pageSize: true }) },
    },
    async (req, reply) => {
      const { buf, fileName } = await exportReferrals(ctxOf(req), req.query);
      return sendXlsx(reply, buf, fileName);
    },
  );
  app.post(
    '/referrals/:id/respond',
    {
      schema: {
        tags,
        summary: '部门答复转介：接收 / 已办结 / 不予办理',
        params,
        body: referralResponseBodySchema,
        response: { 200: referralListItemSchema },
      },
    },
    (req) => service.respond(ctxOf(req), req.params.id, req.body),
  );
};
