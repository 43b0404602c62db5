import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dashboardQuerySchema, dashboardRefreshSchema, dashboardSchema } from '@notoneless/shared';
import { ctxOf } from '../../http/context';
import { startRefresher } from './dashboards.refresh';
import * as service from './dashboards.service';

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['dashboards'];
  app.get(
    '/dashboards',
    {
      schema: {
        tags,
        summary: '数据看板：指标、趋势、台账、排名、重点群体、逾期事项',
        querystring: dashboardQuerySchema,
        response: { 200: dashboardSchema },
      },
    },
    (req) => service.dashboard(ctxOf(req), req.query),
  );
  app.post(
    '/dashboards/refresh',
    { schema: { tags, summary: '立即重新计算看板数据（县级管理员）', response: { 200: dashboardRefreshSchema } } },
    (req) => service.refreshNow(ctxOf(req)),
  );

  // the background refresh runs with a listening server; tests (VITEST) refresh on demand
  if (!process.env.VITEST) {
    let stop: (() => void) | null = null;
    app.addHook('onReady', async () => {
      stop = startRefresher(app.deps.database.db, app.deps.clock, app.log);
    });
    app.addHook('onClose', async () => stop?.());
  }
};
