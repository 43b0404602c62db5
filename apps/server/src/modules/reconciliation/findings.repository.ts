import { and, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { findings, reconciliationRuns, schools } from '../../db/schema/index';
import type { Scope } from '../../policies/actor';
import { findingScopeSql } from '../../policies/scope-sql';
import { likeEscape } from '../../lib/paging';

export type FindingRow = typeof findings.$inferSelect;
export type RunRow = typeof reconciliationRuns.$inferSelect;

export async function insertRun(db: DbOrTx, v: typeof reconciliationRuns.$inferInsert) {
  await db.insert(reconciliationRuns).values(v);
}
export async function updateRun(db: DbOrTx, countyCode: string, id: string, v: Partial<typeof reconciliationRuns.$inferInsert>) {
  await db
    .update(reconciliationRuns)
    .set(v)
    .where(and(eq(reconciliationRuns.countyCode, countyCode), eq(reconciliationRuns.id, id)));
}
export async function findRun(db: DbOrTx, countyCode: string, id: string): Promise<RunRow | null> {
  const [r] = await db
    .select()
    .from(reconciliationRuns)
    .where(and(eq(reconciliationRuns.countyCode, countyCode), eq(reconciliationRuns.id, id)));
  return r ?? null;
}
export async function listRuns(db: DbOrTx, countyCode: string, limit: number, offset: number) {
  const where = eq(reconciliationRuns.countyCode, countyCode);
  const [items, [{ total }]] = await Promise.all([
    db.select().from(reconciliationRuns).where(where).orderBy(desc(reconciliationRuns.startedAt)).limit(limit).offset(offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(reconciliationRuns)
      .where(where),
  ]);
  return { items, total };
}
export async function runningRun(db: DbOrTx, countyCode: string) {
  const [r] = await db
    .select()
    .from(reconciliationRuns)
    .where(and(eq(reconciliationRuns.countyCode, countyCode), eq(reconciliationRuns.status, 'running')));
  return r ?? null;
}

export async function resolveFindings(db: DbOrTx, countyCode: string, ids: string[], runId: string, now: Date) {
  for (let i = 0; i < ids.length; i += 1000) {
    await db
      .update(findings)
      .set({ status: 'resolved', resolvedRunId: runId, updatedAt: now })
      .where(and(eq(findings.countyCode, countyCode), inArray(findings.id, ids.slice(i, i + 1000)), eq(findings.status, 'open')));
  }
}

export type FindingFilter = {
  category?: string;
  status?: string;
  townshipCode?: string;
  schoolId?: string;
  keyGroup?: string;
  q?: string;
  runId?: string;
};

export async function listFindings(db: DbOrTx, scope: Scope, f: FindingFilter, limit: number, offset: number) {
  const conds: SQL[] = [findingScopeSql(scope)];
  if (f.category) conds.push(eq(findings.category, f.category));
  if (f.status) conds.push(eq(findings.status, f.status as FindingRow['status']));
  if (f.townshipCode)
    conds.push(
      or(
        eq(findings.townshipCode, f.townshipCode),
        sql`${findings.schoolId} in (select id from schools s where s.county_code = ${scope.countyCode} and s.township_code = ${f.townshipCode})`,
      ) as SQL,
    );
  if (f.schoolId) conds.push(eq(findings.schoolId, f.schoolId));
  if (f.keyGroup) conds.push(sql`${f.keyGroup} = any(${findings.keyGroups})`);
  if (f.q) conds.push(or(ilike(findings.name, `%${likeEscape(f.q)}%`), sql`${findings.idNumber} like ${'%' + likeEscape(f.q)}`) as SQL);
  if (f.runId) conds.push(eq(findings.firstRunId, f.runId));
  const where = and(...conds);
  const [items, [{ total }]] = await Promise.all([
    db
      .select({ f: findings, schoolName: schools.name })
      .from(findings)
      .leftJoin(schools, and(eq(schools.countyCode, findings.countyCode), eq(schools.id, findings.schoolId)))
      .where(where)
      .orderBy(
        sql`case ${findings.category} when 'POVERTY_DROPOUT' then 0 when 'ENROLLED_ABSENT' then 1 when 'OUT_OF_SCHOOL' then 2 else 3 end`,
        desc(findings.updatedAt),
        findings.id,
      )
      .limit(limit)
      .offset(offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(findings)
      .where(where),
  ]);
  return { items, total };
}

export async function countsByCategory(db: DbOrTx, scope: Scope) {
  return db
    .select({ category: findings.category, status: findings.status, n: sql<number>`count(*)::int` })
    .from(findings)
    .where(findingScopeSql(scope))
    .groupBy(findings.category, findings.status);
}

export async function findFinding(db: DbOrTx, countyCode: string, id: string) {
  const [r] = await db
    .select({ f: findings, schoolName: schools.name })
    .from(findings)
    .leftJoin(schools, and(eq(schools.countyCode, findings.countyCode), eq(schools.id, findings.schoolId)))
    .where(and(eq(findings.countyCode, countyCode), eq(findings.id, id)));
  return r ?? null;
}

/** Decide a finding only if it is still in the state the user saw (concurrent reviewers: one wins). */
export async function decideFinding(
  db: DbOrTx,
  countyCode: string,
  id: string,
  from: FindingRow['status'][],
  v: Partial<typeof findings.$inferInsert>,
): Promise<boolean> {
  const r = await db
    .update(findings)
    .set(v)
    .where(and(eq(findings.countyCode, countyCode), eq(findings.id, id), inArray(findings.status, from)))
    .returning({ id: findings.id });
  return r.length === 1;
}

/** The registry rows of a finding, as stored, for the side-by-side view. */
export async function recordsOf(db: DbOrTx, countyCode: string, refs: { kind: string; snapshotId: string; rowNo: number }[]) {
  const TABLES: Record<string, string> = {
    hukou: 'household_records',
    xueji: 'student_records',
    roster: 'roster_entries',
    poverty: 'poverty_records',
    disability: 'disability_records',
  };
  const out: { kind: string; snapshotId: string; rowNo: number; fileName: string; raw: Record<string, string> }[] = [];
  for (const ref of refs.slice(0, 20)) {
    const table = TABLES[ref.kind];
    if (!table) continue;
    const res = (await db.execute(sql`
      select r.raw, s.file_name as "fileName" from ${sql.raw(table)} r
      join registry_snapshots s on s.county_code = r.county_code and s.id = r.snapshot_id
      where r.county_code = ${countyCode} and r.snapshot_id = ${ref.snapshotId}::uuid and r.row_no = ${ref.rowNo}`)) as unknown as {
      rows: { raw: Record<string, string>; fileName: string }[];
    };
    const row = res.rows[0];
    if (row) out.push({ ...ref, fileName: row.fileName, raw: row.raw });
  }
  return out;
}
