import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { rows } from '../../db/client';
import { findings, identityDecisions, users } from '../../db/schema/index';
import type { RegistryKind } from '../imports/formats/columns';
import type { KeyFields } from './engine/record-key';

export type DecisionRow = typeof identityDecisions.$inferSelect;
export type RecordRef = { kind: string; snapshotId: string; rowNo: number };
/** What a merge/split needs of a stored registry row: the key fields, and what the person saw. */
export type RecordFacts = KeyFields & { ref: RecordRef; fileName: string; schoolName: string; divisionCode: string };

const TABLES: Record<RegistryKind, string> = {
  hukou: 'household_records',
  xueji: 'student_records',
  roster: 'roster_entries',
  poverty: 'poverty_records',
  disability: 'disability_records',
};
const EXTRA: Record<RegistryKind, string> = {
  hukou: `, null as id_type, null as student_no, null as school_code, null as school_name, null::int as grade, null as class_name, r.division_code`,
  xueji: ', r.id_type, r.student_no, r.school_code, r.school_name, r.grade, r.class_name, r.division_code',
  roster: ', r.id_type, r.student_no, r.school_code, null as school_name, r.grade, r.class_name, null as division_code',
  poverty: `, null as id_type, null as student_no, null as school_code, null as school_name, null::int as grade, null as class_name, null as division_code`,
  disability: `, null as id_type, null as student_no, null as school_code, null as school_name, null::int as grade, null as class_name, null as division_code`,
};

type FactRow = {
  name: string;
  id_number: string | null;
  id_valid: boolean;
  birth_date: string | null;
  file_name: string;
  id_type: string | null;
  student_no: string | null;
  school_code: string | null;
  school_name: string | null;
  grade: number | null;
  class_name: string | null;
  division_code: string | null;
};

/** The stored rows of the given records (those that still exist), with what their stable keys are made of. */
export async function recordFacts(db: DbOrTx, countyCode: string, refs: RecordRef[]): Promise<RecordFacts[]> {
  const out: RecordFacts[] = [];
  for (const ref of refs) {
    const kind = ref.kind as RegistryKind;
    if (!(kind in TABLES)) continue;
    const [r] = await rows<FactRow>(
      db,
      sql`select r.name, r.id_number, r.id_valid, r.birth_date::text as birth_date, s.file_name${sql.raw(EXTRA[kind])}
        from ${sql.raw(TABLES[kind])} r join registry_snapshots s on s.county_code = r.county_code and s.id = r.snapshot_id
        where r.county_code = ${countyCode} and r.snapshot_id = ${ref.snapshotId}::uuid and r.row_no = ${ref.rowNo}`,
    );
    if (!r) continue;
    out.push({
      ref,
      kind,
      name: r.name,
      idNumber: r.id_number ?? '',
      idValid: r.id_valid && (r.id_type === null || r.id_type === '1'),
      studentNo: r.student_no ?? '',
      schoolCode: r.school_code ?? '',
      grade: r.grade,
      className: r.class_name ?? '',
      birthDate: r.birth_date,
      fileName: r.file_name,
      schoolName: r.school_name ?? '',
      divisionCode: r.division_code ?? '',
    });
  }
  return out;
}

export async function insertDecision(db: DbOrTx, v: typeof identityDecisions.$inferInsert) {
  await db.insert(identityDecisions).values(v);
}

/** The active decision on a pair of keys, if any. */
export async function activeOnPair(db: DbOrTx, countyCode: string, leftKey: string, rightKey: string) {
  const [r] = await db
    .select()
    .from(identityDecisions)
    .where(
      and(
        eq(identityDecisions.countyCode, countyCode),
        eq(identityDecisions.leftKey, leftKey),
        eq(identityDecisions.rightKey, rightKey),
        isNull(identityDecisions.revokedAt),
      ),
    );
  return r ?? null;
}

const decider = alias(users, 'decider');
const revoker = alias(users, 'revoker');

/** Decisions (revoked ones too, newest first) made on the given findings or naming the given keys. */
export async function listDecisions(db: DbOrTx, countyCode: string, where: { findingIds?: SQL | string[]; keys?: string[] }) {
  const conds: SQL[] = [];
  const ids = where.findingIds;
  if (Array.isArray(ids) && ids.length > 0) conds.push(inArray(identityDecisions.findingId, ids));
  else if (ids && !Array.isArray(ids)) conds.push(sql`${identityDecisions.findingId} in (${ids})`);
  if (where.keys && where.keys.length > 0) {
    conds.push(inArray(identityDecisions.leftKey, where.keys), inArray(identityDecisions.rightKey, where.keys));
  }
  if (conds.length === 0) return [];
  return db
    .select({ d: identityDecisions, decidedByName: decider.displayName, revokedByName: revoker.displayName })
    .from(identityDecisions)
    .leftJoin(decider, eq(decider.id, identityDecisions.decidedBy))
    .leftJoin(revoker, eq(revoker.id, identityDecisions.revokedBy))
    .where(and(eq(identityDecisions.countyCode, countyCode), or(...conds)))
    .orderBy(desc(identityDecisions.decidedAt), desc(identityDecisions.id))
    .limit(200);
}

/** The ids of a child's findings (as SQL, for listDecisions). */
export const findingsOfChild = (countyCode: string, childId: string): SQL =>
  sql`select ${findings.id} from ${findings} where ${findings.countyCode} = ${countyCode} and ${findings.childId} = ${childId}`;

export async function findDecision(db: DbOrTx, countyCode: string, id: string) {
  const [r] = await db
    .select({ d: identityDecisions, decidedByName: decider.displayName, revokedByName: revoker.displayName })
    .from(identityDecisions)
    .leftJoin(decider, eq(decider.id, identityDecisions.decidedBy))
    .leftJoin(revoker, eq(revoker.id, identityDecisions.revokedBy))
    .where(and(eq(identityDecisions.countyCode, countyCode), eq(identityDecisions.id, id)));
  return r ?? null;
}

/** Revoke if still active (concurrent users: one wins). */
export async function revokeDecision(db: DbOrTx, countyCode: string, id: string, by: string, at: Date): Promise<boolean> {
  const r = await db
    .update(identityDecisions)
    .set({ revokedBy: by, revokedAt: at })
    .where(and(eq(identityDecisions.countyCode, countyCode), eq(identityDecisions.id, id), isNull(identityDecisions.revokedAt)))
    .returning({ id: identityDecisions.id });
  return r.length === 1;
}

/** The active decisions of a county, for a run. */
export async function activeDecisions(db: DbOrTx, countyCode: string) {
  return db
    .select()
    .from(identityDecisions)
    .where(and(eq(identityDecisions.countyCode, countyCode), isNull(identityDecisions.revokedAt)))
    .orderBy(identityDecisions.decidedAt);
}
