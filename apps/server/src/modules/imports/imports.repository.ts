import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { importProblems, registrySnapshots, schools, users } from '../../db/schema/index';
import type { RegistryKind } from './formats/columns';
import { RECORD_TABLES } from './record-rows';

export type SnapshotRow = typeof registrySnapshots.$inferSelect;

export async function insertSnapshot(db: DbOrTx, v: typeof registrySnapshots.$inferInsert) {
  await db.insert(registrySnapshots).values(v);
}

export async function findSnapshot(db: DbOrTx, countyCode: string, id: string): Promise<SnapshotRow | null> {
  const [s] = await db
    .select()
    .from(registrySnapshots)
    .where(and(eq(registrySnapshots.countyCode, countyCode), eq(registrySnapshots.id, id)));
  return s ?? null;
}

export async function updateSnapshot(db: DbOrTx, countyCode: string, id: string, v: Partial<typeof registrySnapshots.$inferInsert>) {
  await db
    .update(registrySnapshots)
    .set(v)
    .where(and(eq(registrySnapshots.countyCode, countyCode), eq(registrySnapshots.id, id)));
}

export async function deleteSnapshot(db: DbOrTx, countyCode: string, id: string) {
  await db.delete(registrySnapshots).where(and(eq(registrySnapshots.countyCode, countyCode), eq(registrySnapshots.id, id)));
}

/** The committed snapshot of a kind for a scope (what comparisons read), if any. */
export async function findCommitted(db: DbOrTx, countyCode: string, kind: RegistryKind, scopeId: string): Promise<SnapshotRow | null> {
  const [s] = await db
    .select()
    .from(registrySnapshots)
    .where(
      and(
        eq(registrySnapshots.countyCode, countyCode),
        eq(registrySnapshots.kind, kind),
        eq(registrySnapshots.scopeId, scopeId),
        eq(registrySnapshots.status, 'committed'),
      ),
    );
  return s ?? null;
}

export async function supersede(db: DbOrTx, countyCode: string, kind: RegistryKind, scopeId: string, exceptId: string, now: Date) {
  await db
    .update(registrySnapshots)
    .set({ status: 'superseded', supersededAt: now })
    .where(
      and(
        eq(registrySnapshots.countyCode, countyCode),
        eq(registrySnapshots.kind, kind),
        eq(registrySnapshots.scopeId, scopeId),
        eq(registrySnapshots.status, 'committed'),
        ne(registrySnapshots.id, exceptId),
      ),
    );
}

export type SnapshotFilter = {
  countyCode: string;
  kind?: RegistryKind;
  status?: SnapshotRow['status'];
  schoolIds?: string[] | null;
  limit: number;
  offset: number;
};

export async function listSnapshots(db: DbOrTx, f: SnapshotFilter) {
  const conds: SQL[] = [eq(registrySnapshots.countyCode, f.countyCode)];
  if (f.kind) conds.push(eq(registrySnapshots.kind, f.kind));
  if (f.status) conds.push(eq(registrySnapshots.status, f.status));
  if (f.schoolIds) {
    conds.push(eq(registrySnapshots.scopeKind, 'school'));
    conds.push(f.schoolIds.length ? inArray(registrySnapshots.scopeId, f.schoolIds) : sql`false`);
  }
  const where = and(...conds);
  const [items, [{ total }]] = await Promise.all([
    db
      .select({ s: registrySnapshots, uploadedByName: users.displayName })
      .from(registrySnapshots)
      .leftJoin(users, eq(users.id, registrySnapshots.uploadedBy))
      .where(where)
      .orderBy(desc(registrySnapshots.uploadedAt))
      .limit(f.limit)
      .offset(f.offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(registrySnapshots)
      .where(where),
  ]);
  return { items, total };
}

export async function userName(db: DbOrTx, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [u] = await db.select({ n: users.displayName }).from(users).where(eq(users.id, id));
  return u?.n ?? null;
}

export async function schoolOf(db: DbOrTx, countyCode: string, id: string) {
  const [s] = await db
    .select({ id: schools.id, code: schools.code, name: schools.name })
    .from(schools)
    .where(and(eq(schools.countyCode, countyCode), eq(schools.id, id)));
  return s ?? null;
}

export async function problemsOf(db: DbOrTx, countyCode: string, snapshotId: string, limit: number) {
  return db
    .select()
    .from(importProblems)
    .where(and(eq(importProblems.countyCode, countyCode), eq(importProblems.snapshotId, snapshotId)))
    .orderBy(asc(importProblems.seq))
    .limit(limit);
}

export async function countProblems(db: DbOrTx, countyCode: string, snapshotId: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(importProblems)
    .where(and(eq(importProblems.countyCode, countyCode), eq(importProblems.snapshotId, snapshotId)));
  return n;
}

export async function deleteProblems(db: DbOrTx, countyCode: string, snapshotId: string) {
  await db.delete(importProblems).where(and(eq(importProblems.countyCode, countyCode), eq(importProblems.snapshotId, snapshotId)));
}

/** Remove the rows of a snapshot that never became visible (cancelled, failed, or cut off by a restart). */
export async function deleteRecords(db: DbOrTx, countyCode: string, kind: RegistryKind, snapshotId: string) {
  await db.execute(
    sql`delete from ${sql.raw(RECORD_TABLES[kind])} where county_code = ${countyCode} and snapshot_id = ${snapshotId}::uuid`,
  );
}

export async function snapshotsByStatus(db: DbOrTx, status: SnapshotRow['status']) {
  return db.select().from(registrySnapshots).where(eq(registrySnapshots.status, status));
}

export async function committedUnfed(db: DbOrTx) {
  return db
    .select()
    .from(registrySnapshots)
    .where(and(eq(registrySnapshots.status, 'committed'), sql`${registrySnapshots.fedAt} is null`));
}
