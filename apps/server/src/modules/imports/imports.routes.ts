import fs from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  mappingBodySchema,
  pageOf,
  REGISTRY_KIND_LABELS,
  REGISTRY_KINDS,
  snapshotDetailSchema,
  snapshotQuerySchema,
  snapshotSchema,
} from '@notoneless/shared';
import { z } from 'zod';
import { AppError } from '../../http/app-error';
import { sendXlsx } from '../../lib/xlsx';
import { audit, ctxOf, inTx } from '../../http/context';
import { canImport } from '../../policies/imports.policy';
import { authorize } from '../../policies/org.policy';
import { hasRole } from '../../policies/actor';
import * as service from './imports.service';
import { commit } from './import-commit';
import { buildTemplate } from './templates';
import { buildProblemsXlsx } from './problems-export';
import { streamJob } from '../../lib/sse';
import * as repo from './imports.repository';

const idParams = z.object({ id: z.string().uuid('导入记录编号格式不正确') });

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['imports'];

  app.post(
    '/imports',
    {
      schema: {
        tags,
        summary: '上传登记数据文件（multipart：kind、schoolId、file），生成待确认的快照',
        response: { 200: snapshotDetailSchema },
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
        const kind = fields.kind;
        if (!REGISTRY_KINDS.includes(kind as (typeof REGISTRY_KINDS)[number])) {
          part.file.resume();
          throw new AppError('VALIDATION', '请先选择数据类别（kind 字段须在文件之前：hukou、xueji、roster、poverty、disability）');
        }
        const r = await service.upload(ctx, {
          kind: kind as (typeof REGISTRY_KINDS)[number],
          schoolId: fields.schoolId || null,
          fileName: part.filename || '未命名文件',
          stream: part.file,
        });
        if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', `文件「${part.filename}」超过上传上限`);
        return r;
      }
      throw new AppError('VALIDATION', '请选择要导入的文件');
    },
  );

  app.get(
    '/imports',
    { schema: { tags, summary: '导入历史（快照）', querystring: snapshotQuerySchema, response: { 200: pageOf(snapshotSchema) } } },
    (req) => service.list(ctxOf(req), req.query),
  );

  app.get(
    '/imports/:id',
    { schema: { tags, summary: '导入预览与状态', params: idParams, response: { 200: snapshotDetailSchema } } },
    (req) => service.detail(ctxOf(req), req.params.id),
  );

  app.get('/imports/:id/events', { schema: { tags, summary: '导入进度（服务器推送事件）', params: idParams } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const id = req.params.id;
    // 404 when not visible; a file refused while reading has no snapshot left, only its failed job to report
    await service.detail(ctx, id).catch((e: unknown) => {
      if (!(e instanceof AppError && e.code === 'VALIDATION')) throw e;
    });
    streamJob(req, reply, ctx.jobs, id);
  });

  app.post(
    '/imports/:id/mapping',
    {
      schema: { tags, summary: '调整列对应后重新预览', params: idParams, body: mappingBodySchema, response: { 200: snapshotDetailSchema } },
    },
    (req) => service.remap(ctxOf(req), req.params.id, req.body.overrides),
  );

  app.post(
    '/imports/:id/commit',
    { schema: { tags, summary: '确认导入（后台载入，完成后成为当前快照）', params: idParams, response: { 200: snapshotDetailSchema } } },
    (req) => commit(ctxOf(req), req.params.id),
  );

  app.post(
    '/imports/:id/cancel',
    { schema: { tags, summary: '取消导入', params: idParams, response: { 200: snapshotDetailSchema } } },
    (req) => service.cancel(ctxOf(req), req.params.id),
  );

  app.get(
    '/imports/:id/problems.xlsx',
    { schema: { tags, summary: '下载问题清单（原表加一列问题说明）', params: idParams } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const s = await service.getVisible(ctx, req.params.id);
      const file = service.fileOf(ctx, s);
      if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', '原始文件已不存在（已取消或已清理），无法生成问题清单');
      const problems = (await repo.problemsOf(ctx.db, s.countyCode, s.id, 1_000_000)).map((p) => ({
        file: s.fileName,
        row: p.rowNo,
        column: p.columnName,
        severity: p.severity,
        message: p.message,
      }));
      const out = await buildProblemsXlsx(file, s.fileName, problems, ctx.now);
      await inTx(ctx, (tx) =>
        audit(tx, ctx, { action: 'import.problems_exported', targetType: 'snapshot', targetId: s.id, data: { problems: problems.length } }),
      );
      const stream = fs.createReadStream(out);
      stream.on('close', () => fs.rmSync(out, { force: true }));
      return sendXlsx(reply, stream, `问题清单-${s.fileName.replace(/\.[^.]+$/, '')}.xlsx`);
    },
  );

  app.get(
    '/imports/templates/:kind',
    { schema: { tags, summary: '下载导入模板（XLSX：表头、示例行、填写说明）', params: z.object({ kind: z.enum(REGISTRY_KINDS) }) } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      authorize(
        hasRole(ctx.actor, 'county_admin', 'county_leader', 'school_admin') || canImport(ctx.actor, req.params.kind, null),
        '您的角色不能导入登记数据',
      );
      const buf = await buildTemplate(req.params.kind);
      return sendXlsx(reply, buf, `${REGISTRY_KIND_LABELS[req.params.kind].replace('/', '、')}导入模板.xlsx`);
    },
  );
};
