import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { abilitiesSchema, pageOf, schoolCreateSchema, schoolQuerySchema, schoolSchema, schoolUpdateSchema } from '@notoneless/shared';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import * as service from './schools.service';

const idParams = z.object({ id: z.string().uuid('学校编号格式不正确') });
const schoolDetailSchema = schoolSchema.extend({ abilities: abilitiesSchema });

/**
 * schoolUpdateSchema is a partial() of the create schema, which keeps villageCode's default(null): an omitted village
 * would read as "clear it". Here an omitted village stays as it is (or is cleared when the township changes).
 */

export const schoolRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['schools'];
  app.get(
    '/schools',
    { schema: { tags, summary: '学校列表', querystring: schoolQuerySchema, response: { 200: pageOf(schoolSchema) } } },
    (req) => service.list(ctxOf(req), req.query),
  );
  app.get('/schools/:id', { schema: { tags, summary: '学校详情', params: idParams, response: { 200: schoolDetailSchema } } }, (req) =>
    service.detail(ctxOf(req), req.params.id),
  );
  app.post('/schools', { schema: { tags, summary: '新建学校', body: schoolCreateSchema, response: { 200: schoolDetailSchema } } }, (req) =>
    service.create(ctxOf(req), req.body),
  );
  app.patch(
    '/schools/:id',
    {
      schema: {
        tags,
        summary: '修改、划转、停用或启用学校',
        params: idParams,
        body: schoolUpdateSchema,
        response: { 200: schoolDetailSchema },
      },
    },
    (req) => service.update(ctxOf(req), req.params.id, req.body),
  );
};
