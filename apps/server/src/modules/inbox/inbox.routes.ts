import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inboxCountSchema, inboxResponseSchema } from '@notoneless/shared';
import { ctxOf } from '../../http/context';
import * as service from './inbox.service';

/** 待办 (issue 5 item 7; docs/domain/inbox.md). */
export const inboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['inbox'];
  app.get('/inbox', { schema: { tags, summary: '我的待办（逾期优先）', response: { 200: inboxResponseSchema } } }, (req) =>
    service.inbox(ctxOf(req)),
  );
  app.get('/inbox/count', { schema: { tags, summary: '待办数量（菜单角标）', response: { 200: inboxCountSchema } } }, (req) =>
    service.inboxCount(ctxOf(req)),
  );
};
