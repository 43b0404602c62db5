import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { classes, counties, divisions, managementUnits, schools } from '../../db/schema/index';
import type { Grant } from '../../policies/actor';
import { isUuid } from '../auth/auth.repository';
import { gradeLabel } from '../classes/grade';

/** Human names for grant scopes ("荥阳市", "广武镇中心校", "广武镇第一小学 三年级2班"…). */
export async function scopeNames(db: DbOrTx, countyCode: string, grants: Grant[]): Promise<Map<string, string>> {
  const ids = (kind: Grant['scopeKind']) => [...new Set(grants.filter((g) => g.scopeKind === kind).map((g) => g.scopeId))];
  const out = new Map<string, string>();
  const key = (kind: string, id: string) => `${kind}:${id}`;
  const countyIds = ids('county');
  if (countyIds.length) {
    for (const c of await db.select().from(counties).where(inArray(counties.code, countyIds))) out.set(key('county', c.code), c.name);
  }
  const unitIds = ids('unit').filter(isUuid);
  if (unitIds.length) {
    const rows = await db
      .select({ id: managementUnits.id, name: managementUnits.name })
      .from(managementUnits)
      .where(and(eq(managementUnits.countyCode, countyCode), inArray(managementUnits.id, unitIds)));
    for (const r of rows) out.set(key('unit', r.id), r.name);
  }
  const divIds = [...ids('township'), ...ids('village')];
  if (divIds.length) {
    const rows = await db
      .select({ code: divisions.code, name: divisions.name, level: divisions.level })
      .from(divisions)
      .where(and(eq(divisions.countyCode, countyCode), inArray(divisions.code, divIds)));
    for (const r of rows) out.set(key(r.level, r.code), r.name);
  }
  const schoolIds = ids('school').filter(isUuid);
  if (schoolIds.length) {
    const rows = await db
      .select({ id: schools.id, name: schools.name })
      .from(schools)
      .where(and(eq(schools.countyCode, countyCode), inArray(schools.id, schoolIds)));
    for (const r of rows) out.set(key('school', r.id), r.name);
  }
  const classIds = ids('class').filter(isUuid);
  if (classIds.length) {
    const rows = await db
      .select({ id: classes.id, grade: classes.grade, name: classes.name, schoolName: schools.name })
      .from(classes)
      .innerJoin(schools, and(eq(schools.countyCode, classes.countyCode), eq(schools.id, classes.schoolId)))
      .where(and(eq(classes.countyCode, countyCode), inArray(classes.id, classIds)));
    for (const r of rows) out.set(key('class', r.id), `${r.schoolName} ${gradeLabel(r.grade)}${r.name}`);
  }
  for (const d of ids('department')) out.set(key('department', d), d);
  return out;
}

export const scopeNameOf = (names: Map<string, string>, g: Grant) => names.get(`${g.scopeKind}:${g.scopeId}`) ?? '（未知范围）';
