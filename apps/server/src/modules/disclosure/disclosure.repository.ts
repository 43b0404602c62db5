import { and, desc, eq, sql } from 'drizzle-orm';
import { rows, type DbOrTx } from '../../db/client';
import { counties, publicDisclosures } from '../../db/schema/index';

export type DisclosureRow = typeof publicDisclosures.$inferSelect;

export async function countyName(db: DbOrTx, countyCode: string): Promise<string | null> {
  const [r] = await db.select({ name: counties.name }).from(counties).where(eq(counties.code, countyCode));
  return r?.name ?? null;
}

export async function findDisclosure(db: DbOrTx, countyCode: string, year: string): Promise<DisclosureRow | null> {
  const [r] = await db
    .select()
    .from(publicDisclosures)
    .where(and(eq(publicDisclosures.countyCode, countyCode), eq(publicDisclosures.year, year)));
  return r ?? null;
}

export async function listYears(db: DbOrTx, countyCode: string, publishedOnly: boolean): Promise<string[]> {
  const r = await db
    .select({ year: publicDisclosures.year })
    .from(publicDisclosures)
    .where(and(eq(publicDisclosures.countyCode, countyCode), publishedOnly ? eq(publicDisclosures.published, 'published') : undefined))
    .orderBy(desc(publicDisclosures.year));
  return r.map((x) => x.year);
}

export async function upsertDisclosure(
  db: DbOrTx,
  v: {
    countyCode: string;
    year: string;
    content: unknown;
    published: 'draft' | 'published';
    publishedAt: Date | null;
    by: string | null;
    now: Date;
  },
) {
  await db
    .insert(publicDisclosures)
    .values({
      countyCode: v.countyCode,
      year: v.year,
      content: v.content,
      published: v.published,
      publishedAt: v.publishedAt,
      updatedBy: v.by,
      updatedAt: v.now,
    })
    .onConflictDoUpdate({
      target: [publicDisclosures.countyCode, publicDisclosures.year],
      set: { content: v.content, published: v.published, publishedAt: v.publishedAt, updatedBy: v.by, updatedAt: v.now },
    });
}

export type AreaCounts = { eligible: number; suspected: number; dropouts: number; returned: number };
export type AreaRow = AreaCounts & { townshipCode: string | null; villageCode: string | null };

/**
 * The public page's numbers, as SQL aggregates grouped by township and village — no row of a child leaves the database.
 * Eligible children by household township/village; this school year's cases by the case's township/village:
 * distinct children reported (疑似辍学), confirmed (辍学) and returned (复学) within [from, to].
 */
export async function areaCounts(
  db: DbOrTx,
  countyCode: string,
  p: { from: string; to: string; eligibleFrom: string; eligibleTo: string },
): Promise<AreaRow[]> {
  const r = await rows<{
    township_code: string | null;
    village_code: string | null;
    eligible: number;
    suspected: number;
    dropouts: number;
    returned: number;
  }>(
    db,
    sql`
    select township_code, village_code, sum(eligible)::int as eligible, sum(suspected)::int as suspected,
      sum(dropouts)::int as dropouts, sum(returned)::int as returned
    from (
      select household_township_code as township_code, household_village_code as village_code, count(*)::int as eligible,
        0 as suspected, 0 as dropouts, 0 as returned
      from children
      where county_code = ${countyCode} and birth_date between ${p.eligibleFrom}::date and ${p.eligibleTo}::date
      group by 1, 2
      union all
      select township_code, village_code, 0,
        count(distinct child_id) filter (where reported_on between ${p.from}::date and ${p.to}::date)::int,
        count(distinct child_id) filter (where confirmed_on between ${p.from}::date and ${p.to}::date)::int,
        count(distinct child_id) filter (where returned_on between ${p.from}::date and ${p.to}::date)::int
      from cases
      where county_code = ${countyCode}
        and (reported_on between ${p.from}::date and ${p.to}::date
          or confirmed_on between ${p.from}::date and ${p.to}::date
          or returned_on between ${p.from}::date and ${p.to}::date)
      group by 1, 2
    ) x
    group by 1, 2`,
  );
  return r.map((x) => ({
    townshipCode: x.township_code,
    villageCode: x.village_code,
    eligible: Number(x.eligible),
    suspected: Number(x.suspected),
    dropouts: Number(x.dropouts),
    returned: Number(x.returned),
  }));
}

/** County-wide distinct-children totals (a child with cases in two villages counts once). */
export async function countyCounts(
  db: DbOrTx,
  countyCode: string,
  p: { from: string; to: string; eligibleFrom: string; eligibleTo: string },
): Promise<AreaCounts> {
  const [x] = await rows<AreaCounts>(
    db,
    sql`select
      (select count(*)::int from children where county_code = ${countyCode}
         and birth_date between ${p.eligibleFrom}::date and ${p.eligibleTo}::date) as eligible,
      count(distinct child_id) filter (where reported_on between ${p.from}::date and ${p.to}::date)::int as suspected,
      count(distinct child_id) filter (where confirmed_on between ${p.from}::date and ${p.to}::date)::int as dropouts,
      count(distinct child_id) filter (where returned_on between ${p.from}::date and ${p.to}::date)::int as returned
    from cases where county_code = ${countyCode}`,
  );
  return { eligible: Number(x.eligible), suspected: Number(x.suspected), dropouts: Number(x.dropouts), returned: Number(x.returned) };
}

export async function divisionNames(db: DbOrTx, countyCode: string) {
  return rows<{ code: string; level: string; parent_code: string | null; name: string }>(
    db,
    sql`select code, level, parent_code, name from divisions where county_code = ${countyCode} and level in ('township', 'village') order by code`,
  );
}
