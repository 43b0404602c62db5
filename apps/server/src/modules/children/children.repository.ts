import { aliasedTable, and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { children, childKeyGroups, classes, divisions, schools } from '../../db/schema/index';
import type { Scope } from '../../policies/actor';
import { childScopeSql } from '../../policies/scope-sql';
import { likeEscape } from '../../lib/paging';

export type ChildFilter = {
  q?: string;
  townshipCode?: string;
  villageCode?: string;
  schoolId?: string;
  classId?: string;
  grade?: number;
  keyGroup?: string;
  status?: string;
};

const township = aliasedTable(divisions, 'township');
const village = aliasedTable(divisions, 'village');

/** Search words: a name, pinyin initials, 学籍号, a full ID, the last 4 of an ID, or a masked ID (410182********1234). */
export function childSearchSql(q: string): SQL {
  const s = q.replace(/\s/g, '');
  const masked = /^(\d{6})\*+(\d{3}[\dXx])$/.exec(s);
  if (masked)
    return and(sql`${children.idNumber} like ${masked[1] + '%'}`, sql`${children.idNumber} like ${'%' + masked[2].toUpperCase()}`) as SQL;
  if (/^\d{17}[\dXx]$/.test(s)) return eq(children.idNumber, s.toUpperCase());
  if (/^\d{3}[\dXx]$/.test(s)) return sql`${children.idNumber} like ${'%' + s.toUpperCase()}`;
  if (/^[GJLgjl]\d{6,}/.test(s)) return eq(children.studentNo, s.toUpperCase());
  if (/^[a-z]+$/i.test(s)) {
    const low = s.toLowerCase();
    return or(
      sql`${children.nameInitials} like ${likeEscape(low) + '%'}`,
      sql`${children.namePinyin} like ${likeEscape(low) + '%'}`,
    ) as SQL;
  }
  return ilike(children.name, `%${likeEscape(s)}%`);
}

function whereOf(countyCode: string, scope: Scope, f: ChildFilter): SQL {
  const conds: SQL[] = [eq(children.countyCode, countyCode), childScopeSql(scope)];
  if (f.q) conds.push(childSearchSql(f.q));
  if (f.townshipCode) conds.push(or(eq(children.householdTownshipCode, f.townshipCode), eq(schools.townshipCode, f.townshipCode)) as SQL);
  if (f.villageCode) conds.push(eq(children.householdVillageCode, f.villageCode));
  if (f.schoolId) conds.push(eq(children.schoolId, f.schoolId));
  if (f.classId) conds.push(eq(children.classId, f.classId));
  if (f.grade) conds.push(eq(children.grade, f.grade));
  if (f.status) conds.push(eq(children.status, f.status));
  if (f.keyGroup) {
    conds.push(
      sql`exists (select 1 from ${childKeyGroups} where ${childKeyGroups.countyCode} = ${children.countyCode} and ${childKeyGroups.childId} = ${children.id} and ${childKeyGroups.group} = ${f.keyGroup})`,
    );
  }
  return and(...conds) as SQL;
}

const keyGroupsAgg = sql<
  string[]
>`coalesce((select array_agg(distinct ${childKeyGroups.group}) from ${childKeyGroups} where ${childKeyGroups.countyCode} = ${children.countyCode} and ${childKeyGroups.childId} = ${children.id}), '{}')`;

const columns = {
  child: children,
  schoolName: schools.name,
  schoolTownshipCode: schools.townshipCode,
  className: classes.name,
  townshipName: township.name,
  villageName: village.name,
  keyGroups: keyGroupsAgg,
};

function baseQuery(db: DbOrTx) {
  return db
    .select(columns)
    .from(children)
    .leftJoin(schools, and(eq(schools.countyCode, children.countyCode), eq(schools.id, children.schoolId)))
    .leftJoin(classes, and(eq(classes.countyCode, children.countyCode), eq(classes.id, children.classId)))
    .leftJoin(township, and(eq(township.countyCode, children.countyCode), eq(township.code, children.householdTownshipCode)))
    .leftJoin(village, and(eq(village.countyCode, children.countyCode), eq(village.code, children.householdVillageCode)));
}

export type ChildRow = Awaited<ReturnType<typeof findChild>> & object;

export async function listChildren(db: DbOrTx, countyCode: string, scope: Scope, f: ChildFilter, limit: number, offset: number) {
  const where = whereOf(countyCode, scope, f);
  const [items, [{ total }]] = await Promise.all([
    baseQuery(db).where(where).orderBy(asc(children.grade), asc(children.name), asc(children.id)).limit(limit).offset(offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(children)
      .leftJoin(schools, and(eq(schools.countyCode, children.countyCode), eq(schools.id, children.schoolId)))
      .where(where),
  ]);
  return { items, total };
}

/** The child if it exists in the county (scope is decided by the caller, so that out-of-scope answers 404 too). */
export async function findChild(db: DbOrTx, countyCode: string, id: string) {
  const [r] = await baseQuery(db).where(and(eq(children.countyCode, countyCode), eq(children.id, id)));
  return r ?? null;
}

export async function keyGroupFlags(db: DbOrTx, countyCode: string, childId: string) {
  return db
    .select({ group: childKeyGroups.group, source: childKeyGroups.source, sourceLabel: childKeyGroups.sourceLabel })
    .from(childKeyGroups)
    .where(and(eq(childKeyGroups.countyCode, countyCode), eq(childKeyGroups.childId, childId)))
    .orderBy(asc(childKeyGroups.group));
}

/** Committed registry rows that carry the child's ID number, newest snapshot first. */
export async function registryMentions(db: DbOrTx, countyCode: string, idNumber: string | null) {
  if (!idNumber) return [];
  const res = (await db.execute(sql`
    select s.kind, s.file_name as "fileName", r.row_no as "rowNo", r.name, s.committed_at as "committedAt"
    from registry_snapshots s
    join lateral (
      select row_no, name from household_records where s.kind = 'hukou' and county_code = s.county_code and snapshot_id = s.id and id_number = ${idNumber}
      union all select row_no, name from student_records where s.kind = 'xueji' and county_code = s.county_code and snapshot_id = s.id and id_number = ${idNumber}
      union all select row_no, name from roster_entries where s.kind = 'roster' and county_code = s.county_code and snapshot_id = s.id and id_number = ${idNumber}
      union all select row_no, name from poverty_records where s.kind = 'poverty' and county_code = s.county_code and snapshot_id = s.id and id_number = ${idNumber}
      union all select row_no, name from disability_records where s.kind = 'disability' and county_code = s.county_code and snapshot_id = s.id and id_number = ${idNumber}
    ) r on true
    where s.county_code = ${countyCode} and s.status = 'committed'
    order by s.committed_at desc, r.row_no
    limit 50`)) as unknown as {
    rows: { kind: string; fileName: string; rowNo: number; name: string; committedAt: Date | string | null }[];
  };
  return res.rows;
}

export async function identityHistory(db: DbOrTx, countyCode: string, childId: string) {
  const res = (await db.execute(sql`
    select at, field, old_value as "oldValue", new_value as "newValue", source_label as "sourceLabel"
    from child_identity_history where county_code = ${countyCode} and child_id = ${childId}
    order by at desc, seq desc limit 100`)) as unknown as {
    rows: { at: Date | string; field: string; oldValue: string | null; newValue: string | null; sourceLabel: string }[];
  };
  return res.rows;
}
