import { sql, type SQL } from 'drizzle-orm';
import { rows, type DbOrTx } from '../../db/client';
import { leaveRequests, leaveSteps } from '../../db/schema/index';
import type { Actor } from '../../policies/actor';
import { childScopeSql } from '../../policies/scope-sql';
import { classesTaught } from '../../policies/attendance.policy';

/** 请假 storage: the request and its steps (leaveSteps(), seed 002). */

export type LeaveRow = typeof leaveRequests.$inferSelect;
export type LeaveStepRow = typeof leaveSteps.$inferSelect;
export type LeaveListRow = LeaveRow & { name: string; gender: string; className: string | null; schoolName: string | null };

const uuidList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

export async function insertLeave(db: DbOrTx, row: typeof leaveRequests.$inferInsert, steps: (typeof leaveSteps.$inferInsert)[]) {
  await db.insert(leaveRequests).values(row);
  if (steps.length) await db.insert(leaveSteps).values(steps);
}

export async function findLeave(db: DbOrTx, countyCode: string, id: string): Promise<LeaveListRow | null> {
  const [r] = await listWhere(db, sql`l.county_code = ${countyCode} and l.id = ${id}`, 1, 0);
  return r ?? null;
}

export async function findLeaveByClientKey(db: DbOrTx, countyCode: string, clientKey: string) {
  const [r] = await rows<{ id: string }>(
    db,
    sql`select id from leave_requests where county_code = ${countyCode} and client_key = ${clientKey}`,
  );
  return r ?? null;
}

/** Lock the leave for a decision (two deciders at once: one wins). */
export async function lockLeave(db: DbOrTx, countyCode: string, id: string) {
  await db.execute(sql`select 1 from leave_requests where county_code = ${countyCode} and id = ${id} for update`);
}

export async function stepsOf(db: DbOrTx, countyCode: string, leaveIds: string[]): Promise<LeaveStepRow[]> {
  if (!leaveIds.length) return [];
  return db
    .select()
    .from(leaveSteps)
    .where(sql`${leaveSteps.countyCode} = ${countyCode} and ${leaveSteps.leaveId} in (${uuidList(leaveIds)})`)
    .orderBy(leaveSteps.leaveId, leaveSteps.idx);
}

export async function updateStep(db: DbOrTx, countyCode: string, leaveId: string, idx: number, set: Partial<LeaveStepRow>) {
  await db
    .update(leaveSteps)
    .set(set)
    .where(sql`${leaveSteps.countyCode} = ${countyCode} and ${leaveSteps.leaveId} = ${leaveId} and ${leaveSteps.idx} = ${idx}`);
}

export async function updateLeave(db: DbOrTx, countyCode: string, id: string, set: Partial<LeaveRow>) {
  await db
    .update(leaveRequests)
    .set(set)
    .where(sql`${leaveRequests.countyCode} = ${countyCode} and ${leaveRequests.id} = ${id}`);
}

/** The child's other leaves still in force (for overlaps). */
export async function activeLeavesOfChild(db: DbOrTx, countyCode: string, childId: string) {
  return rows<{ id: string; from: string; to: string }>(
    db,
    sql`select id, from_date::text as "from", to_date::text as "to" from leave_requests
        where county_code = ${countyCode} and child_id = ${childId} and status in ('pending', 'approved', 'closed')`,
  );
}

/**
 * Leaves of these children that bear on a day: those covering it (not refused or withdrawn), and those approved that
 * ended before it with no 销假 (their following school days are unexplained absence).
 */
export async function leavesBearingOn(db: DbOrTx, countyCode: string, childIds: string[], date: string) {
  if (!childIds.length) return [];
  return rows<{ id: string; childId: string; kind: string; from: string; to: string; status: string; closedOn: string | null }>(
    db,
    sql`select id, child_id as "childId", kind, from_date::text as "from", to_date::text as "to", status, closed_on::text as "closedOn"
        from leave_requests
        where county_code = ${countyCode} and child_id in (${uuidList(childIds)})
          and ((from_date <= ${date} and to_date >= ${date} and status in ('pending', 'approved'))
            or (to_date < ${date} and status = 'approved' and closed_on is null))
        order by to_date desc`,
  );
}

/** SQL: the leave's current pending step is one this actor decides (the twin of canDecideLeaveStep). */
export function waitingForActorSql(a: Actor): SQL {
  const parts: SQL[] = [];
  const taught = classesTaught(a);
  if (taught.length) parts.push(sql`(s.by = 'head_teacher' and l.class_id in (${uuidList(taught)}))`);
  const inSchools = a.scope.county
    ? sql`true`
    : a.scope.schoolIds.length
      ? sql`l.school_id in (${uuidList(a.scope.schoolIds)})`
      : sql`false`;
  for (const right of ['leave_principal', 'leave_unit_filing'] as const)
    if (a.approvalRights.includes(right)) parts.push(sql`(s.by = ${right} and ${inSchools})`);
  if (a.approvalRights.includes('leave_county_filing') && a.scope.county) parts.push(sql`s.by = 'leave_county_filing'`);
  if (!parts.length) return sql`false`;
  return sql`exists (select 1 from leave_steps s where s.county_code = l.county_code and s.leave_id = l.id and s.status = 'pending'
    and (${sql.join(parts, sql` or `)}))`;
}

/** Leaves visible to the actor: the child is in scope, or a step waits on them (a county filer sees the county). */
export function leaveScopeSql(a: Actor): SQL {
  return sql`(${childScopeSql(a.scope)} or ${waitingForActorSql(a)})`;
}

export async function listWhere(db: DbOrTx, where: SQL, limit: number, offset: number): Promise<LeaveListRow[]> {
  return rows<LeaveListRow>(
    db,
    sql`select l.county_code as "countyCode", l.id, l.child_id as "childId", l.class_id as "classId", l.school_id as "schoolId",
          l.kind, l.from_date::text as "fromDate", l.to_date::text as "toDate", l.school_days as "schoolDays",
          l.poverty_group as "povertyGroup", l.reason, l.guardian_name as "guardianName", l.guardian_phone as "guardianPhone",
          l.status, l.closed_on::text as "closedOn", l.close_note as "closeNote", l.closed_by as "closedBy",
          l.created_by as "createdBy", l.created_by_name as "createdByName", l.created_at as "createdAt", l.updated_at as "updatedAt",
          l.client_key as "clientKey", children.name, children.gender, k.name as "className", s.name as "schoolName"
        from leave_requests l
        join children on children.county_code = l.county_code and children.id = l.child_id
        left join classes k on k.county_code = l.county_code and k.id = l.class_id
        left join schools s on s.county_code = l.county_code and s.id = l.school_id
        where ${where}
        order by l.from_date desc, l.created_at desc
        limit ${limit} offset ${offset}`,
  );
}

export async function countWhere(db: DbOrTx, where: SQL): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from leave_requests l join children on children.county_code = l.county_code and children.id = l.child_id
        where ${where}`,
  );
  return r.n;
}
