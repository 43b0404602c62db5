import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** One run of 四查三比对 on the committed snapshots of its scope (the county, or a township for its own area). */
export const reconciliationRuns = pgTable(
  'reconciliation_runs',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    scopeKind: text('scope_kind', { enum: ['county', 'township'] }).notNull(),
    scopeId: text('scope_id').notNull(),
    /** snapshot ids by kind: { hukou: [..], xueji: [..], roster: [..], poverty: [..], disability: [..] } */
    inputs: jsonb('inputs').notNull(),
    status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
    /** { counts: {category: n}, new, stillOpen, resolved, missingRosters, ms } */
    summary: jsonb('summary').notNull().default({}),
    startedBy: uuid('started_by'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    message: text('message'),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.id] }), index('reconciliation_runs_at_idx').on(t.countyCode, t.startedAt)],
);

/**
 * One discrepancy to verify. The fingerprint (category + the child's stable identity) survives re-runs, so work done on a
 * finding is never lost or duplicated: a re-run updates last_run_id; a finding no longer produced is marked resolved.
 */
export const findings = pgTable(
  'findings',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    fingerprint: text('fingerprint').notNull(),
    category: text('category').notNull(),
    childId: uuid('child_id'),
    name: text('name').notNull(),
    idNumber: text('id_number'),
    /** the records involved: [{ kind, snapshotId, rowNo }] */
    records: jsonb('records').notNull().default([]),
    method: text('method').notNull().default(''),
    confidence: real('confidence').notNull().default(1),
    explanation: text('explanation').notNull().default(''),
    /** assignment by jurisdiction: OUT_OF_SCHOOL to the household's township/village; ENROLLED_ABSENT to the school */
    townshipCode: text('township_code'),
    villageCode: text('village_code'),
    schoolId: uuid('school_id'),
    keyGroups: text('key_groups')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status', { enum: ['open', 'confirmed', 'closed', 'resolved'] }).notNull(),
    firstRunId: uuid('first_run_id').notNull(),
    lastRunId: uuid('last_run_id').notNull(),
    resolvedRunId: uuid('resolved_run_id'),
    closeReason: text('close_reason'),
    closeEvidence: text('close_evidence'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    ledgerEntryId: uuid('ledger_entry_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    uniqueIndex('findings_fingerprint_uq').on(t.countyCode, t.fingerprint),
    index('findings_status_idx').on(t.countyCode, t.status, t.category),
    index('findings_child_idx').on(t.countyCode, t.childId),
    check('findings_status_ck', sql`${t.status} in ('open','confirmed','closed','resolved')`),
  ],
);

/** 疑似辍学台账 and 辍学学生台账 entries; an entry leaves its ledger only by 动态销号 with reason and evidence. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    childId: uuid('child_id').notNull(),
    ledger: text('ledger', { enum: ['suspected', 'dropout'] }).notNull(),
    /** where the lead came from: finding | attendance | report | survey */
    source: text('source').notNull(),
    findingId: uuid('finding_id'),
    category: text('category'),
    cause: text('cause'),
    note: text('note'),
    openedBy: uuid('opened_by'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    closedBy: uuid('closed_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closeReason: text('close_reason'),
    closeEvidence: text('close_evidence'),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    // one open entry per child and ledger
    uniqueIndex('ledger_entries_open_uq')
      .on(t.countyCode, t.childId, t.ledger)
      .where(sql`closed_at is null`),
    index('ledger_entries_ledger_idx').on(t.countyCode, t.ledger, t.closedAt),
    check('ledger_entries_ledger_ck', sql`${t.ledger} in ('suspected','dropout')`),
  ],
);

/** Append-only history of each ledger entry. */
export const ledgerEvents = pgTable(
  'ledger_events',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    entryId: uuid('entry_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    type: text('type').notNull(),
    data: jsonb('data').notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.id] }), index('ledger_events_entry_idx').on(t.countyCode, t.entryId)],
);
