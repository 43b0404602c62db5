import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * 一生一表一档案: one case per child at a time, from report to 销号 (issue 5). The status moves only through the
 * transition table in packages/shared/src/rules/cases; `version` guards concurrent edits (one wins, the other gets 409).
 */
export const cases = pgTable(
  'cases',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    childId: uuid('child_id').notNull(),
    status: text('status').notNull(),
    statusSince: timestamp('status_since', { withTimezone: true }).notNull(),
    /** where the case came from: finding | report | attendance | relapse */
    source: text('source').notNull(),
    findingId: uuid('finding_id'),
    ledgerEntryId: uuid('ledger_entry_id'),
    /** after 销号 a new case links the old one (relapse) */
    previousCaseId: uuid('previous_case_id'),
    /** 辍学 or 失学 once confirmed */
    dropoutKind: text('dropout_kind'),
    cause: text('cause'),
    /** jurisdiction at opening, kept up to date on return: who sees and acts on the case */
    schoolId: uuid('school_id'),
    classId: uuid('class_id'),
    townshipCode: text('township_code'),
    villageCode: text('village_code'),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    confirmedOn: date('confirmed_on', { mode: 'string' }),
    returnedOn: date('returned_on', { mode: 'string' }),
    followUpUntil: date('follow_up_until', { mode: 'string' }),
    /** not_dropout (核实非辍学) | cancelled (销号) */
    closeKind: text('close_kind'),
    closeReason: text('close_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    openedBy: uuid('opened_by'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    // one open case per child at a time
    uniqueIndex('cases_open_child_uq')
      .on(t.countyCode, t.childId)
      .where(sql`closed_at is null`),
    index('cases_status_idx').on(t.countyCode, t.status),
    index('cases_school_idx').on(t.countyCode, t.schoolId),
    index('cases_township_idx').on(t.countyCode, t.townshipCode, t.villageCode),
  ],
);

/** Append-only record of everything done on a case; each type's data is validated by its zod schema. */
export const caseEvents = pgTable(
  'case_events',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    type: text('type').notNull(),
    /** the day it happened (a visit recorded in the evening for the morning) */
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    data: jsonb('data').notNull().default({}),
    attachmentIds: uuid('attachment_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** the signature line of the tracking form (签名) */
    signedBy: text('signed_by'),
    /** a phone that saved the form offline resends it with the same key: recorded once */
    clientKey: text('client_key'),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    index('case_events_case_idx').on(t.countyCode, t.caseId, t.at),
    uniqueIndex('case_events_client_key_uq')
      .on(t.countyCode, t.clientKey)
      .where(sql`client_key is not null`),
  ],
);

/** The people answering for a case: 四包一 (乡镇干部, 驻村工作人员, 村干部, 帮扶人), 班主任, 校领导. */
export const caseTeam = pgTable(
  'case_team',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    userId: uuid('user_id'),
    personName: text('person_name').notNull(),
    role: text('role').notNull(),
    phone: text('phone'),
    addedBy: uuid('added_by'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.id] }), index('case_team_case_idx').on(t.countyCode, t.caseId)],
);

/** Legal clocks of a case: each deadline is met by a later event or becomes overdue (the 待办 inbox reads this). */
export const caseDeadlines = pgTable(
  'case_deadlines',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    /** verify | home_visit | notice_return | correction | follow_up | follow_up_end | home_teaching */
    kind: text('kind').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    eventId: uuid('event_id'),
    metAt: timestamp('met_at', { withTimezone: true }),
    metEventId: uuid('met_event_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    index('case_deadlines_case_idx').on(t.countyCode, t.caseId),
    index('case_deadlines_open_idx')
      .on(t.countyCode, t.dueOn)
      .where(sql`met_at is null`),
  ],
);

/** Approvals (延缓入学 / 休学 / 销号确认): a request and its steps, decided by people other than the requester. */
export const approvals = pgTable(
  'approvals',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    type: text('type').notNull(),
    caseId: uuid('case_id').notNull(),
    childId: uuid('child_id').notNull(),
    requesterId: uuid('requester_id').notNull(),
    requesterName: text('requester_name').notNull(),
    status: text('status').notNull(),
    /** the application: conditions met, attachments, reason */
    data: jsonb('data').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    index('approvals_case_idx').on(t.countyCode, t.caseId),
    index('approvals_status_idx').on(t.countyCode, t.status, t.type),
    check('approvals_status_ck', sql`${t.status} in ('pending','approved','rejected','withdrawn')`),
  ],
);

export const approvalSteps = pgTable(
  'approval_steps',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    approvalId: uuid('approval_id').notNull(),
    stepNo: integer('step_no').notNull(),
    /** the approval right the decider holds (packages/shared roles.ts APPROVAL_RIGHTS) */
    right: text('right').notNull(),
    deciderId: uuid('decider_id').notNull(),
    deciderName: text('decider_name').notNull(),
    decision: text('decision').notNull(),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.id] }), uniqueIndex('approval_steps_step_uq').on(t.countyCode, t.approvalId, t.stepNo)],
);

/** A referral to another department, answered by its liaison (accepted / done / declined). */
export const referrals = pgTable(
  'referrals',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    department: text('department').notNull(),
    /** 司法文书 / 办理户籍 / 残疾儿童安置 / 救助 / 违法用工查处 … */
    subject: text('subject').notNull(),
    request: text('request').notNull(),
    status: text('status').notNull(),
    response: text('response'),
    sentBy: uuid('sent_by').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    respondedBy: uuid('responded_by'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.id] }),
    index('referrals_case_idx').on(t.countyCode, t.caseId),
    index('referrals_department_idx').on(t.countyCode, t.department, t.status),
    check('referrals_status_ck', sql`${t.status} in ('sent','accepted','done','declined')`),
  ],
);

/** 送教上门 sessions: once a week, 2 class hours (seed 004), who taught, content, photo. */
export const homeTeachingSessions = pgTable(
  'home_teaching_sessions',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    childId: uuid('child_id').notNull(),
    taughtOn: date('taught_on', { mode: 'string' }).notNull(),
    hours: real('hours').notNull(),
    teacherName: text('teacher_name').notNull(),
    teacherId: uuid('teacher_id'),
    content: text('content').notNull(),
    attachmentIds: uuid('attachment_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.id] }), index('home_teaching_case_idx').on(t.countyCode, t.caseId, t.taughtOn)],
);

/** Files (photos, scans) kept under the data folder by content hash; rows hold only the metadata. */
export const attachments = pgTable(
  'attachments',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id'),
    sha256: text('sha256').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    fileName: text('file_name').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.id] }), index('attachments_case_idx').on(t.countyCode, t.caseId)],
);
