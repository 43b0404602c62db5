import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  identityDecisionInputSchema,
  identityDecisionQuerySchema,
  identityDecisionRevokeSchema,
  identityDecisionSchema,
} from '@notoneless/shared';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import * as decisions from './identity-decisions.service';

const idParams = z.object({ id: z.string().uuid('编号格式不正确') });

/** 合并为同一人 / 不是同一人（拆分）, their list per finding and per child, and 撤销 (issue 4, item 5). */
export const identityDecisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reconciliation'];
  app.post(
    '/findings/:id/identity-decisions',
    {
      schema: {
        tags,
        summary: '人工认定身份：合并为同一人或拆分',
        params: idParams,
        body: identityDecisionInputSchema,
        response: { 200: identityDecisionSchema },
      },
    },
    (req) => decisions.create(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/findings/:id/identity-decisions',
    { schema: { tags, summary: '这条比对结果涉及的身份认定', params: idParams, response: { 200: z.array(identityDecisionSchema) } } },
    (req) => decisions.listForFinding(ctxOf(req), req.params.id),
  );
  app.get(
    '/identity-decisions',
    {
      schema: {
        tags,
        summary: '一名儿童的身份认定',
        querystring: identityDecisionQuerySchema,
        response: { 200: z.array(identityDecisionSchema) },
      },
    },
    (req) => decisions.listForChild(ctxOf(req), req.query.childId),
  );
  app.post(
    '/identity-decisions/:id/revoke',
    {
      schema: {
        tags,
        summary: '撤销身份认定',
        params: idParams,
        body: identityDecisionRevokeSchema,
        response: { 200: identityDecisionSchema },
      },
    },
    (req) => decisions.revoke(ctxOf(req), req.params.id, req.body.reason),
  );
};
