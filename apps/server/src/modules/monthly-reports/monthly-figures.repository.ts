import { sql } from 'drizzle-orm';
import {
  buildMonthlyFigures,
  CASE_STATUS_LABELS,
  DEFERRAL_TYPE_LABELS,
  monthBounds,
  statisticsDay,
  type AttendingPerson,
  type CaseStatus,
  type DeferralType,
  type EnrolledChild,
  type Member,
  type MonthlyFigures,
  type SchoolCalendar,
} from '@notoneless/shared';
import { rows, type DbOrTx } from '../../db/client';

/**
 * A school's month computed from the platform's own data (issue 7 item 1; definitions: docs/domain/monthly-report.md):
 * 在籍 from the children registry (current 学籍), 在校 from the class lists (the school's committed 在校名册, else the
 * registry's class members) less the children absent on their class's report of the 统计时点, the facts behind each
 * gap cause, and the month's movements. The arithmetic itself is pure (rules/reports/monthly.ts).
 */

/** The statuses of a child whose 学籍 at the school is still current (在读 or 休学 in the 学籍 system; see the doc). */
export const CURRENT_XUEJI_STATUSES = ['在读', '休学', '送教上门', '疑似辍学', '辍学'];
const statusList = sql.join(
  CURRENT_XUEJI_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/** A roster row with no child behind it (人在、平台无其学籍): frozen with the report so drill-down can name it. */
export type RosterPerson = { name: string; gender: string; grade: number | null; className: string | null };
export type SchoolMonth = {
  figures: MonthlyFigures;
  members: Record<string, Member[]>;
  rosterPeople: Record<string, RosterPerson>;
};

const classNameMatch = (col: string, name: string) =>
  sql`(${sql.raw(col)} = ${sql.raw(name)} or ${sql.raw(col)} || '班' = ${sql.raw(name)} or '(' || ${sql.raw(name)} || ')' = ${sql.raw(col)})`;

export async function computeSchoolMonth(
  db: DbOrTx,
  p: { countyCode: string; schoolId: string; month: string; today: string; cal: SchoolCalendar; explanations: Record<string, string> },
): Promise<SchoolMonth> {
  const { countyCode: county, schoolId } = p;
  const { first, last } = monthBounds(p.month);
  const { asOf, schoolDays } = statisticsDay(p.month, p.today, p.cal);
  const monthEnd = p.today < last ? p.today : last;

  const [snap] = await rows<{ id: string }>(
    db,
    sql`select id from registry_snapshots where county_code = ${county} and kind = 'roster' and scope_kind = 'school'
          and scope_id = ${schoolId} and status = 'committed' limit 1`,
  );

  // 在籍: the school's children whose 学籍 is current, with the facts the gap causes need
  const enrolledRows = await rows<{
    id: string;
    grade: number;
    status: string;
    caseStatus: string | null;
    keyGroups: string[] | null;
    otherRoster: boolean;
    leave: string | null;
  }>(
    db,
    sql`with e as materialized (
          select c.id, c.grade, c.status, c.id_number from children c
          where c.county_code = ${county} and c.school_id = ${schoolId} and c.grade between 1 and 9 and c.status in (${statusList}))
        select e.id, e.grade, e.status, k.status as "caseStatus", kg.groups as "keyGroups", lv.leave, (o.id_number is not null) as "otherRoster"
        from e
        left join (select child_id, status from cases
          where county_code = ${county} and closed_at is null and child_id in (select id from e)) k on k.child_id = e.id
        left join (select child_id, array_agg(distinct "group") as groups from child_key_groups
          where county_code = ${county} and child_id in (select id from e) group by child_id) kg on kg.child_id = e.id
        left join (select distinct on (child_id) child_id, from_date::text || '至' || to_date::text as leave from leave_requests
          where county_code = ${county} and child_id in (select id from e) and status in ('approved', 'closed')
            and from_date <= ${asOf} and to_date >= ${asOf} and (closed_on is null or closed_on >= ${asOf})
          order by child_id, from_date) lv on lv.child_id = e.id
        left join (select distinct r.id_number from roster_entries r
          join registry_snapshots s on s.county_code = r.county_code and s.id = r.snapshot_id
          where s.county_code = ${county} and s.kind = 'roster' and s.status = 'committed' and s.scope_id <> ${schoolId}
            and r.id_number in (select id_number from e)) o on o.id_number = e.id_number`,
  );

  // each active class's report of the 统计时点, or its last report of the month before it
  const eff = sql`select distinct on (r.class_id) r.class_id, r.id, r.date from attendance_reports r
    where r.county_code = ${county} and r.school_id = ${schoolId} and r.date between ${first} and ${asOf}
    order by r.class_id, r.date desc`;
  type Listed = {
    childId: string | null;
    rowNo: number | null;
    name: string | null;
    gender: string | null;
    grade: number | null;
    className: string | null;
    reportDate: string | null;
    reason: string | null;
  };
  const listed = snap
    ? await rows<Listed>(
        db,
        sql`with eff as (${eff}), cls as (
              select id, grade, name from classes where county_code = ${county} and school_id = ${schoolId} and active)
            select m.id as "childId", r.row_no as "rowNo", r.name, coalesce(m.gender, r.gender) as gender, r.grade,
              r.class_name as "className", e.date::text as "reportDate", a.reason
            from roster_entries r
            left join lateral (
              select ch.id, ch.gender from children ch
              where ch.county_code = r.county_code
                and ((r.id_number is not null and ch.id_number = r.id_number)
                  or (ch.school_id = ${schoolId} and ch.grade = r.grade and ch.name = r.name))
              order by (ch.id_number = r.id_number) desc nulls last limit 1
            ) m on true
            left join cls k on k.grade = r.grade and ${classNameMatch('r.class_name', 'k.name')}
            left join eff e on e.class_id = k.id
            left join absences a on a.county_code = r.county_code and a.report_id = e.id and a.child_id = m.id
            where r.county_code = ${county} and r.snapshot_id = ${snap.id}
            order by r.row_no`,
      )
    : await rows<Listed>(
        db,
        sql`with eff as (${eff})
            select c.id as "childId", null::int as "rowNo", c.name, c.gender, k.grade, k.name as "className",
              e.date::text as "reportDate", a.reason
            from classes k
            join children c on c.county_code = k.county_code and c.class_id = k.id and c.status = '在读'
            left join eff e on e.class_id = k.id
            left join absences a on a.county_code = k.county_code and a.report_id = e.id and a.child_id = c.id
            where k.county_code = ${county} and k.school_id = ${schoolId} and k.active`,
      );

  const enrolledIds = new Set(enrolledRows.map((c) => c.id));
  const absentReason = new Map<string, { reason: string; date: string }>();
  const attending: AttendingPerson[] = [];
  const rosterPeople: Record<string, RosterPerson> = {};
  const seen = new Set<string>();
  for (const l of listed) {
    const id = l.childId ?? `roster:${snap?.id}:${l.rowNo}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (l.reason && l.reason !== '迟到') {
      absentReason.set(id, { reason: l.reason, date: l.reportDate ?? asOf });
      continue;
    }
    if (!l.childId) rosterPeople[id] = { name: l.name ?? '', gender: l.gender ?? '', grade: l.grade, className: l.className };
    const registered = l.childId !== null && enrolledIds.has(l.childId);
    const day = l.reportDate ? `${l.reportDate} 日报在校` : '本月未报日报，按名册计入';
    attending.push({
      id,
      grade: l.grade,
      registered,
      detail: registered ? `${l.className ?? ''} ${day}` : l.childId ? `在校名册有此人，学籍不在本校（借读等）；${day}` : `在校名册第 ${l.rowNo} 行，平台无其学籍；${day}`,
    });
  }

  const enrolled: EnrolledChild[] = enrolledRows.map((c) => {
    const absent = absentReason.get(c.id);
    const isAttending = seen.has(c.id) && !absent;
    const onLeave = !!c.leave || (absent !== undefined && (absent.reason === '病假' || absent.reason === '事假'));
    const why = [
      c.status !== '在读' ? `学籍状态：${c.status}` : null,
      c.caseStatus ? `个案：${CASE_STATUS_LABELS[c.caseStatus as CaseStatus] ?? c.caseStatus}` : null,
      c.leave ? `请假 ${c.leave}` : null,
      absent ? `${absent.date} 日报：${absent.reason}` : null,
      c.otherRoster ? '在他校在校名册上（转学未办结）' : null,
      !seen.has(c.id) && !absent ? '不在本校班级名单上' : null,
    ].filter(Boolean);
    return {
      id: c.id,
      grade: c.grade,
      status: c.status,
      caseStatus: c.caseStatus,
      onOtherSchoolRoster: c.otherRoster,
      onLeave,
      explanation: p.explanations[c.id] ?? null,
      keyGroups: c.keyGroups ?? [],
      attending: isAttending,
      detail: why.join('；') || '在读',
    };
  });

  // the month's movements (cases of the school, approvals, 送教上门)
  const cases = await rows<{ childId: string; reportedOn: string; confirmedOn: string | null; returnedOn: string | null; status: string }>(
    db,
    sql`select child_id as "childId", reported_on::text as "reportedOn", confirmed_on::text as "confirmedOn",
          returned_on::text as "returnedOn", status from cases
        where county_code = ${county} and school_id = ${schoolId}
          and (reported_on between ${first} and ${monthEnd} or confirmed_on between ${first} and ${monthEnd}
            or returned_on between ${first} and ${monthEnd})`,
  );
  const inMonth = (d: string | null) => d !== null && d >= first && d <= monthEnd;
  const label = (s: string) => CASE_STATUS_LABELS[s as CaseStatus] ?? s;
  const deferrals = await rows<{ childId: string; type: string; decidedOn: string }>(
    db,
    sql`select a.child_id as "childId", a.type, to_char(a.decided_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as "decidedOn"
        from approvals a join cases k on k.county_code = a.county_code and k.id = a.case_id
        where a.county_code = ${county} and k.school_id = ${schoolId} and a.status = 'approved' and a.type in ('deferral', 'suspension')
          and (a.decided_at at time zone 'Asia/Shanghai')::date between ${first} and ${monthEnd}`,
  );
  const teaching = await rows<{ childId: string; sessions: number; inStatus: boolean }>(
    db,
    sql`select x.child_id as "childId", sum(x.sessions)::int as sessions, bool_or(x.in_status) as "inStatus" from (
          select s.child_id, count(*) as sessions, false as in_status from home_teaching_sessions s
          join cases k on k.county_code = s.county_code and k.id = s.case_id
          where s.county_code = ${county} and k.school_id = ${schoolId} and s.taught_on between ${first} and ${monthEnd}
          group by s.child_id
          union all
          select c.id, 0, true from children c
          left join cases k on k.county_code = c.county_code and k.child_id = c.id and k.closed_at is null
          where c.county_code = ${county} and c.school_id = ${schoolId} and c.grade between 1 and 9
            and (c.status = '送教上门' or k.status = 'home_teaching')
        ) x group by x.child_id`,
  );

  const [att] = await rows<{ received: number; present: number | null; listed: number | null; classes: number; reportedOnAsOf: number }>(
    db,
    sql`select
          (select count(*)::int from attendance_reports r where r.county_code = ${county} and r.school_id = ${schoolId}
            and r.date between ${first} and ${asOf}) as received,
          (select sum(r.present)::int from attendance_reports r where r.county_code = ${county} and r.school_id = ${schoolId}
            and r.date between ${first} and ${asOf}) as present,
          (select sum(r.enrolled)::int from attendance_reports r where r.county_code = ${county} and r.school_id = ${schoolId}
            and r.date between ${first} and ${asOf}) as listed,
          (select count(*)::int from classes k where k.county_code = ${county} and k.school_id = ${schoolId} and k.active) as classes,
          (select count(distinct r.class_id)::int from attendance_reports r where r.county_code = ${county} and r.school_id = ${schoolId}
            and r.date = ${asOf}) as "reportedOnAsOf"`,
  );

  const built = buildMonthlyFigures({
    month: p.month,
    asOf,
    enrolled,
    attending,
    movements: {
      newSuspected: cases.filter((c) => inMonth(c.reportedOn)).map((c) => ({ id: c.childId, detail: `${c.reportedOn} 报告；现${label(c.status)}` })),
      newDropouts: cases
        .filter((c) => inMonth(c.confirmedOn))
        .map((c) => ({ id: c.childId, detail: `${c.confirmedOn} 认定辍学；现${label(c.status)}` })),
      returned: cases.filter((c) => inMonth(c.returnedOn)).map((c) => ({ id: c.childId, detail: `${c.returnedOn} 复学；现${label(c.status)}` })),
      deferrals: deferrals.map((d) => ({
        id: d.childId,
        detail: `${d.decidedOn} 批准${DEFERRAL_TYPE_LABELS[d.type as DeferralType] ?? d.type}`,
      })),
      homeTeachingChildren: teaching.map((t) => ({ id: t.childId, detail: `本月送教 ${t.sessions} 次${t.inStatus ? '；送教上门中' : ''}` })),
    },
    homeTeachingSessions: teaching.reduce((s, t) => s + t.sessions, 0),
    attendance: {
      schoolDays: schoolDays.length,
      reportsExpected: schoolDays.length * att.classes,
      reportsReceived: att.received,
      rate: att.listed ? (att.present ?? 0) / att.listed : null,
      classesOnAsOf: schoolDays.length ? att.classes : 0,
      classesReportedOnAsOf: att.reportedOnAsOf,
    },
  });
  return { ...built, rosterPeople };
}
