import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { children, classes, findings, schools } from '../db/schema/index';
import type { Scope } from './actor';

const FALSE = sql`false`;

/** WHERE clause limiting `children` rows to the scope (the SQL twin of childVisible). */
export function childScopeSql(scope: Scope): SQL {
  const county = eq(children.countyCode, scope.countyCode);
  if (scope.county) return county;
  const parts: SQL[] = [];
  if (scope.schoolIds.length) parts.push(inArray(children.schoolId, scope.schoolIds));
  if (scope.classIds.length) parts.push(inArray(children.classId, scope.classIds));
  if (scope.townshipCodes.length) parts.push(inArray(children.householdTownshipCode, scope.townshipCodes));
  if (scope.villageCodes.length) parts.push(inArray(children.householdVillageCode, scope.villageCodes));
  return and(county, parts.length ? or(...parts) : FALSE) as SQL;
}

/** Schools an actor sees: their own schools, plus the schools of their classes (read). */
export function schoolScopeSql(scope: Scope, classSchoolIds: string[] = []): SQL {
  const county = eq(schools.countyCode, scope.countyCode);
  if (scope.county) return county;
  const ids = [...scope.schoolIds, ...classSchoolIds];
  return and(county, ids.length ? inArray(schools.id, ids) : FALSE) as SQL;
}

export function classScopeSql(scope: Scope): SQL {
  const county = eq(classes.countyCode, scope.countyCode);
  if (scope.county) return county;
  const parts: SQL[] = [];
  if (scope.schoolIds.length) parts.push(inArray(classes.schoolId, scope.schoolIds));
  if (scope.classIds.length) parts.push(inArray(classes.id, scope.classIds));
  return and(county, parts.length ? or(...parts) : FALSE) as SQL;
}

/** Findings are assigned by jurisdiction (a school, or the household's township/village): visible to whoever holds it. */
export function findingScopeSql(scope: Scope): SQL {
  const county = eq(findings.countyCode, scope.countyCode);
  if (scope.county) return county;
  const parts: SQL[] = [];
  if (scope.schoolIds.length) parts.push(inArray(findings.schoolId, scope.schoolIds));
  if (scope.townshipCodes.length) parts.push(inArray(findings.townshipCode, scope.townshipCodes));
  if (scope.villageCodes.length) parts.push(inArray(findings.villageCode, scope.villageCodes));
  return and(county, parts.length ? or(...parts) : FALSE) as SQL;
}

export function findingVisible(
  scope: Scope,
  f: { countyCode: string; schoolId: string | null; townshipCode: string | null; villageCode: string | null },
): boolean {
  if (f.countyCode !== scope.countyCode) return false;
  if (scope.county) return true;
  return (
    (f.schoolId !== null && scope.schoolIds.includes(f.schoolId)) ||
    (f.townshipCode !== null && scope.townshipCodes.includes(f.townshipCode)) ||
    (f.villageCode !== null && scope.villageCodes.includes(f.villageCode))
  );
}
