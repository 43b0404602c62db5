import { aliasedTable, and, asc, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { DEFERRAL_APPROVAL_STEPS } from '@notoneless/shared';
import type { DbOrTx } from '../../db/client';
import { approvals, approvalSteps, attachments, caseEvents, cases, children, divisions, schools } from '../../db/schema/index';
import type { Actor, Scope } from '../../policies/actor';
import { childScopeSql } from '../../policies/scope-sql';
import { canDecideDeferrals } from '../../policies/approvals.policy';

export type ApprovalRow = typeof approvals.$inferSelect;
export type ApprovalStepRow = typeof approvalSteps.$inferSelect;

/** The approval types this module decides; 销号 (closure) approvals are decided on the case (case core). */
export const DEFERRAL_APPROVAL_TYPES = ['deferral', 'suspension'] as const;

export async function findApproval(db: DbOrTx, countyCode: string, id: string): Promise<ApprovalRow | null> {
  const [row] = await db
    .select()
    .from(approvals)
    .where(and(eq(approvals.countyCode, countyCode), eq(approvals.id, id)));
  return row ?? null;
}

export async function stepsOf(db: DbOrTx, countyCode: string, approvalIds: string[]): Promise<Map<string, ApprovalStepRow[]>> {
  const out = new Map<string, ApprovalStepRow[]>();
  if (!approvalIds.length) return out;
  const rows = await db
    .select()
    .from(approvalSteps)
    .where(and(eq(approvalSteps.countyCode, countyCode), inArray(approvalSteps.approvalId, approvalIds)))
    .orderBy(asc(approvalSteps.stepNo));
  for (const r of rows) out.set(r.approvalId, [...(out.get(r.approvalId) ?? []), r]);
  return out;
}

export async function findPendingDeferralOfCase(db: DbOrTx, countyCode: string, caseId: string): Promise<ApprovalRow | null> {
  const [row] = await db
    .select()
    .from(approvals)
    .where(
      and(
        eq(approvals.countyCode, countyCode),
        eq(approvals.caseId, caseId),
        eq(approvals.status, 'pending'),
        inArray(approvals.type, [...DEFERRAL_APPROVAL_TYPES]),
      ),
    );
  return row ?? null;
}

/** Joint persuasions recorded on the case (seed 002 「经相关部门联合劝返三次以上」). */
export async function countJointPersuasions(db: DbOrTx, countyCode: string, caseId: string): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(caseEvents)
    .where(and(eq(caseEvents.countyCode, countyCode), eq(caseEvents.caseId, caseId), eq(caseEvents.type, 'joint_persuasion')));
  return Number(r?.n ?? 0);
}

export async function findAttachments(db: DbOrTx, countyCode: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: attachments.id, caseId: attachments.caseId, fileName: attachments.fileName })
    .from(attachments)
    .where(and(eq(attachments.countyCode, countyCode), inArray(attachments.id, ids)));
}

export async function insertApproval(db: DbOrTx, row: typeof approvals.$inferInsert): Promise<void> {
  await db.insert(approvals).values(row);
}

/** Moves the approval on only if nobody changed it since `version` was read (two deciders at once: one wins). */
export async function updateApprovalGuarded(
  db: DbOrTx,
  countyCode: string,
  id: string,
  version: number,
  set: { status: ApprovalRow['status']; decidedAt: Date | null },
): Promise<boolean> {
  const r = await db
    .update(approvals)
    .set({ status: set.status, decidedAt: set.decidedAt, version: sql`${approvals.version} + 1` })
    .where(and(eq(approvals.countyCode, countyCode), eq(approvals.id, id), eq(approvals.version, version)))
    .returning({ id: approvals.id });
  return r.length === 1;
}

export async function insertStep(db: DbOrTx, row: typeof approvalSteps.$inferInsert): Promise<void> {
  await db.insert(approvalSteps).values(row);
}

/** Bumps the case's version if it is still `version` (an application is a change to the case file). */
export async function touchCaseGuarded(db: DbOrTx, countyCode: string, caseId: string, version: number, now: Date): Promise<boolean> {
  const r = await db
    .update(cases)
    .set({ version: sql`${cases.version} + 1`, updatedAt: now })
    .where(and(eq(cases.countyCode, countyCode), eq(cases.id, caseId), eq(cases.version, version)))
    .returning({ id: cases.id });
  return r.length === 1;
}

/**
 * SQL twin of "refuseDeferralDecision(...) === null" (rules/cases/deferral.ts) for lists and the 待办 count: pending, the
 * waiting step's right held by the actor (from DEFERRAL_APPROVAL_STEPS), not the requester, no earlier step by them.
 */
export function decidableByActorSql(actor: Pick<Actor, 'userId' | 'approvalRights'>): SQL {
  const stepsDone = sql`(select count(*) from approval_steps s where s.county_code = approvals.county_code and s.approval_id = approvals.id)`;
  const held = DEFERRAL_APPROVAL_STEPS.filter((s) => actor.approvalRights.includes(s.right)).map((s) => s.stepNo - 1);
  if (!held.length) return sql`false`;
  return and(
    eq(approvals.status, 'pending'),
    inArray(approvals.type, [...DEFERRAL_APPROVAL_TYPES]),
    ne(approvals.requesterId, actor.userId),
    sql`${stepsDone} in (${sql.join(
      held.map((n) => sql`${n}`),
      sql`, `,
    )})`,
    sql`not exists (select 1 from approval_steps s where s.county_code = approvals.county_code and s.approval_id = approvals.id and s.decider_id = ${actor.userId})`,
  ) as SQL;
}

const township = aliasedTable(divisions, 'township');

/** An approval with the case and child it is about (names for lists; the ID is masked by the presenter). */
const withSubject = (db: DbOrTx) =>
  db
    .select({
      approval: approvals,
      caseStatus: cases.status,
      childId: children.id,
      childName: children.name,
      idNumber: children.idNumber,
      schoolName: schools.name,
      townshipName: township.name,
    })
    .from(approvals)
    .innerJoin(cases, and(eq(cases.countyCode, approvals.countyCode), eq(cases.id, approvals.caseId)))
    .innerJoin(children, and(eq(children.countyCode, cases.countyCode), eq(children.id, cases.childId)))
    .leftJoin(schools, and(eq(schools.countyCode, children.countyCode), eq(schools.id, children.schoolId)))
    .leftJoin(township, and(eq(township.countyCode, children.countyCode), eq(township.code, children.householdTownshipCode)));

export type ApprovalListFilter = { status?: ApprovalRow['status']; mine?: boolean; decidable?: boolean };

/** Deferral/suspension approvals of cases whose child is in the actor's scope (or, with `mine`, requested by the actor). */
export async function listApprovals(db: DbOrTx, actor: Actor, f: ApprovalListFilter, limit: number, offset: number) {
  const scope: Scope = actor.scope;
  const conds: SQL[] = [eq(approvals.countyCode, scope.countyCode), inArray(approvals.type, [...DEFERRAL_APPROVAL_TYPES])];
  if (f.mine) conds.push(eq(approvals.requesterId, actor.userId));
  // the county bureau (核实) and the county leading group (同意) decide for the whole county (seed 002), whatever the
  // scope of their role (the leading group's member is often a department liaison)
  else if (!canDecideDeferrals(actor)) conds.push(childScopeSql(scope));
  if (f.status) conds.push(eq(approvals.status, f.status));
  if (f.decidable) conds.push(decidableByActorSql(actor));
  const where = and(...conds);
  const [items, [total]] = await Promise.all([
    withSubject(db).where(where).orderBy(desc(approvals.createdAt)).limit(limit).offset(offset),
    db
      .select({ n: count() })
      .from(approvals)
      .innerJoin(cases, and(eq(cases.countyCode, approvals.countyCode), eq(cases.id, approvals.caseId)))
      .innerJoin(children, and(eq(children.countyCode, cases.countyCode), eq(children.id, cases.childId)))
      .where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}
export type ApprovalListRow = Awaited<ReturnType<typeof listApprovals>>['items'][number];

/** One approval with its subject; the caller has already checked the case is in scope. */
export async function findApprovalWithSubject(db: DbOrTx, countyCode: string, id: string): Promise<ApprovalListRow | null> {
  const [row] = await withSubject(db).where(and(eq(approvals.countyCode, countyCode), eq(approvals.id, id)));
  return row ?? null;
}
