import { aliasedTable, and, asc, count, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { addCalendarDays, DUE_SOON_DAYS, inboxAudienceOf, inboxLevelRank, type IsoDate } from '@notoneless/shared';
import { rows, type DbOrTx } from '../../db/client';
import { approvals, approvalSteps, caseDeadlines, cases, children, divisions, referrals, schools } from '../../db/schema/index';
import { hasRole, type Actor } from '../../policies/actor';
import { childScopeSql } from '../../policies/scope-sql';
import { decidableByActorSql } from '../approvals/approvals.repository';

/**
 * The 待办 queries (docs/domain/inbox.md). Each kind of item has one WHERE clause, used both by the list and by the one
 * count query of the menu badge, so the two always agree.
 */

const township = aliasedTable(divisions, 'township');

/** The case's home level as a number (0 school, 1 township, 2 county): the SQL twin of caseHomeLevel(). */
const homeLevelSql = sql<number>`(case when ${cases.schoolId} is not null then 0 when ${cases.townshipCode} is not null then 1 else 2 end)`;

/**
 * SQL twin of deadlineInboxEntry(...) !== null (rules/cases/inbox.ts): at the user's own level, due within DUE_SOON_DAYS or
 * overdue; at a level above the case's home, overdue ≥ (levels up) × escalationDays. Cases in the user's scope only.
 */
export function deadlineWhere(actor: Actor, today: IsoDate, escalationDays: number): SQL {
  const audience = inboxAudienceOf(actor.grants.map((g) => g.role));
  const own = audience.own.map(inboxLevelRank);
  const up = audience.escalated.map(inboxLevelRank);
  const overdue = sql`(${today}::date - ${caseDeadlines.dueOn})`;
  const parts: SQL[] = [];
  if (own.length)
    parts.push(
      sql`(${homeLevelSql} in (${sql.join(
        own.map((n) => sql`${n}`),
        sql`, `,
      )}) and ${caseDeadlines.dueOn} <= ${addCalendarDays(today, DUE_SOON_DAYS)}::date)`,
    );
  for (const l of up) parts.push(sql`(${homeLevelSql} < ${l} and ${overdue} >= (${l} - ${homeLevelSql}) * ${escalationDays})`);
  return and(
    eq(caseDeadlines.countyCode, actor.countyCode),
    isNull(caseDeadlines.metAt),
    isNull(cases.closedAt),
    childScopeSql(actor.scope),
    parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`,
  ) as SQL;
}

const deadlineFrom = (db: DbOrTx, fields: Parameters<DbOrTx['select']>[0]) =>
  db
    .select(fields)
    .from(caseDeadlines)
    .innerJoin(cases, and(eq(cases.countyCode, caseDeadlines.countyCode), eq(cases.id, caseDeadlines.caseId)))
    .innerJoin(children, and(eq(children.countyCode, cases.countyCode), eq(children.id, cases.childId)));

export async function listDeadlines(db: DbOrTx, actor: Actor, today: IsoDate, escalationDays: number) {
  return db
    .select({
      id: caseDeadlines.id,
      kind: caseDeadlines.kind,
      dueOn: caseDeadlines.dueOn,
      caseId: cases.id,
      caseSchoolId: cases.schoolId,
      caseTownshipCode: cases.townshipCode,
      childName: children.name,
      schoolName: schools.name,
      townshipName: township.name,
    })
    .from(caseDeadlines)
    .innerJoin(cases, and(eq(cases.countyCode, caseDeadlines.countyCode), eq(cases.id, caseDeadlines.caseId)))
    .innerJoin(children, and(eq(children.countyCode, cases.countyCode), eq(children.id, cases.childId)))
    .leftJoin(schools, and(eq(schools.countyCode, cases.countyCode), eq(schools.id, cases.schoolId)))
    .leftJoin(township, and(eq(township.countyCode, cases.countyCode), eq(township.code, cases.townshipCode)))
    .where(deadlineWhere(actor, today, escalationDays))
    .orderBy(asc(caseDeadlines.dueOn))
    .limit(500);
}

/** Deferral approvals waiting on this user's right (never their own application, never a second step by them). */
const approvalWhere = (actor: Actor): SQL =>
  and(eq(approvals.countyCode, actor.countyCode), decidableByActorSql(actor), childScopeSql(actor.scope)) as SQL;

const approvalFrom = (db: DbOrTx, fields: Parameters<DbOrTx['select']>[0]) =>
  db
    .select(fields)
    .from(approvals)
    .innerJoin(cases, and(eq(cases.countyCode, approvals.countyCode), eq(cases.id, approvals.caseId)))
    .innerJoin(children, and(eq(children.countyCode, cases.countyCode), eq(children.id, cases.childId)));

export async function listWaitingApprovals(db: DbOrTx, actor: Actor) {
  return db
    .select({
      id: approvals.id,
      type: approvals.type,
      caseId: cases.id,
      createdAt: approvals.createdAt,
      stepsDone: sql<number>`(select count(*)::int from ${approvalSteps} s where s.county_code = approvals.county_code and s.approval_id = approvals.id)`,
      childName: children.name,
      schoolName: schools.name,
      townshipName: township.name,
    })
    .from(approvals)
    .innerJoin(cases, and(eq(cases.countyCode, approvals.countyCode), eq(cases.id, approvals.caseId)))
    .innerJoin(children, and(eq(children.countyCode, cases.countyCode), eq(children.id, cases.childId)))
    .leftJoin(schools, and(eq(schools.countyCode, cases.countyCode), eq(schools.id, cases.schoolId)))
    .leftJoin(township, and(eq(township.countyCode, cases.countyCode), eq(township.code, cases.townshipCode)))
    .where(approvalWhere(actor))
    .orderBy(asc(approvals.createdAt))
    .limit(200);
}

/** Referrals waiting on a liaison's department: not yet accepted, or accepted and not yet done. */
const referralWhere = (actor: Actor): SQL =>
  hasRole(actor, 'dept_liaison') && actor.scope.departments.length
    ? (and(
        eq(referrals.countyCode, actor.countyCode),
        inArray(referrals.department, actor.scope.departments),
        inArray(referrals.status, ['sent', 'accepted']),
      ) as SQL)
    : sql`false`;

const referralFrom = (db: DbOrTx, fields: Parameters<DbOrTx['select']>[0]) =>
  db
    .select(fields)
    .from(referrals)
    .innerJoin(cases, and(eq(cases.countyCode, referrals.countyCode), eq(cases.id, referrals.caseId)))
    .innerJoin(children, and(eq(children.countyCode, cases.countyCode), eq(children.id, cases.childId)));

export async function listWaitingReferrals(db: DbOrTx, actor: Actor) {
  return db
    .select({
      id: referrals.id,
      caseId: cases.id,
      department: referrals.department,
      subject: referrals.subject,
      status: referrals.status,
      sentAt: referrals.sentAt,
      childName: children.name,
      schoolName: schools.name,
      townshipName: township.name,
    })
    .from(referrals)
    .innerJoin(cases, and(eq(cases.countyCode, referrals.countyCode), eq(cases.id, referrals.caseId)))
    .innerJoin(children, and(eq(children.countyCode, cases.countyCode), eq(children.id, cases.childId)))
    .leftJoin(schools, and(eq(schools.countyCode, cases.countyCode), eq(schools.id, cases.schoolId)))
    .leftJoin(township, and(eq(township.countyCode, cases.countyCode), eq(township.code, cases.townshipCode)))
    .where(referralWhere(actor))
    .orderBy(asc(referrals.sentAt))
    .limit(200);
}

/** 待销号确认 cases for holders of case_closure_confirm in scope, except those they asked to close themselves. */
const closureWhere = (actor: Actor): SQL =>
  actor.approvalRights.includes('case_closure_confirm')
    ? (and(
        eq(cases.countyCode, actor.countyCode),
        eq(cases.status, 'closure_pending'),
        childScopeSql(actor.scope),
        sql`not exists (select 1 from ${approvals} a where a.county_code = cases.county_code and a.case_id = cases.id
          and a.type = 'closure' and a.status = 'pending' and a.requester_id = ${actor.userId})`,
      ) as SQL)
    : sql`false`;

const closureFrom = (db: DbOrTx, fields: Parameters<DbOrTx['select']>[0]) =>
  db
    .select(fields)
    .from(cases)
    .innerJoin(children, and(eq(children.countyCode, cases.countyCode), eq(children.id, cases.childId)));

export async function listWaitingClosures(db: DbOrTx, actor: Actor) {
  return db
    .select({
      caseId: cases.id,
      statusSince: cases.statusSince,
      childName: children.name,
      schoolName: schools.name,
      townshipName: township.name,
    })
    .from(cases)
    .innerJoin(children, and(eq(children.countyCode, cases.countyCode), eq(children.id, cases.childId)))
    .leftJoin(schools, and(eq(schools.countyCode, cases.countyCode), eq(schools.id, cases.schoolId)))
    .leftJoin(township, and(eq(township.countyCode, cases.countyCode), eq(township.code, cases.townshipCode)))
    .where(closureWhere(actor))
    .orderBy(asc(cases.statusSince))
    .limit(200);
}

/** The menu badge: every kind of item counted in one statement, with the same WHERE clauses as the list. */
export async function countInbox(db: DbOrTx, actor: Actor, today: IsoDate, escalationDays: number): Promise<number> {
  const n = { n: count() };
  const parts = [
    deadlineFrom(db, n).where(deadlineWhere(actor, today, escalationDays)),
    approvalFrom(db, n).where(approvalWhere(actor)),
    referralFrom(db, n).where(referralWhere(actor)),
    closureFrom(db, n).where(closureWhere(actor)),
  ];
  const [r] = await rows<{ n: number | string }>(
    db,
    sql`select ${sql.join(
      parts.map((p) => sql`(${p})`),
      sql` + `,
    )} as n`,
  );
  return Number(r?.n ?? 0);
}
