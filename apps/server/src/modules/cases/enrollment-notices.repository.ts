import { and, asc, between, eq, inArray, isNull, lte, notInArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { children, counties, divisions, managementUnits, schools } from '../../db/schema/index';

/** Statuses of children who are not sent a notice: they left, died, or are abroad. */
const GONE = ['死亡', '户籍迁出', '出国'];
/** Schools that take grade 1. */
const PRIMARY = ['小学', '九年一贯制', '教学点'];

/** The coming grade-1 cohort: born in [from, to], household in the township (or the county), not gone, not past grade 1. */
export async function cohort(db: DbOrTx, countyCode: string, townshipCode: string | null, from: string, to: string) {
  return db
    .select({
      id: children.id,
      name: children.name,
      gender: children.gender,
      birthDate: children.birthDate,
      guardianName: children.guardianName,
      schoolId: children.schoolId,
      villageCode: children.householdVillageCode,
      townshipCode: children.householdTownshipCode,
    })
    .from(children)
    .where(
      and(
        eq(children.countyCode, countyCode),
        townshipCode ? eq(children.householdTownshipCode, townshipCode) : undefined,
        between(children.birthDate, from, to),
        notInArray(children.status, GONE),
        or(isNull(children.grade), lte(children.grade, 1)),
      ),
    )
    .orderBy(asc(children.householdVillageCode), asc(children.namePinyin), asc(children.id));
}

export async function primarySchools(db: DbOrTx, countyCode: string) {
  return db
    .select({
      id: schools.id,
      name: schools.name,
      type: schools.type,
      townshipCode: schools.townshipCode,
      villageCode: schools.villageCode,
    })
    .from(schools)
    .where(and(eq(schools.countyCode, countyCode), eq(schools.active, true), inArray(schools.type, PRIMARY)))
    .orderBy(asc(schools.code));
}

export async function names(db: DbOrTx, countyCode: string, townshipCode: string | null, unitIds: string[]) {
  const [county] = await db.select({ name: counties.name }).from(counties).where(eq(counties.code, countyCode));
  const [township] = townshipCode
    ? await db
        .select({ name: divisions.name })
        .from(divisions)
        .where(and(eq(divisions.countyCode, countyCode), eq(divisions.code, townshipCode)))
    : [];
  const units = unitIds.length
    ? await db
        .select({ name: managementUnits.name, townshipCode: managementUnits.townshipCode })
        .from(managementUnits)
        .where(and(eq(managementUnits.countyCode, countyCode), inArray(managementUnits.id, unitIds)))
    : [];
  return { county: county?.name ?? countyCode, township: township?.name ?? null, units };
}
