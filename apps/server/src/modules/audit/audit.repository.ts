import { and, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { DbOrTx } from '../../db/client';
import { auditEvents } from '../../db/schema/index';
import type { AuditAction } from './audit-actions';

export type AuditInput = {
  countyCode: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  action: AuditAction;
  targetType?: string | null;
  targetId?: string | null;
  childId?: string | null;
  data?: Record<string, unknown>;
};

/** Append one audit event; call it inside the transaction of the change it records. */
export async function insertAudit(tx: DbOrTx, e: AuditInput): Promise<void> {
  await tx.insert(auditEvents).values({
    countyCode: e.countyCode,
    id: uuidv7(),
    at: e.at,
    actorId: e.actorId,
    actorName: e.actorName,
    ip: e.ip,
    action: e.action,
    targetType: e.targetType ?? null,
    targetId: e.targetId ?? null,
    childId: e.childId ?? null,
    data: e.data ?? {},
  });
}

export type AuditFilter = {
  countyCode: string;
  actor?: string;
  action?: string;
  childId?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
};

export async function listAudit(db: DbOrTx, f: AuditFilter) {
  const conds: SQL[] = [eq(auditEvents.countyCode, f.countyCode)];
  if (f.actor) conds.push(or(ilike(auditEvents.actorName, `%${f.actor}%`), sql`${auditEvents.actorId}::text = ${f.actor}`) as SQL);
  if (f.action) conds.push(eq(auditEvents.action, f.action));
  if (f.childId) conds.push(eq(auditEvents.childId, f.childId));
  if (f.targetId) conds.push(eq(auditEvents.targetId, f.targetId));
  if (f.from) conds.push(gte(auditEvents.at, f.from));
  if (f.to) conds.push(lt(auditEvents.at, f.to));
  const where = and(...conds);
  const [items, [{ total }]] = await Promise.all([
    db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.at), desc(auditEvents.id)).limit(f.limit).offset(f.offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(where),
  ]);
  return { items, total };
}
