import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * A person's decision on who is who (issue 4, item 5: "merge/split identities"): two registry records are the same child
 * (merge) or are not (split). Keys name records in a way that survives re-imports (an ID number, a 学籍号, or school +
 * grade + class + name for a roster row without either), so later runs respect the decision. Revoking keeps the row.
 */
export const identityDecisions = pgTable(
  'identity_decisions',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    decision: text('decision', { enum: ['merge', 'split'] }).notNull(),
    /** stable record keys, ordered so that (left, right) is unique per decision */
    leftKey: text('left_key').notNull(),
    rightKey: text('right_key').notNull(),
    /** what the person saw: { left: {kind, name, idNumber, …}, right: {…} } */
    detail: jsonb('detail').notNull().default({}),
    findingId: uuid('finding_id'),
    reason: text('reason').notNull(),
    decidedBy: uuid('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    revokedBy: uuid('revoked_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    uniqueIndex('identity_decisions_pair_uq')
      .on(t.countyCode, t.leftKey, t.rightKey)
      .where(sql`revoked_at is null`),
    index('identity_decisions_finding_idx').on(t.countyCode, t.findingId),
  ],
);
