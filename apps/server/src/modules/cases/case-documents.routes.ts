import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CASE_DOCUMENT_KINDS, caseDocumentQuerySchema } from '@notoneless/shared';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import { caseDocument } from './case-documents.service';

const params = z.object({ id: z.string().uuid('个案编号格式不正确'), kind: z.enum(CASE_DOCUMENT_KINDS) });

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The documents of a case (issue 5 item 6): DOCX to download, or an A4 print page (HTML). */
export const caseDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cases/:id/documents/:kind',
    {
      schema: {
        tags: ['cases'],
        summary: '个案文书：劝返通知书、跟踪记录表、延缓入学/休学审批表、责令限期改正通知书、复学通知、一生一表',
        params,
        querystring: caseDocumentQuerySchema,
      },
    },
    async (req, reply) => {
      const { body, fileName } = await caseDocument(ctxOf(req), req.params.id, req.params.kind, req.query.format);
      const disposition = req.query.format === 'docx' ? 'attachment' : 'inline';
      return reply
        .header('content-type', req.query.format === 'docx' ? DOCX_MIME : 'text/html; charset=utf-8')
        .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};
