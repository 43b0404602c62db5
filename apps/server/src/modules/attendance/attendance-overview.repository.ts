import { sql, type SQL } from 'drizzle-orm';
import { rows, type DbOrTx } from '../../db/client';
import { classScopeSql } from '../../policies/scope-sql';
import type { Scope } from '../../policies/actor';

/** The overview's reads (issue 6, item 2): every active class in scope with its report of the day, and who is absent. */

export type ClassDayRow = {
  classId: string;
  className: string;
  grade: number;
  schoolId: string;
  schoolName: string;
  townshipCode: string;
  townshipName: string | null;
  headTeacherName: string | null;
  reported: boolean;
  enrolled: number;
  present: number;
  unexplained: number;
};

export type OverviewFilter = { townshipCode?: string; schoolId?: string; classIds?: string[] };

function filterSql(f: OverviewFilter): SQL {
  const parts: SQL[] = [];
  if (f.townshipCode) parts.push(sql`s.township_code = ${f.townshipCode}`);
  if (f.schoolId) parts.push(sql`s.id = ${f.schoolId}`);
  return parts.length ? sql` and ${sql.join(parts, sql` and `)}` : sql``;
}

/**
 * The class's report of the day, by (class, date) — as a lateral subquery, so that the classes in view drive the read
 * whatever the statistics say (`limit 1` keeps the planner from flattening it; during the morning burst they lag behind the reports coming in, and the planner would
 * otherwise walk all of the county's reports of the day for one school).
 */
const reportOfDay = (date: string) =>
  sql`select r.id, r.county_code, r.enrolled, r.present, r.unexplained from attendance_reports r
      where r.county_code = classes.county_code and r.class_id = classes.id and r.date = ${date}
      order by r.county_code, r.class_id, r.date limit 1`;

export async function classesOfDay(db: DbOrTx, scope: Scope, date: string, f: OverviewFilter): Promise<ClassDayRow[]> {
  return rows<ClassDayRow>(
    db,
    sql`select classes.id as "classId", classes.name as "className", classes.grade, s.id as "schoolId", s.name as "schoolName",
          s.township_code as "townshipCode", d.name as "townshipName", u.display_name as "headTeacherName",
          (r.id is not null) as reported, coalesce(r.enrolled, 0) as enrolled, coalesce(r.present, 0) as present,
          coalesce(r.unexplained, 0) as unexplained
        from classes
        join schools s on s.county_code = classes.county_code and s.id = classes.school_id
        left join divisions d on d.county_code = s.county_code and d.code = s.township_code
        left join lateral (select display_name from users where id = classes.head_teacher_id limit 1) u on true
        left join lateral (${reportOfDay(date)}) r on true
        where ${classScopeSql(scope)} and classes.active ${filterSql(f)}
        order by s.township_code, s.name, classes.grade, classes.name`,
  );
}

export type AbsentRow = {
  childId: string;
  name: string;
  gender: string;
  idNumber: string | null;
  classId: string;
  className: string;
  grade: number;
  schoolName: string;
  reason: string;
  contactResult: string | null;
  note: string | null;
};

/**
 * Who is absent on the day (not 迟到), most urgent first. Read through the classes in view — a school's few classes,
 * each one's report of the day by (class, date), then its absences by report — never through the county's absences of
 * the day: during the morning burst the school view costs what the school is, not what the county has reported. The
 * classes in view are a materialized CTE so that the join order holds even while the statistics lag the burst.
 */
export async function absentOn(db: DbOrTx, scope: Scope, date: string, f: OverviewFilter): Promise<AbsentRow[]> {
  return rows<AbsentRow>(
    db,
    sql`with classes_in_view as materialized (
          select classes.county_code, classes.id, classes.name, classes.grade, s.name as school_name
          from classes join schools s on s.county_code = classes.county_code and s.id = classes.school_id
          where ${classScopeSql(scope)} ${filterSql(f)})
        select a.child_id as "childId", c.name, c.gender, c.id_number as "idNumber", classes.id as "classId", classes.name as "className",
          classes.grade, classes.school_name as "schoolName", a.reason, a.contact_result as "contactResult", a.note
        from classes_in_view classes
        join lateral (${reportOfDay(date)}) r on true
        join absences a on a.county_code = r.county_code and a.report_id = r.id
        join children c on c.county_code = a.county_code and c.id = a.child_id
        where a.reason <> '迟到'
        order by (a.reason = '无故缺勤') desc, classes.school_name, classes.grade, classes.name, c.name
        limit 1000`,
  );
}
