import { STATUS_CATEGORY } from '../ledgers/ledger.rules';
import { sql } from 'drizzle-orm';
import { rows, type DbOrTx } from '../../db/client';

/** Cases with a deadline past and unmet on `day` (met later or never), by the case's township. */
export async function overdueByTownship(db: DbOrTx, countyCode: string, day: string) {
  const r = await rows<{ township_code: string | null; n: number }>(
    db,
    sql`select k.township_code, count(distinct k.id)::int as n
      from cases k
      where k.county_code = ${countyCode}
        and (k.closed_at is null or k.closed_at > (${day}::date + 1)::timestamp)
        and exists (select 1 from case_deadlines d where d.county_code = k.county_code and d.case_id = k.id
          and d.due_on < ${day}::date and (d.met_at is null or d.met_at >= (${day}::date + 1)::timestamp))
      group by 1`,
  );
  return r.map((x) => ({ townshipCode: x.township_code, n: Number(x.n) }));
}

/** This school year up to `to`: children confirmed (辍学/失学), of them returned, and report → return days. */
export async function yearCaseFacts(db: DbOrTx, countyCode: string, from: string, to: string) {
  const [x] = await rows<{ dropouts: number; returned: number; days: number[] | null }>(
    db,
    sql`select
      count(distinct child_id) filter (where confirmed_on between ${from}::date and ${to}::date)::int as dropouts,
      count(distinct child_id) filter (where confirmed_on between ${from}::date and ${to}::date
        and returned_on between ${from}::date and ${to}::date)::int as returned,
      array_agg(returned_on - reported_on) filter (where returned_on between ${from}::date and ${to}::date) as days
    from cases where county_code = ${countyCode}`,
  );
  return { dropouts: Number(x.dropouts), returned: Number(x.returned), days: (x.days ?? []).map(Number) };
}

/** Age-eligible children known to the county and those of them in school (在读 or 送教上门). */
/** statuses of the 适龄儿童台账 category 已核实离开 (died, abroad, moved out, graduated): not in 入学率's denominator */
const LEFT = Object.entries(STATUS_CATEGORY)
  .filter(([, c]) => c === '已核实离开')
  .map(([s]) => s);
/** statuses counted as in school: 本地在读, 外地就读, 送教上门 — the dashboards' 入学率 (docs/domain/indicators.md) */
const IN_SCHOOL = Object.entries(STATUS_CATEGORY)
  .filter(([, c]) => c === '本地在读' || c === '外地就读' || c === '送教上门')
  .map(([s]) => s);

export async function eligibleFacts(db: DbOrTx, countyCode: string, from: string, to: string) {
  const [x] = await rows<{ eligible: number; in_school: number }>(
    db,
    sql`select count(*)::int as eligible, count(*) filter (where status in ${IN_SCHOOL})::int as in_school
      from children where county_code = ${countyCode} and birth_date between ${from}::date and ${to}::date
        and status not in ${LEFT}`,
  );
  return { eligible: Number(x.eligible), inSchool: Number(x.in_school) };
}

export type BriefCaseRow = {
  id: string;
  status: string;
  source: string;
  reported_on: string;
  dropout_kind: string | null;
  cause: string | null;
  child_name: string;
  gender: string;
  grade: number | null;
  township_name: string | null;
};

export function casesForBrief(db: DbOrTx, countyCode: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as BriefCaseRow[]);
  return rows<BriefCaseRow>(
    db,
    sql`select k.id, k.status, k.source, k.reported_on::text as reported_on, k.dropout_kind, k.cause,
        c.name as child_name, c.gender, c.grade, t.name as township_name
      from cases k
      join children c on c.county_code = k.county_code and c.id = k.child_id
      left join divisions t on t.county_code = k.county_code and t.code = k.township_code
      where k.county_code = ${countyCode} and k.id in (${sql.join(
        ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )})`,
  );
}

export function eventsForCases(db: DbOrTx, countyCode: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return rows<{ case_id: string; type: string; occurred_on: string; to_status: string | null; data: Record<string, unknown> | null }>(
    db,
    sql`select case_id, type, occurred_on::text as occurred_on, to_status, data from case_events
      where county_code = ${countyCode} and case_id in (${sql.join(
        ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )}) order by occurred_on, at`,
  );
}

export async function countyName(db: DbOrTx, countyCode: string) {
  const [r] = await rows<{ name: string }>(db, sql`select name from counties where code = ${countyCode}`);
  return r?.name ?? countyCode;
}
