import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SCOPE_KINDS } from '@notoneless/shared';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import { scopeOptions } from './scope-options.service';

// not (yet) in packages/shared: the query and answer of the scope pickers
const scopeOptionQuerySchema = z.object({
  kind: z.enum([...SCOPE_KINDS, 'teacher'], '范围类型应为 county、unit、township、school、class、village、department 或 teacher'),
  q: z.string().trim().max(50).optional(),
  schoolId: z.string().optional(),
});
const scopeOptionSchema = z.object({ id: z.string(), name: z.string() });

export const scopeOptionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/scope-options',
    {
      schema: {
        tags: ['users'],
        summary: '角色范围与班主任候选（最多 50 项）',
        querystring: scopeOptionQuerySchema,
        response: { 200: z.array(scopeOptionSchema) },
      },
    },
    (req) => scopeOptions(ctxOf(req), req.query),
  );
};
