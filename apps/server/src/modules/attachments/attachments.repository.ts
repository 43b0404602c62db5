import { and, eq, sql } from 'drizzle-orm';
import { rows, type DbOrTx } from '../../db/client';
import { attachments, cases } from '../../db/schema/index';
import type { CaseRow } from '../cases/cases.repository';

export type AttachmentRow = typeof attachments.$inferSelect;

export async function insertAttachment(db: DbOrTx, v: typeof attachments.$inferInsert) {
  await db.insert(attachments).values(v);
}

export async function findAttachment(db: DbOrTx, countyCode: string, id: string): Promise<AttachmentRow | null> {
  const [r] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.countyCode, countyCode), eq(attachments.id, id)));
  return r ?? null;
}

/** The cases a file belongs to: its own case, and any case whose events or 送教上门 sessions cite it. */
export async function casesCiting(db: DbOrTx, countyCode: string, id: string, ownCaseId: string | null): Promise<string[]> {
  const r = await rows<{ caseId: string }>(
    db,
    sql`select case_id::text as "caseId" from case_events where county_code = ${countyCode} and ${id}::uuid = any(attachment_ids)
      union select case_id::text from home_teaching_sessions where county_code = ${countyCode} and ${id}::uuid = any(attachment_ids)`,
  );
  return [...new Set([...(ownCaseId ? [ownCaseId] : []), ...r.map((x) => x.caseId)])];
}

/** The case, when it has a 延缓入学/休学 application (its deciders may read the case's attachments). */
export async function caseWithDeferral(db: DbOrTx, countyCode: string, caseId: string): Promise<CaseRow | null> {
  const [r] = await db
    .select({ c: cases })
    .from(cases)
    .where(
      and(
        eq(cases.countyCode, countyCode),
        eq(cases.id, caseId),
        sql`exists (select 1 from approvals a where a.county_code = ${cases.countyCode} and a.case_id = ${cases.id} and a.type in ('deferral', 'suspension'))`,
      ),
    );
  return r?.c ?? null;
}
