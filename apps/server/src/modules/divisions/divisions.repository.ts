import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { divisions } from '../../db/schema/index';
import { likeEscape } from '../../lib/paging';

export type DivisionRow = typeof divisions.$inferSelect;

export type DivisionFilter = {
  countyCode: string;
  level?: 'county' | 'township' | 'village';
  parentCode?: string;
  q?: string;
  includeInactive?: boolean;
  limit: number;
  offset: number;
};

export async function listDivisions(db: DbOrTx, f: DivisionFilter) {
  const conds: SQL[] = [eq(divisions.countyCode, f.countyCode)];
  if (f.level) conds.push(eq(divisions.level, f.level));
  if (f.parentCode) conds.push(eq(divisions.parentCode, f.parentCode));
  if (!f.includeInactive) conds.push(eq(divisions.active, true));
  if (f.q) {
    const like = `%${likeEscape(f.q)}%`;
    conds.push(or(ilike(divisions.name, like), ilike(divisions.code, like)) as SQL);
  }
  const where = and(...conds);
  const [items, [{ total }]] = await Promise.all([
    db.select().from(divisions).where(where).orderBy(asc(divisions.code)).limit(f.limit).offset(f.offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(divisions)
      .where(where),
  ]);
  return { items, total };
}

export async function findDivision(db: DbOrTx, countyCode: string, code: string): Promise<DivisionRow | null> {
  const [d] = await db
    .select()
    .from(divisions)
    .where(and(eq(divisions.countyCode, countyCode), eq(divisions.code, code)));
  return d ?? null;
}

export async function insertDivision(db: DbOrTx, v: typeof divisions.$inferInsert) {
  await db.insert(divisions).values(v);
}

export async function updateDivision(db: DbOrTx, countyCode: string, code: string, v: Partial<typeof divisions.$inferInsert>) {
  await db
    .update(divisions)
    .set(v)
    .where(and(eq(divisions.countyCode, countyCode), eq(divisions.code, code)));
}

export async function allDivisionCodes(db: DbOrTx, countyCode: string) {
  return db
    .select({ code: divisions.code, level: divisions.level, name: divisions.name })
    .from(divisions)
    .where(eq(divisions.countyCode, countyCode));
}
