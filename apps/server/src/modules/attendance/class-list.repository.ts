import { sql, type SQL } from 'drizzle-orm';
import { preparedRows, rows, type DbOrTx } from '../../db/client';

/**
 * The class list of a day (issue 6, item 1): the class as it really is — the rows of the school's latest committed
 * roster (在校名册) for this grade and class — never built from 学籍, which would hide 空挂学籍 (seed 003). Roster rows
 * are matched to children by ID number, else by name among the school's children of the grade. Only when the school has
 * no committed roster does the list fall back to the children registry's members of the class.
 */
export type ClassRef = { countyCode: string; id: string; schoolId: string; grade: number; name: string };
export type ListedChild = { childId: string; name: string; gender: string; studentNo: string | null };
export type ClassList = {
  source: 'roster' | 'registry';
  rosterCheckDate: string | null;
  children: ListedChild[];
  /** roster rows matching no child (人在籍不在) */
  unmatched: { rowNo: number; name: string; studentNo: string | null }[];
  /** 学籍 students of the class on no class list of the school's roster */
  unlisted: ListedChild[];
};

/**
 * The same class-name forms the 学籍 feed accepts ("1班", "1", "(1)"): the column is the name, the name without its
 * trailing 班, or the name in brackets — written as one IN list so that roster_entries_class_idx finds the rows.
 */
const classNameMatch = (col: string, name: SQL) =>
  sql`${sql.raw(col)} in (${name}, case when right(${name}, 1) = '班' then left(${name}, -1) end, '(' || ${name} || ')')`;

export type ListRow = {
  kind: 'snapshot' | 'roster' | 'registry';
  snapshotId: string | null;
  committedAt: string | null;
  rowNo: number;
  name: string;
  studentNo: string | null;
  childId: string | null;
  gender: string | null;
};

/** A class as SQL expressions: parameters, or columns of a CTE when the list is read with other facts in one statement. */
export type ClassSql = { countyCode: SQL; id: SQL; schoolId: SQL; grade: SQL; name: SQL };

/**
 * The class list as one query (every 到校日报 submission reads it, issue 6 "Load"): the school's committed roster (a
 * 'snapshot' row), its rows of the class matched to children — by ID number through the index first, by name among the
 * school's children of the grade only when that finds nobody — or, with no committed roster, the class's members in the
 * children registry. Rows in list order (roster row number; registry: 学号, name).
 */
export function classListSql(c: ClassSql): SQL {
  return sql`select * from (
      with snap as (
        select id, committed_at from registry_snapshots
        where county_code = ${c.countyCode} and kind = 'roster' and scope_kind = 'school' and scope_id = (${c.schoolId})::text
          and status = 'committed'
        limit 1)
      select 'snapshot' as kind, snap.id as "snapshotId", snap.committed_at::text as "committedAt", -1 as "rowNo", '' as name,
        null::text as "studentNo", null::uuid as "childId", null::text as gender
      from snap
      union all
      select 'roster', null, null, r.row_no, r.name, r.student_no, m.id, coalesce(m.gender, r.gender)
      from snap join roster_entries r on r.county_code = ${c.countyCode} and r.snapshot_id = snap.id
      left join lateral (
        -- the union's branches run in order: the name lookup only when the ID number found nobody
        select x.id, x.gender from (
          (select ch.id, ch.gender from children ch
            where r.id_number is not null and ch.county_code = r.county_code and ch.id_number = r.id_number limit 1)
          union all
          (select ch.id, ch.gender from children ch
            where ch.county_code = r.county_code and ch.school_id = ${c.schoolId} and ch.grade = r.grade and ch.name = r.name limit 1)
        ) x limit 1
      ) m on true
      where r.grade = ${c.grade} and ${classNameMatch('r.class_name', c.name)}
      union all
      select 'registry', null, null, 0, ch.name, ch.student_no, ch.id, ch.gender from children ch
      where ch.county_code = ${c.countyCode} and ch.class_id = ${c.id} and ch.status = '在读' and not exists (select 1 from snap)
    ) l
    order by "rowNo", "studentNo" nulls last, name`;
}

/** The class list from its rows (see classListSql), without the 学籍 students missing from it. */
export function membersOf(listed: ListRow[]): Omit<ClassList, 'unlisted'> & { snapshotId: string | null } {
  const snap = listed.find((r) => r.kind === 'snapshot');
  if (!snap) {
    const children = listed.map((r) => ({ childId: r.childId!, name: r.name, gender: r.gender ?? '', studentNo: r.studentNo }));
    return { source: 'registry', rosterCheckDate: null, children, unmatched: [], snapshotId: null };
  }
  const seen = new Set<string>();
  const children: ListedChild[] = [];
  const unmatched: ClassList['unmatched'] = [];
  for (const r of listed) {
    if (r.kind !== 'roster') continue;
    if (!r.childId) unmatched.push({ rowNo: r.rowNo, name: r.name, studentNo: r.studentNo });
    else if (!seen.has(r.childId)) {
      seen.add(r.childId);
      children.push({ childId: r.childId, name: r.name, gender: r.gender ?? '', studentNo: r.studentNo });
    }
  }
  return { source: 'roster', rosterCheckDate: snap.committedAt?.slice(0, 10) ?? null, children, unmatched, snapshotId: snap.snapshotId };
}

/** The class list without the 学籍 students missing from it. */
const classList = preparedRows<ListRow>('nol_att_class_list', () => {
  const P = sql.placeholder;
  return classListSql({
    countyCode: sql`${P('countyCode')}`,
    id: sql`${P('id')}`,
    schoolId: sql`${P('schoolId')}`,
    grade: sql`${P('grade')}`,
    name: sql`${P('name')}`,
  });
});

export async function loadClassMembers(db: DbOrTx, c: ClassRef) {
  return membersOf(await classList(db, { countyCode: c.countyCode, id: c.id, schoolId: c.schoolId, grade: c.grade, name: c.name }));
}

export async function loadClassList(db: DbOrTx, c: ClassRef): Promise<ClassList> {
  const { snapshotId, ...list } = await loadClassMembers(db, c);
  if (!snapshotId) return { ...list, unlisted: [] };
  const unlisted = await rows<ListedChild>(
    db,
    sql`select ch.id as "childId", ch.name, ch.gender, ch.student_no as "studentNo" from children ch
        where ch.county_code = ${c.countyCode} and ch.class_id = ${c.id} and ch.status = '在读'
          and not exists (
            select 1 from roster_entries r where r.county_code = ch.county_code and r.snapshot_id = ${snapshotId}
              and ((r.id_number is not null and r.id_number = ch.id_number) or (r.grade = ch.grade and r.name = ch.name)))
        order by ch.name`,
  );
  return { ...list, unlisted };
}
