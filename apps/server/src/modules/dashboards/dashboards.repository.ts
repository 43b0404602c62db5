import { and, eq, inArray, sql } from 'drizzle-orm';
import { rows, type DbOrTx } from '../../db/client';
import { statSnapshots } from '../../db/schema/index';
import { STATUS_CATEGORY } from '../ledgers/ledger.rules';

/**
 * Set-based fact queries behind the dashboards (issue 7, item 5). Each reads one table of a county once and groups
 * by a small "grain": the child's school and household township (`sid`, `hh`). The refresh rolls grains up to every
 * school, township and the county (dashboards.aggregate.ts), so 3,000,000 children are read once per refresh.
 */

export type Period = {
  countyCode: string;
  /** first and last day of the school year */
  from: string;
  to: string;
  /** the school year's starting year (classes.school_year) */
  startYear: number;
  /** age-eligible birth dates */
  birthFrom: string;
  birthTo: string;
  /** the day the figures describe (Shanghai date) */
  today: string;
};

/** The open-ledger flags and open dropout findings of every child, as CTEs shared by the child queries. */
const ledgerCtes = (c: string) => sql`
  le as (
    select child_id, bool_or(ledger = 'dropout') as d, bool_or(ledger = 'suspected') as s
    from ledger_entries where county_code = ${c} and closed_at is null group by child_id
  ),
  fi as (
    select distinct child_id from findings
    where county_code = ${c} and status = 'open' and child_id is not null
      and category in ('OUT_OF_SCHOOL', 'ENROLLED_ABSENT', 'POVERTY_DROPOUT')
  )`;

/** The SQL of ledgerCategory() (the same decision as ledgers.repository.ts, built from the same STATUS_CATEGORY table). */
function categorySql() {
  const whens = Object.entries(STATUS_CATEGORY).map(([status, cat]) => sql`when ${status} then ${cat}`);
  return sql`case when le.d then '辍学' when le.s or fi.child_id is not null then '疑似辍学'
    else coalesce(case c.status ${sql.join(whens, sql` `)} end, '未说明') end`;
}

/** Statuses of a child still on a school's register (在籍): the approximation of 学年初在校生 (docs in the service). */
const REGISTER_STATUSES = ['在读', '休学', '送教上门', '疑似辍学', '辍学'];

export type ChildFact = {
  sid: string | null;
  hh: string | null;
  cat: string;
  eligible: boolean;
  register: boolean;
  graduated: boolean;
  open_s: boolean;
  open_d: boolean;
  n: number;
};

export function childFacts(db: DbOrTx, p: Period) {
  const c = p.countyCode;
  return rows<ChildFact>(
    db,
    sql`with ${ledgerCtes(c)}
    select c.school_id as sid, c.household_township_code as hh, ${categorySql()} as cat,
      coalesce(c.birth_date between ${p.birthFrom}::date and ${p.birthTo}::date, false) as eligible,
      (c.school_id is not null and c.status in (${sql.join(
        REGISTER_STATUSES.map((s) => sql`${s}`),
        sql`, `,
      )})) as register,
      (c.status = '已毕业') as graduated,
      coalesce(le.s, false) as open_s, coalesce(le.d, false) as open_d,
      count(*)::int as n
    from children c
    left join le on le.child_id = c.id
    left join fi on fi.child_id = c.id
    where c.county_code = ${c}
    group by 1, 2, 3, 4, 5, 6, 7, 8`,
  );
}

export type KeyGroupFact = { sid: string | null; hh: string | null; grp: string; n: number; s: number; d: number };

export function keyGroupFacts(db: DbOrTx, p: Period) {
  const c = p.countyCode;
  return rows<KeyGroupFact>(
    db,
    sql`with le as (
      select child_id, bool_or(ledger = 'dropout') as d, bool_or(ledger = 'suspected') as s
      from ledger_entries where county_code = ${c} and closed_at is null group by child_id
    ), kg as (select distinct child_id, "group" from child_key_groups where county_code = ${c})
    select c.school_id as sid, c.household_township_code as hh, kg."group" as grp, count(*)::int as n,
      (count(*) filter (where le.s))::int as s, (count(*) filter (where le.d))::int as d
    from kg
    join children c on c.county_code = ${c} and c.id = kg.child_id
    left join le on le.child_id = kg.child_id
    group by 1, 2, 3`,
  );
}

export type CaseMonthFact = { sid: string | null; hh: string | null; m: string; kind: 'sus' | 'drop' | 'ret'; n: number };

/** Cases reported, confirmed (辍学/失学) and returned in each month of the school year. */
export function caseMonthFacts(db: DbOrTx, p: Period) {
  const c = p.countyCode;
  return rows<CaseMonthFact>(
    db,
    sql`select c.school_id as sid, c.household_township_code as hh, to_char(v.d, 'YYYY-MM') as m, v.kind, count(*)::int as n
    from cases k
    join children c on c.county_code = k.county_code and c.id = k.child_id
    cross join lateral (values ('sus', k.reported_on), ('drop', k.confirmed_on), ('ret', k.returned_on)) as v(kind, d)
    where k.county_code = ${c} and v.d between ${p.from}::date and ${p.to}::date
    group by 1, 2, 3, 4`,
  );
}

export type CaseYearFact = {
  sid: string | null;
  hh: string | null;
  year_dropouts: number;
  confirmed: number;
  confirmed_returned: number;
  return_days: number[] | null;
  overdue: number;
};

export function caseYearFacts(db: DbOrTx, p: Period) {
  const c = p.countyCode;
  const inYear = (col: string) => sql`${sql.raw(col)} between ${p.from}::date and ${p.to}::date`;
  return rows<CaseYearFact>(
    db,
    sql`with od as (
      select distinct case_id from case_deadlines where county_code = ${c} and met_at is null and due_on < ${p.today}::date
    )
    select c.school_id as sid, c.household_township_code as hh,
      (count(distinct k.child_id) filter (where ${inYear('k.confirmed_on')} and coalesce(k.dropout_kind, '辍学') = '辍学'))::int as year_dropouts,
      (count(*) filter (where ${inYear('k.confirmed_on')}))::int as confirmed,
      (count(*) filter (where ${inYear('k.confirmed_on')} and k.returned_on is not null))::int as confirmed_returned,
      array_agg(k.returned_on - k.reported_on) filter (where ${inYear('k.returned_on')}) as return_days,
      (count(*) filter (where k.closed_at is null and od.case_id is not null))::int as overdue
    from cases k
    join children c on c.county_code = k.county_code and c.id = k.child_id
    left join od on od.case_id = k.id
    where k.county_code = ${c}
    group by 1, 2`,
  );
}

export type OverdueKindFact = { sid: string | null; hh: string | null; kind: string; n: number };

/** Open cases with an unmet deadline past due, by the deadline's kind. */
export function overdueKindFacts(db: DbOrTx, p: Period) {
  const c = p.countyCode;
  return rows<OverdueKindFact>(
    db,
    sql`select c.school_id as sid, c.household_township_code as hh, d.kind, count(distinct k.id)::int as n
    from case_deadlines d
    join cases k on k.county_code = d.county_code and k.id = d.case_id and k.closed_at is null
    join children c on c.county_code = k.county_code and c.id = k.child_id
    where d.county_code = ${c} and d.met_at is null and d.due_on < ${p.today}::date
    group by 1, 2, 3`,
  );
}

export type AttendanceFact = { sid: string; m: string; enrolled: number; present: number; unexplained: number; days: number };

/** Daily reports summed by school and month (present and enrolled person-days, 无故缺勤). */
export function attendanceFacts(db: DbOrTx, p: Period) {
  return rows<AttendanceFact>(
    db,
    sql`select school_id as sid, to_char(date, 'YYYY-MM') as m, sum(enrolled)::int as enrolled, sum(present)::int as present,
      sum(unexplained)::int as unexplained, count(distinct date)::int as days
    from attendance_reports
    where county_code = ${p.countyCode} and date between ${p.from}::date and least(${p.to}::date, ${p.today}::date)
    group by 1, 2`,
  );
}

/** The last day up to today with any daily report in the county. */
export async function lastReportDay(db: DbOrTx, p: Period): Promise<string | null> {
  const [r] = await rows<{ d: string | null }>(
    db,
    sql`select max(date)::text as d from attendance_reports where county_code = ${p.countyCode} and date <= ${p.today}::date`,
  );
  return r?.d ?? null;
}

export type SilentClass = { sid: string; class_id: string; class_name: string; school_name: string };

/** Active classes of the school year with no daily report on the day. */
export function silentClasses(db: DbOrTx, p: Period, day: string) {
  const c = p.countyCode;
  return rows<SilentClass>(
    db,
    sql`select cl.school_id as sid, cl.id as class_id, cl.grade || '年级' || cl.name as class_name, s.name as school_name
    from classes cl
    join schools s on s.county_code = cl.county_code and s.id = cl.school_id and s.active
    where cl.county_code = ${c} and cl.active and cl.school_year = ${p.startYear}
      and not exists (select 1 from attendance_reports r where r.county_code = ${c} and r.class_id = cl.id and r.date = ${day}::date)
    order by s.name, cl.grade, cl.name`,
  );
}

export type SchoolRow = { id: string; name: string; township_code: string; active: boolean; report_status: string | null };

/** The county's schools with the status of their latest 月报 version for a month (null: none). */
export function schoolsWithReport(db: DbOrTx, countyCode: string, month: string) {
  return rows<SchoolRow>(
    db,
    sql`select s.id, s.name, s.township_code, s.active,
      (select m.status from monthly_reports m where m.county_code = s.county_code and m.level = 'school' and m.school_id = s.id
        and m.month = ${month} order by m.version desc limit 1) as report_status
    from schools s where s.county_code = ${countyCode} order by s.code`,
  );
}

export function townships(db: DbOrTx, countyCode: string) {
  return rows<{ code: string; name: string; active: boolean }>(
    db,
    sql`select code, name, active from divisions where county_code = ${countyCode} and level = 'township' order by code`,
  );
}

export function countyCodes(db: DbOrTx) {
  return rows<{ code: string; name: string }>(db, sql`select code, name from counties order by code`);
}

/** Whether anything was written (an audited change, not a view or an export) in the county since a moment. */
export async function changedSince(db: DbOrTx, countyCode: string, since: Date): Promise<boolean> {
  const r = await rows<{ x: number }>(
    db,
    sql`select 1 as x from audit_events where county_code = ${countyCode} and at > ${since.toISOString()}::timestamptz
      and action !~ '(viewed|exported|^auth\\.|^audit\\.)' limit 1`,
  );
  return r.length > 0;
}

export const KIND = 'dashboard';

export async function replaceSnapshots(
  db: DbOrTx,
  countyCode: string,
  period: string,
  computedAt: Date,
  items: { scopeKey: string; data: unknown }[],
) {
  await db
    .delete(statSnapshots)
    .where(and(eq(statSnapshots.countyCode, countyCode), eq(statSnapshots.kind, KIND), eq(statSnapshots.period, period)));
  for (let i = 0; i < items.length; i += 500) {
    await db
      .insert(statSnapshots)
      .values(items.slice(i, i + 500).map((x) => ({ countyCode, scopeKey: x.scopeKey, kind: KIND, period, data: x.data, computedAt })));
  }
}

export function readSnapshots(db: DbOrTx, countyCode: string, period: string, scopeKeys: string[]) {
  if (!scopeKeys.length) return Promise.resolve([]);
  return db
    .select({ scopeKey: statSnapshots.scopeKey, data: statSnapshots.data, computedAt: statSnapshots.computedAt })
    .from(statSnapshots)
    .where(
      and(
        eq(statSnapshots.countyCode, countyCode),
        eq(statSnapshots.kind, KIND),
        eq(statSnapshots.period, period),
        inArray(statSnapshots.scopeKey, scopeKeys),
      ),
    );
}

/** When the county's snapshot of a period was computed (null: never). */
export async function snapshotTime(db: DbOrTx, countyCode: string, period: string): Promise<Date | null> {
  const [r] = await db
    .select({ computedAt: statSnapshots.computedAt })
    .from(statSnapshots)
    .where(
      and(
        eq(statSnapshots.countyCode, countyCode),
        eq(statSnapshots.kind, KIND),
        eq(statSnapshots.period, period),
        eq(statSnapshots.scopeKey, 'county'),
      ),
    );
  return r?.computedAt ?? null;
}
