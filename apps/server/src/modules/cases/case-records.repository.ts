import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  approvals,
  approvalSteps,
  attachments,
  caseDeadlines,
  caseTeam,
  homeTeachingSessions,
  referrals,
  userRoles,
  users,
} from '../../db/schema/index';

/** What hangs on a case besides its events: deadlines, the 四包一 team, approvals, referrals, 送教上门, files. */

export async function insertDeadlines(db: DbOrTx, rows: (typeof caseDeadlines.$inferInsert)[]) {
  if (rows.length) await db.insert(caseDeadlines).values(rows);
}

/** Mark these open deadlines of the case as met by an event. */
export async function meetDeadlinesById(db: DbOrTx, countyCode: string, caseId: string, ids: readonly string[], at: Date, eventId: string) {
  if (!ids.length) return;
  await db
    .update(caseDeadlines)
    .set({ metAt: at, metEventId: eventId })
    .where(
      and(
        eq(caseDeadlines.countyCode, countyCode),
        eq(caseDeadlines.caseId, caseId),
        inArray(caseDeadlines.id, [...ids]),
        isNull(caseDeadlines.metAt),
      ),
    );
}

export async function deadlinesOf(db: DbOrTx, countyCode: string, caseId: string) {
  return db
    .select()
    .from(caseDeadlines)
    .where(and(eq(caseDeadlines.countyCode, countyCode), eq(caseDeadlines.caseId, caseId)))
    .orderBy(asc(caseDeadlines.dueOn), asc(caseDeadlines.createdAt));
}

export async function teamOf(db: DbOrTx, countyCode: string, caseId: string) {
  return db
    .select()
    .from(caseTeam)
    .where(and(eq(caseTeam.countyCode, countyCode), eq(caseTeam.caseId, caseId), isNull(caseTeam.removedAt)))
    .orderBy(asc(caseTeam.addedAt));
}

export async function insertTeamMember(db: DbOrTx, v: typeof caseTeam.$inferInsert) {
  await db.insert(caseTeam).values(v);
}

export async function removeTeamMember(db: DbOrTx, countyCode: string, caseId: string, memberId: string, at: Date): Promise<boolean> {
  const r = await db
    .update(caseTeam)
    .set({ removedAt: at })
    .where(and(eq(caseTeam.countyCode, countyCode), eq(caseTeam.caseId, caseId), eq(caseTeam.id, memberId), isNull(caseTeam.removedAt)))
    .returning({ id: caseTeam.id });
  return r.length === 1;
}

/** A user of the county and the scopes their grants name (team members named by user must be in the actor's scope). */
export async function userWithGrants(db: DbOrTx, countyCode: string, userId: string) {
  const [u] = await db
    .select({ id: users.id, displayName: users.displayName, phone: users.phone, active: users.active })
    .from(users)
    .where(and(eq(users.countyCode, countyCode), eq(users.id, userId)));
  if (!u) return null;
  const grants = await db
    .select({
      role: userRoles.role,
      scopeKind: userRoles.scopeKind,
      scopeId: userRoles.scopeId,
      classSchoolId: sql<
        string | null
      >`(select c.school_id::text from classes c where c.county_code = ${countyCode} and ${userRoles.scopeKind} = 'class' and c.id::text = ${userRoles.scopeId})`,
    })
    .from(userRoles)
    .where(eq(userRoles.userId, userId));
  return { ...u, grants };
}

export async function pendingClosureOf(db: DbOrTx, countyCode: string, caseId: string) {
  const [r] = await db
    .select()
    .from(approvals)
    .where(
      and(
        eq(approvals.countyCode, countyCode),
        eq(approvals.caseId, caseId),
        eq(approvals.type, 'closure'),
        eq(approvals.status, 'pending'),
      ),
    )
    .orderBy(desc(approvals.createdAt))
    .limit(1);
  return r ?? null;
}

export async function insertApproval(db: DbOrTx, v: typeof approvals.$inferInsert) {
  await db.insert(approvals).values(v);
}

export async function insertApprovalStep(db: DbOrTx, v: typeof approvalSteps.$inferInsert) {
  await db.insert(approvalSteps).values(v);
}

export async function decideApproval(db: DbOrTx, countyCode: string, id: string, status: string, at: Date) {
  await db
    .update(approvals)
    .set({ status, decidedAt: at, version: sql`${approvals.version} + 1` })
    .where(and(eq(approvals.countyCode, countyCode), eq(approvals.id, id), eq(approvals.status, 'pending')));
}

export async function approvalsOf(db: DbOrTx, countyCode: string, caseId: string) {
  const list = await db
    .select()
    .from(approvals)
    .where(and(eq(approvals.countyCode, countyCode), eq(approvals.caseId, caseId)))
    .orderBy(desc(approvals.createdAt));
  const steps = list.length
    ? await db
        .select()
        .from(approvalSteps)
        .where(
          and(
            eq(approvalSteps.countyCode, countyCode),
            inArray(
              approvalSteps.approvalId,
              list.map((a) => a.id),
            ),
          ),
        )
        .orderBy(asc(approvalSteps.stepNo))
    : [];
  return list.map((a) => ({ a, steps: steps.filter((s) => s.approvalId === a.id) }));
}

export async function insertReferral(db: DbOrTx, v: typeof referrals.$inferInsert) {
  await db.insert(referrals).values(v);
}

export async function referralsOf(db: DbOrTx, countyCode: string, caseId: string) {
  return db
    .select()
    .from(referrals)
    .where(and(eq(referrals.countyCode, countyCode), eq(referrals.caseId, caseId)))
    .orderBy(desc(referrals.sentAt));
}

export async function homeTeachingOf(db: DbOrTx, countyCode: string, caseId: string) {
  return db
    .select()
    .from(homeTeachingSessions)
    .where(and(eq(homeTeachingSessions.countyCode, countyCode), eq(homeTeachingSessions.caseId, caseId)))
    .orderBy(desc(homeTeachingSessions.taughtOn), desc(homeTeachingSessions.recordedAt));
}

export type AttachmentRow = typeof attachments.$inferSelect;

export async function attachmentsByIds(db: DbOrTx, countyCode: string, ids: readonly string[]): Promise<AttachmentRow[]> {
  if (!ids.length) return [];
  return db
    .select()
    .from(attachments)
    .where(and(eq(attachments.countyCode, countyCode), inArray(attachments.id, [...ids])));
}

/** Attach uploaded files (not yet tied to a case) to this case. */
export async function linkAttachments(db: DbOrTx, countyCode: string, caseId: string, ids: readonly string[]) {
  if (!ids.length) return;
  await db
    .update(attachments)
    .set({ caseId })
    .where(and(eq(attachments.countyCode, countyCode), inArray(attachments.id, [...ids]), isNull(attachments.caseId)));
}
