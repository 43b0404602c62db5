import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { abilitiesSchema, classCreateSchema, classQuerySchema, classSchema, classUpdateSchema, pageOf } from '@notoneless/shared';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import * as service from './classes.service';

const idParams = z.object({ id: z.string().uuid('班级编号格式不正确') });
const classDetailSchema = classSchema.extend({ abilities: abilitiesSchema });

/**
 * classUpdateSchema is a partial() of the create schema, which keeps headTeacherId's default(null): an omitted 班主任
 * would read as "remove the 班主任". Here an omitted 班主任 stays; null removes them.
 */

export const classRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['classes'];
  app.get(
    '/classes',
    { schema: { tags, summary: '班级列表', querystring: classQuerySchema, response: { 200: pageOf(classSchema) } } },
    (req) => service.list(ctxOf(req), req.query),
  );
  app.get('/classes/:id', { schema: { tags, summary: '班级详情', params: idParams, response: { 200: classDetailSchema } } }, (req) =>
    service.detail(ctxOf(req), req.params.id),
  );
  app.post(
    '/classes',
    { schema: { tags, summary: '新建班级（可同时指定班主任）', body: classCreateSchema, response: { 200: classDetailSchema } } },
    (req) => service.create(ctxOf(req), req.body),
  );
  app.patch(
    '/classes/:id',
    {
      schema: {
        tags,
        summary: '修改、停用班级或更换班主任',
        params: idParams,
        body: classUpdateSchema,
        response: { 200: classDetailSchema },
      },
    },
    (req) => service.update(ctxOf(req), req.params.id, req.body),
  );
};
