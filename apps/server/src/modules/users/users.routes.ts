import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  abilitiesSchema,
  pageOf,
  resetPasswordBodySchema,
  userCreateSchema,
  userQuerySchema,
  userSchema,
  userUpdateSchema,
} from '@notoneless/shared';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import * as service from './users.service';

const idParams = z.object({ id: z.string().uuid('用户编号格式不正确') });
const userDetailSchema = userSchema.extend({ abilities: abilitiesSchema });

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['users'];
  app.get(
    '/users',
    { schema: { tags, summary: '用户账号列表', querystring: userQuerySchema, response: { 200: pageOf(userSchema) } } },
    (req) => service.list(ctxOf(req), req.query),
  );
  app.get('/users/:id', { schema: { tags, summary: '用户账号详情', params: idParams, response: { 200: userDetailSchema } } }, (req) =>
    service.detail(ctxOf(req), req.params.id),
  );
  app.post(
    '/users',
    { schema: { tags, summary: '新建用户账号（首次登录须修改密码）', body: userCreateSchema, response: { 200: userDetailSchema } } },
    (req) => service.create(ctxOf(req), req.body),
  );
  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: '修改、停用用户或重新分配角色',
        params: idParams,
        body: userUpdateSchema,
        response: { 200: userDetailSchema },
      },
    },
    (req) => service.update(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置密码（下次登录须修改）',
        params: idParams,
        body: resetPasswordBodySchema,
        response: { 200: userDetailSchema },
      },
    },
    (req) => service.resetPassword(ctxOf(req), req.params.id, req.body.newPassword),
  );
  app.post(
    '/users/:id/unlock',
    { schema: { tags, summary: '解除登录锁定', params: idParams, response: { 200: userDetailSchema } } },
    (req) => service.unlock(ctxOf(req), req.params.id),
  );
};
