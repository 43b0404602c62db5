import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { MonthlyFigures } from '@notoneless/shared';
import { rows, type DbOrTx } from '../../db/client';
import { monthlyReports } from '../../db/schema/index';
import type { ReportRow } from './monthly-reports.repository';
import type { FrozenSchool } from './unit-report-rules';

/**
 * The 中心校's report of its township: monthly_reports rows of level 'unit' (unit_id, month, version). Its figures are
 * the sums of its schools' frozen figures and which school versions they came from.
 */
export type UnitFrozen = { figures: MonthlyFigures; schools: FrozenSchool[] };

export type UnitInfo = { id: string; name: string; kind: string; townshipCode: string | null; townshipName: string | null };

const unitSelect = sql`select u.id, u.name, u.kind, u.township_code as "townshipCode", d.name as "townshipName"
  from management_units u
  left join divisions d on d.county_code = u.county_code and d.code = u.township_code`;

export async function findUnit(db: DbOrTx, county: string, unitId: string): Promise<UnitInfo | null> {
  const [u] = await rows<UnitInfo>(db, sql`${unitSelect} where u.county_code = ${county} and u.id = ${unitId}`);
  return u ?? null;
}

/** The units (not the bureau) of these ids, by id. */
export async function unitsByIds(db: DbOrTx, county: string, ids: string[]): Promise<Map<string, UnitInfo>> {
  if (!ids.length) return new Map();
  const found = await rows<UnitInfo>(
    db,
    sql`${unitSelect} where u.county_code = ${county} and u.kind <> 'bureau' and u.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return new Map(found.map((u) => [u.id, u]));
}

const unitRows = (county: string, month: string) =>
  and(eq(monthlyReports.countyCode, county), eq(monthlyReports.level, 'unit'), eq(monthlyReports.month, month));

/** Every version of a unit's month, newest first. */
export async function unitVersionsOf(db: DbOrTx, county: string, unitId: string, month: string): Promise<ReportRow[]> {
  return db
    .select()
    .from(monthlyReports)
    .where(and(unitRows(county, month), eq(monthlyReports.unitId, unitId)))
    .orderBy(desc(monthlyReports.version));
}

/** The current (newest) version of each of these units' month, by unit id. */
export async function currentUnitReports(db: DbOrTx, county: string, month: string, unitIds: string[]): Promise<Map<string, ReportRow>> {
  if (!unitIds.length) return new Map();
  const all = await db
    .select()
    .from(monthlyReports)
    .where(and(unitRows(county, month), inArray(monthlyReports.unitId, unitIds)))
    .orderBy(desc(monthlyReports.version));
  const current = new Map<string, ReportRow>();
  for (const r of all) if (r.unitId && !current.has(r.unitId)) current.set(r.unitId, r);
  return current;
}

export async function insertUnitReport(
  tx: DbOrTx,
  v: { countyCode: string; unitId: string; month: string; version: number; correctionReason: string | null; now: Date },
): Promise<string> {
  const id = uuidv7();
  await tx.insert(monthlyReports).values({
    countyCode: v.countyCode,
    id,
    level: 'unit',
    schoolId: null,
    unitId: v.unitId,
    month: v.month,
    version: v.version,
    status: 'submitted',
    explanations: {},
    correctionReason: v.correctionReason,
    createdAt: v.now,
    updatedAt: v.now,
  });
  return id;
}
