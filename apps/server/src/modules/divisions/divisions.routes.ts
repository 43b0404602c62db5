import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { divisionCreateSchema, divisionQuerySchema, divisionSchema, divisionUpdateSchema, pageOf } from '@notoneless/shared';
import { z } from 'zod';
import { AppError } from '../../http/app-error';
import { ctxOf } from '../../http/context';
import * as service from './divisions.service';

const importResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  problems: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
});

export const divisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['divisions'];
  app.get(
    '/divisions',
    { schema: { tags, summary: '行政区划列表', querystring: divisionQuerySchema, response: { 200: pageOf(divisionSchema) } } },
    (req) => service.list(ctxOf(req), req.query),
  );
  app.post(
    '/divisions',
    { schema: { tags, summary: '新建乡镇或村', body: divisionCreateSchema, response: { 200: divisionSchema } } },
    (req) => service.create(ctxOf(req), req.body),
  );
  app.patch(
    '/divisions/:code',
    {
      schema: {
        tags,
        summary: '修改、停用或启用区划',
        params: z.object({ code: z.string().max(12) }),
        body: divisionUpdateSchema,
        response: { 200: divisionSchema },
      },
    },
    (req) => service.update(ctxOf(req), req.params.code, req.body),
  );
  app.post(
    '/divisions/import',
    { schema: { tags, summary: '导入区划（CSV/XLSX：区划代码、名称、上级代码）', response: { 200: importResult } } },
    async (req) => {
      const ctx = ctxOf(req);
      const file = await req.file();
      if (!file) throw new AppError('VALIDATION', '请选择要导入的文件');
      const buf = await file.toBuffer();
      return service.importFile(ctx, file.filename, buf);
    },
  );
};
