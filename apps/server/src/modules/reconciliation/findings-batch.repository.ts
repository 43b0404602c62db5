/**
 * A run's findings written in bulk: each chunk is one statement whose rows travel as a single JSON parameter
 * (jsonb_to_recordset), inside the run's transaction — no per-row round trips, no parameter limit, the same SQL on
 * PostgreSQL 15 and PGlite. 17,000 refreshed findings were 17,000 UPDATEs; now they are nine.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';

const CHUNK = 2000;

/** The details a run writes into a finding (new or found again). */
export type FindingDetails = {
  category: string;
  name: string;
  idNumber: string | null;
  records: unknown[];
  method: string;
  confidence: number;
  explanation: string;
  townshipCode: string | null;
  villageCode: string | null;
  schoolId: string | null;
  childId: string | null;
  keyGroups: string[];
};

const COLUMNS = `category text, name text, id_number text, records jsonb, method text, confidence real, explanation text,
  township_code text, village_code text, school_id uuid, child_id uuid, key_groups text[]`;

const row = (f: FindingDetails) => ({
  category: f.category,
  name: f.name,
  id_number: f.idNumber,
  records: f.records,
  method: f.method,
  confidence: f.confidence,
  explanation: f.explanation,
  township_code: f.townshipCode,
  village_code: f.villageCode,
  school_id: f.schoolId,
  child_id: f.childId,
  key_groups: f.keyGroups,
});

async function inChunks<T>(list: T[], fn: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < list.length; i += CHUNK) await fn(list.slice(i, i + CHUNK));
}

/** New findings, open, first and last seen in this run. */
export async function insertFindingsBatch(
  db: DbOrTx,
  countyCode: string,
  runId: string,
  now: Date,
  list: (FindingDetails & { id: string; fingerprint: string })[],
) {
  await inChunks(list, (part) => {
    const json = JSON.stringify(part.map((f) => ({ ...row(f), id: f.id, fingerprint: f.fingerprint })));
    return db.execute(sql`
      insert into findings (county_code, id, fingerprint, category, child_id, name, id_number, records, method, confidence,
        explanation, township_code, village_code, school_id, key_groups, status, first_run_id, last_run_id, created_at, updated_at)
      select ${countyCode}, v.id, v.fingerprint, v.category, v.child_id, v.name, v.id_number, v.records, v.method, v.confidence,
        v.explanation, v.township_code, v.village_code, v.school_id, coalesce(v.key_groups, '{}'), 'open', ${runId}::uuid,
        ${runId}::uuid, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${json}::jsonb) as v(id uuid, fingerprint text, ${sql.raw(COLUMNS)})`);
  });
}

/** Findings produced again: details refreshed, the decision kept; a resolved one that reappears opens again. */
export async function refreshFindingsBatch(
  db: DbOrTx,
  countyCode: string,
  runId: string,
  now: Date,
  list: { id: string; finding: FindingDetails; reopen: boolean }[],
) {
  await inChunks(list, (part) => {
    const json = JSON.stringify(part.map((r) => ({ ...row(r.finding), id: r.id, reopen: r.reopen })));
    return db.execute(sql`
      update findings f set category = v.category, name = v.name, id_number = v.id_number, records = v.records,
        method = v.method, confidence = v.confidence, explanation = v.explanation, township_code = v.township_code,
        village_code = v.village_code, school_id = v.school_id, child_id = v.child_id,
        key_groups = coalesce(v.key_groups, '{}'), last_run_id = ${runId}::uuid, updated_at = ${now.toISOString()}::timestamptz,
        status = case when v.reopen then 'open' else f.status end,
        resolved_run_id = case when v.reopen then null else f.resolved_run_id end
      from jsonb_to_recordset(${json}::jsonb) as v(id uuid, reopen boolean, ${sql.raw(COLUMNS)})
      where f.county_code = ${countyCode} and f.id = v.id`);
  });
}
