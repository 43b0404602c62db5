import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { enrollmentNoticeQuerySchema } from '@notoneless/shared';
import { ctxOf } from '../../http/context';
import { DOCX_MIME } from './case-documents.routes';
import { enrollmentNotices } from './enrollment-notices.service';

/** 入学通知书, one batch per township or county (seed 001). */
export const enrollmentNoticeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/enrollment-notices',
    { schema: { tags: ['cases'], summary: '批量生成入学通知书（一年级新生，按乡镇或全县）', querystring: enrollmentNoticeQuerySchema } },
    async (req, reply) => {
      const { body, fileName, count } = await enrollmentNotices(ctxOf(req), req.query);
      const disposition = req.query.format === 'docx' ? 'attachment' : 'inline';
      return reply
        .header('content-type', req.query.format === 'docx' ? DOCX_MIME : 'text/html; charset=utf-8')
        .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .header('x-notice-count', String(count))
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};
