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

/** One school's month (a wrapper of computeSchoolsMonth). */
export async function computeSchoolMonth(
  db: DbOrTx,
  p: { countyCode: string; schoolId: string; month: string; today: string; cal: SchoolCalendar; explanations: Record<string, string> },
): Promise<SchoolMonth> {
  const all = await computeSchoolsMonth(db, { ...p, schoolIds: [p.schoolId], explanations: { [p.schoolId]: p.explanations } });
  return all.get(p.schoolId)!;
}

/**
 * Several schools' month in one pass (the consolidation computes every pending school at once): each query covers all
 * the schools and the rows are split by school. explanations: schoolId → childId → text.
 */
export async function computeSchoolsMonth(
  db: DbOrTx,
  p: {
    countyCode: string;
    schoolIds: string[];
    month: string;
    today: string;
    cal: SchoolCalendar;
    explanations: Record<string, Record<string, string>>;
  },
): Promise<Map<string, SchoolMonth>> {
  const out = new Map<string, SchoolMonth>();
  if (!p.schoolIds.length) return out;
  const county = p.countyCode;
  const { first, last } = monthBounds(p.month);
  const { asOf, schoolDays } = statisticsDay(p.month, p.today, p.cal);
  const monthEnd = p.today < last ? p.today : last;
  const ids = sql.join(
    p.schoolIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const group = <T extends { schoolId: string }>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of list) (m.get(r.schoolId) ?? m.set(r.schoolId, []).get(r.schoolId)!).push(r);
    return (schoolId: string) => m.get(schoolId) ?? [];
  };

  const snaps = await rows<{ id: string; schoolId: string }>(
    db,
    sql`select id, scope_id::uuid as "schoolId" from registry_snapshots where county_code = ${county} and kind = 'roster'
          and scope_kind = 'school' and status = 'committed' and scope_id in (${sql.join(
            p.schoolIds.map((id) => sql`${id}`),
            sql`, `,
          )})`,
  );
  const snapOf = new Map(snaps.map((x) => [x.schoolId, x.id]));

  // 在籍: the schools' children whose 学籍 is current, with the facts the gap causes need
  const enrolledAll = await rows<EnrolledRow & { schoolId: string }>(
    db,
    sql`with e as materialized (
          select c.id, c.school_id, c.grade, c.status, c.id_number from children c
          where c.county_code = ${county} and c.school_id in (${ids}) and c.grade between 1 and 9 and c.status in (${statusList})),
        o as materialized (
          select distinct r.id_number, s.scope_id from roster_entries r
          join registry_snapshots s on s.county_code = r.county_code and s.id = r.snapshot_id
          where s.county_code = ${county} and s.kind = 'roster' and s.status = 'committed'
            and r.id_number in (select id_number from e))
        select e.school_id as "schoolId", e.id, e.grade, e.status, k.status as "caseStatus", kg.groups as "keyGroups", lv.leave,
          exists (select 1 from o where o.id_number = e.id_number and o.scope_id <> e.school_id::text) as "otherRoster"
        from e
        left join (select child_id, status from cases
          where county_code = ${county} and closed_at is null and child_id in (select id from e)) k on k.child_id = e.id
        left join (select child_id, array_agg(distinct "group") as groups from child_key_groups
          where county_code = ${county} and child_id in (select id from e) group by child_id) kg on kg.child_id = e.id
        left join (select distinct on (child_id) child_id, from_date::text || '至' || to_date::text as leave from leave_requests
          where county_code = ${county} and child_id in (select id from e) and status in ('approved', 'closed')
            and from_date <= ${asOf} and to_date >= ${asOf} and (closed_on is null or closed_on >= ${asOf})
          order by child_id, from_date) lv on lv.child_id = e.id`,
  );

  // each active class's report of the 统计时点, or its last report of the month before it
  const eff = sql`select distinct on (r.class_id) r.class_id, r.id, r.date from attendance_reports r
    where r.county_code = ${county} and r.school_id in (${ids}) and r.date between ${first} and ${asOf}
    order by r.class_id, r.date desc`;
  type Listed = ListedRow & { schoolId: string };
  const rosterSnaps = snaps.map((x) => sql`${x.id}::uuid`);
  const registrySchools = p.schoolIds.filter((id) => !snapOf.has(id)).map((id) => sql`${id}::uuid`);
  const listedRoster = rosterSnaps.length
    ? await rows<Listed>(
        db,
        sql`with eff as (${eff}), cls as (
              select id, school_id, grade, name from classes where county_code = ${county} and school_id in (${ids}) and active)
            select s.scope_id::uuid as "schoolId", m.id as "childId", r.row_no as "rowNo", r.name, coalesce(m.gender, r.gender) as gender,
              r.grade, r.class_name as "className", e.date::text as "reportDate", a.reason
            from roster_entries r
            join registry_snapshots s on s.county_code = r.county_code and s.id = r.snapshot_id
            left join lateral (
              -- as the daily watch's class list: by ID number first, by name among the school's grade only when that finds nobody
              select x.id, x.gender from (
                (select ch.id, ch.gender from children ch
                  where r.id_number is not null and ch.county_code = r.county_code and ch.id_number = r.id_number limit 1)
                union all
                (select ch.id, ch.gender from children ch
                  where ch.county_code = r.county_code and ch.school_id = s.scope_id::uuid and ch.grade = r.grade and ch.name = r.name limit 1)
              ) x limit 1
            ) m on true
            left join cls k on k.school_id = s.scope_id::uuid and k.grade = r.grade and ${classNameMatch('r.class_name', 'k.name')}
            left join eff e on e.class_id = k.id
            left join absences a on a.county_code = r.county_code and a.report_id = e.id and a.child_id = m.id
            where r.county_code = ${county} and r.snapshot_id in (${sql.join(rosterSnaps, sql`, `)})
            order by r.snapshot_id, r.row_no`,
      )
    : [];
  const listedRegistry = registrySchools.length
    ? await rows<Listed>(
        db,
        sql`with eff as (${eff})
            select k.school_id as "schoolId", c.id as "childId", null::int as "rowNo", c.name, c.gender, k.grade, k.name as "className",
              e.date::text as "reportDate", a.reason
            from classes k
            join children c on c.county_code = k.county_code and c.class_id = k.id and c.status = '在读'
            left join eff e on e.class_id = k.id
            left join absences a on a.county_code = k.county_code and a.report_id = e.id and a.child_id = c.id
            where k.county_code = ${county} and k.school_id in (${sql.join(registrySchools, sql`, `)}) and k.active`,
      )
    : [];

  // the month's movements (cases of the schools, approvals, 送教上门)
  const casesAll = await rows<{
    schoolId: string;
    childId: string;
    reportedOn: string;
    confirmedOn: string | null;
    returnedOn: string | null;
    status: string;
  }>(
    db,
    sql`select school_id as "schoolId", child_id as "childId", reported_on::text as "reportedOn", confirmed_on::text as "confirmedOn",
          returned_on::text as "returnedOn", status from cases
        where county_code = ${county} and school_id in (${ids})
          and (reported_on between ${first} and ${monthEnd} or confirmed_on between ${first} and ${monthEnd}
            or returned_on between ${first} and ${monthEnd})`,
  );
  const deferralsAll = await rows<{ schoolId: string; childId: string; type: string; decidedOn: string }>(
    db,
    sql`select k.school_id as "schoolId", a.child_id as "childId", a.type,
          to_char(a.decided_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as "decidedOn"
        from approvals a join cases k on k.county_code = a.county_code and k.id = a.case_id
        where a.county_code = ${county} and k.school_id in (${ids}) and a.status = 'approved' and a.type in ('deferral', 'suspension')
          and (a.decided_at at time zone 'Asia/Shanghai')::date between ${first} and ${monthEnd}`,
  );
  const teachingAll = await rows<{ schoolId: string; childId: string; sessions: number; inStatus: boolean }>(
    db,
    sql`select x.school_id as "schoolId", x.child_id as "childId", sum(x.sessions)::int as sessions, bool_or(x.in_status) as "inStatus"
        from (
          select k.school_id, s.child_id, count(*) as sessions, false as in_status from home_teaching_sessions s
          join cases k on k.county_code = s.county_code and k.id = s.case_id
          where s.county_code = ${county} and k.school_id in (${ids}) and s.taught_on between ${first} and ${monthEnd}
          group by k.school_id, s.child_id
          union all
          select c.school_id, c.id, 0, true from children c
          left join cases k on k.county_code = c.county_code and k.child_id = c.id and k.closed_at is null
          where c.county_code = ${county} and c.school_id in (${ids}) and c.grade between 1 and 9
            and (c.status = '送教上门' or k.status = 'home_teaching')
        ) x group by x.school_id, x.child_id`,
  );
  const attAll = await rows<{ schoolId: string; received: number; present: number | null; listed: number | null; reportedOnAsOf: number }>(
    db,
    sql`select school_id as "schoolId", count(*)::int as received, sum(present)::int as present, sum(enrolled)::int as listed,
          count(distinct class_id) filter (where date = ${asOf})::int as "reportedOnAsOf"
        from attendance_reports where county_code = ${county} and school_id in (${ids}) and date between ${first} and ${asOf}
        group by school_id`,
  );
  const classCounts = await rows<{ schoolId: string; classes: number }>(
    db,
    sql`select school_id as "schoolId", count(*)::int as classes from classes
        where county_code = ${county} and school_id in (${ids}) and active group by school_id`,
  );

  const enrolledOf = group(enrolledAll);
  const listedOf = group([...listedRoster, ...listedRegistry]);
  const casesOf = group(casesAll);
  const deferralsOf = group(deferralsAll);
  const teachingOf = group(teachingAll);
  const attOf = new Map(attAll.map((a) => [a.schoolId, a]));
  const classesOf = new Map(classCounts.map((c) => [c.schoolId, c.classes]));
  for (const schoolId of p.schoolIds)
    out.set(
      schoolId,
      assemble({
        month: p.month,
        asOf,
        first,
        monthEnd,
        schoolDays: schoolDays.length,
        snapId: snapOf.get(schoolId) ?? null,
        explanations: p.explanations[schoolId] ?? {},
        enrolledRows: enrolledOf(schoolId),
        listed: listedOf(schoolId),
        cases: casesOf(schoolId),
        deferrals: deferralsOf(schoolId),
        teaching: teachingOf(schoolId),
        att: attOf.get(schoolId) ?? { received: 0, present: null, listed: null, reportedOnAsOf: 0 },
        classes: classesOf.get(schoolId) ?? 0,
      }),
    );
  return out;
}

/** A school's 在籍 child with the facts the gap causes need. */
type EnrolledRow = {
  id: string;
  grade: number;
  status: string;
  caseStatus: string | null;
  keyGroups: string[] | null;
  otherRoster: boolean;
  leave: string | null;
};

/** A child on a school's list at the 统计时点 (its roster snapshot, or the registry without one), with its class report's date and any absence reason. */
type ListedRow = {
  childId: string | null;
  rowNo: number | null;
  name: string | null;
  gender: string | null;
  grade: number | null;
  className: string | null;
  reportDate: string | null;
  reason: string | null;
};

type AssembleInput = {
  month: string;
  asOf: string;
  first: string;
  monthEnd: string;
  schoolDays: number;
  snapId: string | null;
  explanations: Record<string, string>;
  enrolledRows: EnrolledRow[];
  listed: ListedRow[];
  cases: { childId: string; reportedOn: string; confirmedOn: string | null; returnedOn: string | null; status: string }[];
  deferrals: { childId: string; type: string; decidedOn: string }[];
  teaching: { childId: string; sessions: number; inStatus: boolean }[];
  att: { received: number; present: number | null; listed: number | null; reportedOnAsOf: number };
  classes: number;
};

/** One school's rows → the facts of rules/reports/monthly.ts → its figures and members. */
function assemble(x: AssembleInput): SchoolMonth {
  const { asOf, first, monthEnd } = x;
  const enrolledIds = new Set(x.enrolledRows.map((c) => c.id));
  const absentReason = new Map<string, { reason: string; date: string }>();
  const attending: AttendingPerson[] = [];
  const rosterPeople: Record<string, RosterPerson> = {};
  const seen = new Set<string>();
  for (const l of x.listed) {
    const id = l.childId ?? `roster:${x.snapId}:${l.rowNo}`;
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
      detail: registered
        ? `${l.className ?? ''} ${day}`
        : l.childId
          ? `在校名册有此人，学籍不在本校（借读等）；${day}`
          : `在校名册第 ${l.rowNo} 行，平台无其学籍；${day}`,
    });
  }

  const enrolled: EnrolledChild[] = x.enrolledRows.map((c) => {
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
      explanation: x.explanations[c.id] ?? null,
      keyGroups: c.keyGroups ?? [],
      attending: isAttending,
      detail: why.join('；') || '在读',
    };
  });

  const inMonth = (d: string | null) => d !== null && d >= first && d <= monthEnd;
  const label = (st: string) => CASE_STATUS_LABELS[st as CaseStatus] ?? st;
  const built = buildMonthlyFigures({
    month: x.month,
    asOf,
    enrolled,
    attending,
    movements: {
      newSuspected: x.cases
        .filter((c) => inMonth(c.reportedOn))
        .map((c) => ({ id: c.childId, detail: `${c.reportedOn} 报告；现${label(c.status)}` })),
      newDropouts: x.cases
        .filter((c) => inMonth(c.confirmedOn))
        .map((c) => ({ id: c.childId, detail: `${c.confirmedOn} 认定辍学；现${label(c.status)}` })),
      returned: x.cases
        .filter((c) => inMonth(c.returnedOn))
        .map((c) => ({ id: c.childId, detail: `${c.returnedOn} 复学；现${label(c.status)}` })),
      deferrals: x.deferrals.map((d) => ({
        id: d.childId,
        detail: `${d.decidedOn} 批准${DEFERRAL_TYPE_LABELS[d.type as DeferralType] ?? d.type}`,
      })),
      homeTeachingChildren: x.teaching.map((t) => ({
        id: t.childId,
        detail: `本月送教 ${t.sessions} 次${t.inStatus ? '；送教上门中' : ''}`,
      })),
    },
    homeTeachingSessions: x.teaching.reduce((n, t) => n + t.sessions, 0),
    attendance: {
      schoolDays: x.schoolDays,
      reportsExpected: x.schoolDays * x.classes,
      reportsReceived: x.att.received,
      rate: x.att.listed ? (x.att.present ?? 0) / x.att.listed : null,
      classesOnAsOf: x.schoolDays ? x.classes : 0,
      classesReportedOnAsOf: x.att.reportedOnAsOf,
    },
  });
  return { ...built, rosterPeople };
}
