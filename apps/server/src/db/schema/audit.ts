import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Append-only (a trigger refuses UPDATE and DELETE; see migration 0001). */
export const auditEvents = pgTable(
  'audit_events',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    ip: text('ip'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    childId: uuid('child_id'),
    data: jsonb('data').notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    index('audit_at_idx').on(t.countyCode, t.at),
    // only events about a child: most events (every 到校日报) have none and cost no entry here
    index('audit_child_idx')
      .on(t.countyCode, t.childId)
      .where(sql`child_id is not null`),
    index('audit_actor_idx').on(t.countyCode, t.actorId),
  ],
);
