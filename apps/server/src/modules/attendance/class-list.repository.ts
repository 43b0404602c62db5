import { sql } from 'drizzle-orm';
import { rows, type DbOrTx } from '../../db/client';

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

/** The same class-name forms the 学籍 feed accepts ("1班", "1", "(1)"). */
const classNameMatch = (col: string, name: string) =>
  sql`(${sql.raw(col)} = ${name} or ${sql.raw(col)} || '班' = ${name} or '(' || ${name} || ')' = ${sql.raw(col)})`;

export async function loadClassList(db: DbOrTx, c: ClassRef): Promise<ClassList> {
  const [snap] = await rows<{ id: string; committedAt: string | null }>(
    db,
    sql`select id, committed_at::text as "committedAt" from registry_snapshots
        where county_code = ${c.countyCode} and kind = 'roster' and scope_kind = 'school' and scope_id = ${c.schoolId}
          and status = 'committed' limit 1`,
  );
  if (!snap) {
    const members = await rows<ListedChild>(
      db,
      sql`select id as "childId", name, gender, student_no as "studentNo" from children
          where county_code = ${c.countyCode} and class_id = ${c.id} and status = '在读'
          order by student_no nulls last, name`,
    );
    return { source: 'registry', rosterCheckDate: null, children: members, unmatched: [], unlisted: [] };
  }
  const listed = await rows<{ rowNo: number; name: string; studentNo: string | null; childId: string | null; gender: string | null }>(
    db,
    sql`select r.row_no as "rowNo", r.name, r.student_no as "studentNo", m.id as "childId", coalesce(m.gender, r.gender) as gender
        from roster_entries r
        left join lateral (
          select ch.id, ch.gender from children ch
          where ch.county_code = r.county_code
            and ((r.id_number is not null and ch.id_number = r.id_number)
              or (ch.school_id = ${c.schoolId} and ch.grade = r.grade and ch.name = r.name))
          order by (ch.id_number = r.id_number) desc nulls last limit 1
        ) m on true
        where r.county_code = ${c.countyCode} and r.snapshot_id = ${snap.id} and r.grade = ${c.grade}
          and ${classNameMatch('r.class_name', c.name)}
        order by r.row_no`,
  );
  const seen = new Set<string>();
  const children: ListedChild[] = [];
  const unmatched: ClassList['unmatched'] = [];
  for (const r of listed) {
    if (!r.childId) unmatched.push({ rowNo: r.rowNo, name: r.name, studentNo: r.studentNo });
    else if (!seen.has(r.childId)) {
      seen.add(r.childId);
      children.push({ childId: r.childId, name: r.name, gender: r.gender ?? '', studentNo: r.studentNo });
    }
  }
  const unlisted = await rows<ListedChild>(
    db,
    sql`select ch.id as "childId", ch.name, ch.gender, ch.student_no as "studentNo" from children ch
        where ch.county_code = ${c.countyCode} and ch.class_id = ${c.id} and ch.status = '在读'
          and not exists (
            select 1 from roster_entries r where r.county_code = ch.county_code and r.snapshot_id = ${snap.id}
              and ((r.id_number is not null and r.id_number = ch.id_number) or (r.grade = ch.grade and r.name = ch.name)))
        order by ch.name`,
  );
  return { source: 'roster', rosterCheckDate: snap.committedAt?.slice(0, 10) ?? null, children, unmatched, unlisted };
}
