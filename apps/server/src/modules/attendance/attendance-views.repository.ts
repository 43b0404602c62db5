import { sql } from 'drizzle-orm';
import { rows, type DbOrTx } from '../../db/client';
import type { Scope } from '../../policies/actor';
import { classScopeSql } from '../../policies/scope-sql';

/** Reads of the term-start check (seed 001) and the child's attendance (issue 6, item 6). */

export type TermStartRow = {
  childId: string;
  name: string;
  gender: string;
  classId: string;
  className: string;
  grade: number | null;
  schoolId: string;
  schoolName: string;
  firstDayReason: string;
  latestDate: string;
  latestReason: string | null;
  latestContactResult: string | null;
  latestNote: string | null;
  caseId: string | null;
};

export type TermStartFilter = { townshipCode?: string; schoolId?: string; classId?: string };

/** The page's filters within the user's scope (schools `s`, classes `classes`). */
const filterSql = (v: TermStartFilter) =>
  sql`${v.townshipCode ? sql`and s.township_code = ${v.townshipCode}` : sql``} ${v.schoolId ? sql`and s.id = ${v.schoolId}` : sql``} ${
    v.classId ? sql`and classes.id = ${v.classId}` : sql``
  }`;

/**
 * Students not reported present on the first school day (any absence but 迟到), with what the latest report of the
 * first week says of them (up to `until`), and their open case.
 */
export async function termStartChildren(
  db: DbOrTx,
  scope: Scope,
  v: { firstDay: string; until: string } & TermStartFilter,
): Promise<TermStartRow[]> {
  return rows<TermStartRow>(
    db,
    sql`select a.child_id as "childId", c.name, c.gender, classes.id as "classId", classes.name as "className", classes.grade,
          s.id as "schoolId", s.name as "schoolName", a.reason as "firstDayReason", lr.date::text as "latestDate",
          la.reason as "latestReason", la.contact_result as "latestContactResult", la.note as "latestNote", k.id as "caseId"
        from absences a
        join classes on classes.county_code = a.county_code and classes.id = a.class_id
        join schools s on s.county_code = classes.county_code and s.id = classes.school_id
        join children c on c.county_code = a.county_code and c.id = a.child_id
        join lateral (
          select r.id, r.date from attendance_reports r
          where r.county_code = a.county_code and r.class_id = a.class_id and r.date between ${v.firstDay} and ${v.until}
          order by r.date desc limit 1
        ) lr on true
        left join absences la on la.county_code = a.county_code and la.report_id = lr.id and la.child_id = a.child_id
        left join cases k on k.county_code = a.county_code and k.child_id = a.child_id and k.closed_at is null
        where a.county_code = ${scope.countyCode} and a.date = ${v.firstDay} and a.reason <> '迟到' and ${classScopeSql(scope)}
          ${filterSql(v)}
        order by s.name, classes.grade, classes.name, c.name`,
  );
}

export async function classesWithoutReport(db: DbOrTx, scope: Scope, date: string, v: TermStartFilter) {
  return rows<{
    classId: string;
    className: string;
    grade: number;
    schoolId: string;
    schoolName: string;
    townshipName: string | null;
    headTeacherName: string | null;
  }>(
    db,
    sql`select classes.id as "classId", classes.name as "className", classes.grade, s.id as "schoolId", s.name as "schoolName",
          d.name as "townshipName", u.display_name as "headTeacherName"
        from classes
        join schools s on s.county_code = classes.county_code and s.id = classes.school_id
        left join divisions d on d.county_code = s.county_code and d.code = s.township_code
        left join users u on u.id = classes.head_teacher_id
        where ${classScopeSql(scope)} and classes.active ${filterSql(v)}
          and not exists (select 1 from attendance_reports r where r.county_code = classes.county_code and r.class_id = classes.id
            and r.date = ${date})
        order by s.name, classes.grade, classes.name`,
  );
}

/** The child's marks and the dates its class reported, in [from, to]. */
export async function childMarks(db: DbOrTx, countyCode: string, childId: string, classId: string | null, from: string, to: string) {
  const [marks, reported] = await Promise.all([
    rows<{ date: string; reason: string; contactResult: string | null; note: string | null }>(
      db,
      sql`select date::text as date, reason, contact_result as "contactResult", note from absences
          where county_code = ${countyCode} and child_id = ${childId} and date between ${from} and ${to}
          order by date desc`,
    ),
    classId
      ? rows<{ date: string }>(
          db,
          sql`select date::text as date from attendance_reports
              where county_code = ${countyCode} and class_id = ${classId} and date between ${from} and ${to}`,
        )
      : Promise.resolve([]),
  ]);
  return { marks, reported: reported.map((r) => r.date) };
}
