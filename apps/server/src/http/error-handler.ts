import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './app-error';

const FIELD_LABELS: Record<string, string> = {
  username: '用户名',
  password: '密码',
  oldPassword: '原密码',
  newPassword: '新密码',
  name: '名称',
  code: '代码',
  displayName: '姓名',
  phone: '手机号',
  roles: '角色',
  grade: '年级',
  schoolId: '学校',
  unitId: '管理单位',
  townshipCode: '乡镇',
  page: '页码',
  type: '类型',
  kind: '类别',
  villageCode: '村（社区）',
  headTeacherId: '班主任',
  schoolYear: '学年',
  active: '启用状态',
  approvalRights: '审批权限',
  scopeId: '管辖范围',
  scopeKind: '范围类型',
  role: '角色',
  level: '层级',
  parentCode: '上级代码',
  field: '字段',
  q: '搜索词',
  pageSize: '每页条数',
};

function fieldLabel(path: ReadonlyArray<PropertyKey>): string {
  const key = path.filter((p) => typeof p === 'string').at(-1);
  const label = typeof key === 'string' ? (FIELD_LABELS[key] ?? key) : '';
  return label;
}

/** One error shape for everything: { error: { code, message, details } }; no stack traces or SQL leak out. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: `接口不存在：${req.method} ${req.url.split('?')[0]}` } });
  });

  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => {
        const params = v.params as { issue?: { path?: PropertyKey[]; message?: string } };
        const path: PropertyKey[] = params.issue?.path ?? (v.instancePath ?? '').split('/').filter(Boolean);
        const message = v.message ?? params.issue?.message ?? '格式不正确';
        return { field: path.join('.'), label: fieldLabel(path), message: friendlyZodMessage(message) };
      });
      const first = issues[0];
      const where = err.validationContext === 'querystring' ? '查询参数' : err.validationContext === 'params' ? '路径参数' : '提交内容';
      const message = first ? `${where}有误：${first.label ? `${first.label}：` : ''}${first.message}` : `${where}有误`;
      return reply.status(400).send({ error: { code: 'VALIDATION', message, details: { issues } } });
    }
    const fe = err as FastifyError;
    const status = fe.statusCode ?? 500;
    if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (status === 400 && err instanceof SyntaxError)) {
      return reply.status(400).send({ error: { code: 'BAD_REQUEST', message: '提交内容不是有效的 JSON' } });
    }
    if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.status(400).send({ error: { code: 'BAD_REQUEST', message: '提交内容为空' } });
    }
    if (status === 413) {
      return reply.status(413).send({ error: { code: 'PAYLOAD_TOO_LARGE', message: '提交内容过大' } });
    }
    if (status === 415) {
      return reply.status(415).send({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' } });
    }
    if (status === 429) {
      return reply.status(429).send({ error: { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' } });
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: { code: 'BAD_REQUEST', message: '请求有误' } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试或联系管理员' } });
  });
}

function friendlyZodMessage(message: string): string {
  if (/[\u4e00-\u9fa5]/.test(message) && !/Invalid|expected|received/i.test(message)) return message;
  if (/Required|received undefined/i.test(message)) return '必填';
  if (/Invalid input: expected (\w+)/i.test(message)) return '类型不正确';
  if (/too_small|Too small|at least/i.test(message)) return '长度或数值过小';
  if (/too_big|Too big|at most/i.test(message)) return '长度或数值过大';
  if (/Invalid option|enum/i.test(message)) return '取值不在允许范围内';
  if (/uuid/i.test(message)) return '编号格式不正确';
  return '格式不正确';
}
