import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { divisions, managementUnits, schools } from '../../db/schema/index';

export type UnitRow = typeof managementUnits.$inferSelect;

/** Active schools of a unit (what a unit must not lose when it is 停用). */
const activeSchools = sql<number>`(select count(*)::int from ${schools} where ${schools.countyCode} = ${managementUnits.countyCode} and ${schools.unitId} = ${managementUnits.id} and ${schools.active})`;

const KIND_ORDER = sql`case ${managementUnits.kind} when 'bureau' then 0 when 'central_school' then 1 else 2 end`;

function listQuery(db: DbOrTx) {
  return db
    .select({ unit: managementUnits, townshipName: divisions.name, schoolCount: activeSchools })
    .from(managementUnits)
    .leftJoin(divisions, and(eq(divisions.countyCode, managementUnits.countyCode), eq(divisions.code, managementUnits.townshipCode)));
}

/** Every unit of the county: the bureau first, then 中心校 by township, then 片区管理中心. */
export async function listUnits(db: DbOrTx, countyCode: string) {
  return listQuery(db)
    .where(eq(managementUnits.countyCode, countyCode))
    .orderBy(KIND_ORDER, sql`${managementUnits.townshipCode} nulls last`, asc(managementUnits.name));
}
export type UnitListRow = Awaited<ReturnType<typeof listUnits>>[number];

export async function findUnitRow(db: DbOrTx, countyCode: string, id: string): Promise<UnitListRow | null> {
  const [r] = await listQuery(db).where(and(eq(managementUnits.countyCode, countyCode), eq(managementUnits.id, id)));
  return r ?? null;
}

export async function findUnitByName(db: DbOrTx, countyCode: string, name: string, exceptId?: string) {
  const [u] = await db
    .select({ id: managementUnits.id })
    .from(managementUnits)
    .where(
      and(
        eq(managementUnits.countyCode, countyCode),
        eq(managementUnits.name, name),
        exceptId ? ne(managementUnits.id, exceptId) : undefined,
      ),
    );
  return u ?? null;
}

export async function countActiveSchools(db: DbOrTx, countyCode: string, unitId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(schools)
    .where(and(eq(schools.countyCode, countyCode), eq(schools.unitId, unitId), eq(schools.active, true)));
  return r.n;
}

export async function insertUnit(db: DbOrTx, v: typeof managementUnits.$inferInsert) {
  await db.insert(managementUnits).values(v);
}

export async function updateUnit(db: DbOrTx, countyCode: string, id: string, v: Partial<typeof managementUnits.$inferInsert>) {
  if (Object.values(v).every((x) => x === undefined)) return;
  await db
    .update(managementUnits)
    .set(v)
    .where(and(eq(managementUnits.countyCode, countyCode), eq(managementUnits.id, id)));
}
