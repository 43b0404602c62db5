import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { homeSummarySchema } from '@notoneless/shared';
import { ctxOf } from '../../http/context';
import { summary } from './home.service';

export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/home', { schema: { tags: ['home'], summary: '工作台：本辖区概况', response: { 200: homeSummarySchema } } }, (req) =>
    summary(ctxOf(req)),
  );
};
