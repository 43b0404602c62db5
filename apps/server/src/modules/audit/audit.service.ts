import type { z } from 'zod';
import type { auditQuerySchema, AuditEvent } from '@notoneless/shared';
import { AppError } from '../../http/app-error';
import type { Ctx } from '../../http/context';
import { offsetOf, pageResult } from '../../lib/paging';
import { authorize } from '../../policies/org.policy';
import { canReadAudit } from '../../policies/system.policy';
import { auditActionLabel } from './audit-actions';
import { listAudit } from './audit.repository';

/** Beijing-time day bounds for the from/to filters ('YYYY-MM-DD' inclusive). */
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);

export async function search(ctx: Ctx, q: z.infer<typeof auditQuerySchema>) {
  authorize(canReadAudit(ctx.actor), '只有县级管理员可以查看审计日志');
  for (const d of [q.from, q.to]) {
    if (d && !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new AppError('VALIDATION', `日期「${d}」格式应为 YYYY-MM-DD`);
  }
  const to = q.to ? new Date(dayStart(q.to).getTime() + 86_400_000) : undefined;
  const r = await listAudit(ctx.db, {
    countyCode: ctx.actor.countyCode,
    actor: q.actor,
    action: q.action,
    childId: q.childId,
    targetId: q.targetId,
    from: q.from ? dayStart(q.from) : undefined,
    to,
    ...offsetOf(q),
  });
  const items: AuditEvent[] = r.items.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    ip: e.ip,
    action: e.action,
    actionLabel: auditActionLabel(e.action),
    targetType: e.targetType,
    targetId: e.targetId,
    childId: e.childId,
    data: e.data,
  }));
  return pageResult(items, r.total, q);
}
