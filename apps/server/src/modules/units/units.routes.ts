import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { unitCreateSchema, unitSchema, unitUpdateSchema } from '@notoneless/shared';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import * as service from './units.service';

const idParams = z.object({ id: z.string().uuid('管理单位编号格式不正确') });

/**
 * unitUpdateSchema is unitCreateSchema.partial(), which keeps townshipCode's default(null): an omitted township would
 * read as "clear it". Here an omitted township stays as it is.
 */

export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['units'];
  app.get(
    '/units',
    { schema: { tags, summary: '管理单位（县教育局、乡镇中心校、片区管理中心）', response: { 200: z.array(unitSchema) } } },
    (req) => service.list(ctxOf(req)),
  );
  app.post('/units', { schema: { tags, summary: '新建管理单位', body: unitCreateSchema, response: { 200: unitSchema } } }, (req) =>
    service.create(ctxOf(req), req.body),
  );
  app.patch(
    '/units/:id',
    { schema: { tags, summary: '修改、停用或启用管理单位', params: idParams, body: unitUpdateSchema, response: { 200: unitSchema } } },
    (req) => service.update(ctxOf(req), req.params.id, req.body),
  );
};
