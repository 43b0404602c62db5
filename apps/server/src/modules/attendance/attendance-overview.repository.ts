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
        left join users u on u.id = classes.head_teacher_id
        left join attendance_reports r on r.county_code = classes.county_code and r.class_id = classes.id and r.date = ${date}
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

export async function absentOn(db: DbOrTx, scope: Scope, date: string, f: OverviewFilter): Promise<AbsentRow[]> {
  return rows<AbsentRow>(
    db,
    sql`select a.child_id as "childId", c.name, c.gender, c.id_number as "idNumber", classes.id as "classId", classes.name as "className",
          classes.grade, s.name as "schoolName", a.reason, a.contact_result as "contactResult", a.note
        from absences a
        join classes on classes.county_code = a.county_code and classes.id = a.class_id
        join schools s on s.county_code = classes.county_code and s.id = classes.school_id
        join children c on c.county_code = a.county_code and c.id = a.child_id
        where a.county_code = ${scope.countyCode} and a.date = ${date} and a.reason <> '迟到' and ${classScopeSql(scope)} ${filterSql(f)}
        order by (a.reason = '无故缺勤') desc, s.name, classes.grade, classes.name, c.name
        limit 1000`,
  );
}
