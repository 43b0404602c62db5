import { sql, type SQL } from 'drizzle-orm';
import { rows, type DbOrTx } from '../../db/client';
import { absenceAlerts } from '../../db/schema/index';
import type { Actor } from '../../policies/actor';
import { childScopeSql } from '../../policies/scope-sql';

/** Absence alerts: one per child, rule and run (runKey), kept open while the run grows. */

export type AlertRow = typeof absenceAlerts.$inferSelect;
export type AlertListRow = AlertRow & { name: string; gender: string; className: string | null; schoolName: string | null };

/** Insert the alert of a run, or follow the open one as its run grows; true when it is new. */
export async function upsertAlert(db: DbOrTx, v: typeof absenceAlerts.$inferInsert): Promise<boolean> {
  const [r] = await rows<{ created: boolean }>(
    db,
    sql`insert into absence_alerts (county_code, id, child_id, class_id, school_id, rule, run_key, last_date, streak, label, status,
          created_at, updated_at)
        values (${v.countyCode}, ${v.id}, ${v.childId}, ${v.classId ?? null}, ${v.schoolId ?? null}, ${v.rule}, ${v.runKey},
          ${v.lastDate}, ${v.streak}, ${v.label}, 'open', ${(v.createdAt as Date).toISOString()}::timestamptz,
          ${(v.updatedAt as Date).toISOString()}::timestamptz)
        on conflict (county_code, child_id, rule, run_key) do update set
          last_date = greatest(absence_alerts.last_date, excluded.last_date),
          streak = greatest(absence_alerts.streak, excluded.streak),
          label = case when excluded.streak > absence_alerts.streak then excluded.label else absence_alerts.label end,
          updated_at = excluded.updated_at
        where absence_alerts.status = 'open'
        returning (xmax = 0) as created`,
  );
  return r?.created ?? false;
}

export function alertScopeSql(a: Actor): SQL {
  return childScopeSql(a.scope);
}

const SELECT = sql`select a.county_code as "countyCode", a.id, a.child_id as "childId", a.class_id as "classId", a.school_id as "schoolId",
    a.rule, a.run_key as "runKey", a.last_date::text as "lastDate", a.streak, a.label, a.status, a.decided_by as "decidedBy",
    a.decided_by_name as "decidedByName", a.decided_at as "decidedAt", a.reason, a.case_id as "caseId", a.created_at as "createdAt",
    a.updated_at as "updatedAt", children.name, children.gender, k.name as "className", s.name as "schoolName"
  from absence_alerts a
  join children on children.county_code = a.county_code and children.id = a.child_id
  left join classes k on k.county_code = a.county_code and k.id = a.class_id
  left join schools s on s.county_code = a.county_code and s.id = a.school_id`;

export async function listAlerts(db: DbOrTx, where: SQL, limit: number, offset: number): Promise<AlertListRow[]> {
  return rows<AlertListRow>(
    db,
    sql`${SELECT} where ${where} order by (a.status = 'open') desc, a.last_date desc, a.created_at desc limit ${limit} offset ${offset}`,
  );
}

export async function countAlerts(db: DbOrTx, where: SQL): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from absence_alerts a join children on children.county_code = a.county_code and children.id = a.child_id
        where ${where}`,
  );
  return r.n;
}

export async function findAlert(db: DbOrTx, countyCode: string, id: string, lock = false): Promise<AlertListRow | null> {
  const [r] = await rows<AlertListRow>(
    db,
    sql`${SELECT} where a.county_code = ${countyCode} and a.id = ${id} ${lock ? sql`for update of a` : sql``}`,
  );
  return r ?? null;
}

export async function decideAlert(db: DbOrTx, countyCode: string, id: string, set: Partial<AlertRow>) {
  await db
    .update(absenceAlerts)
    .set(set)
    .where(sql`${absenceAlerts.countyCode} = ${countyCode} and ${absenceAlerts.id} = ${id}`);
}

export async function openAlertCount(db: DbOrTx, countyCode: string, childId: string): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from absence_alerts where county_code = ${countyCode} and child_id = ${childId} and status = 'open'`,
  );
  return r.n;
}
