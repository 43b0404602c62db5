import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { briefCaseIdsSchema, briefMonthSchema, briefPreviewSchema } from '@notoneless/shared';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import { DOCX_MIME } from '../cases/case-documents.routes';
import { briefDocx, briefPreview } from './briefs.service';

/** 《控辍保学简报》 (issue 7, item 6): the preview of its figures, and the DOCX a county sends as is. */
export const briefRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/briefs/:month/preview',
    {
      schema: {
        tags: ['reports'],
        summary: '控辍保学简报：本月数字预览',
        params: z.object({ month: briefMonthSchema }),
        response: { 200: briefPreviewSchema },
      },
    },
    async (req) => {
      const { consolidated: _c, ...p } = await briefPreview(ctxOf(req), req.params.month);
      return p;
    },
  );
  app.get(
    '/briefs/:month.docx',
    {
      schema: {
        tags: ['reports'],
        summary: '下载控辍保学简报（DOCX）',
        params: z.object({ month: briefMonthSchema }),
        querystring: z.object({ caseIds: briefCaseIdsSchema }),
      },
    },
    async (req, reply) => {
      const { body, fileName } = await briefDocx(ctxOf(req), req.params.month, req.query.caseIds);
      return reply
        .header('content-type', DOCX_MIME)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};
