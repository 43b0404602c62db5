import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/app-error';
import { ctxOf } from '../../http/context';
import { ATTACHMENT_TYPES, type AttachmentMime } from './file-type';
import * as service from './attachments.service';

const attachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  caseId: z.string().nullable(),
  uploadedAt: z.string(),
});

export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['attachments'];
  app.post(
    '/attachments',
    {
      schema: {
        tags,
        summary: '上传附件（multipart：可选 caseId 字段在前，file 一个，≤ 10 MB；JPEG/PNG/WebP/HEIC 图片或 PDF）',
        response: { 200: attachmentSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件');
      const fields: Record<string, string> = {};
      for await (const part of req.parts()) {
        if (part.type === 'field') {
          fields[part.fieldname] = String(part.value);
          continue;
        }
        const caseId = fields.caseId?.trim() || null;
        if (caseId && !z.string().uuid().safeParse(caseId).success) {
          part.file.resume();
          throw new AppError('VALIDATION', '个案编号格式不正确');
        }
        return service.upload(ctx, { fileName: part.filename || '未命名文件', stream: part.file, caseId });
      }
      throw new AppError('VALIDATION', '请选择要上传的文件');
    },
  );
  app.get(
    '/attachments/:id',
    { schema: { tags, summary: '查看附件（记入审计日志）', params: z.object({ id: z.string().uuid('附件编号格式不正确') }) } },
    async (req, reply) => {
      const { row, stream } = await service.open(ctxOf(req), req.params.id);
      const ext = ATTACHMENT_TYPES[row.mime as AttachmentMime] ?? '';
      return reply
        .header('content-type', row.mime)
        .header('content-length', String(row.size))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename="attachment${ext}"; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
        .send(stream);
    },
  );
};
