import { uuidv7 } from 'uuidv7';
import {
  CASE_SOURCE_LABELS,
  CASE_STATUS_LABELS,
  ledgerOfStatus,
  shanghaiToday,
  type CaseSource,
  type CaseStatus,
} from '@notoneless/shared';
import type { DbOrTx } from '../../db/client';
import { AppError, notFound } from '../../http/app-error';
import { audit, type Ctx } from '../../http/context';
import { findChild } from '../children/children.repository';
import { insertEntryIfAbsent } from '../ledgers/ledger-entry-store';
import { deadlineEnvOf, startDeadlines } from './case-deadlines';
import * as repo from './cases.repository';
import type { CaseRow } from './cases.repository';

export type OpenCaseInput = {
  childId: string;
  /** 疑似辍学, or 已认定 when a finding is confirmed straight into the 辍学 ledger */
  status: 'suspected' | 'confirmed';
  source: Exclude<CaseSource, 'relapse'>;
  /** the ledger entry's own source word (摸排 is a report for the case) */
  ledgerSource?: 'finding' | 'attendance' | 'report' | 'survey';
  reportedOn: string;
  text?: string | null;
  findingId?: string | null;
  /** the finding's category (OUT_OF_SCHOOL → 失学) */
  category?: string | null;
  dropoutKind?: string | null;
  cause?: string | null;
  data?: Record<string, unknown>;
};

export type OpenCaseResult = { caseId: string; created: boolean; case: CaseRow };

const isUniqueViolation = (e: unknown): boolean => {
  const x = e as { code?: string; cause?: { code?: string } };
  return x?.code === '23505' || x?.cause?.code === '23505';
};

/** OUT_OF_SCHOOL (适龄失学) is 失学; everything else that is confirmed is 辍学. */
export const dropoutKindOf = (category: string | null | undefined) => (category === 'OUT_OF_SCHOOL' ? '失学' : '辍学');

/**
 * Open the child's case in the caller's transaction — or return the open one (one open case per child, a unique index
 * guards it). After 销号 the new case links the old one (previousCaseId, source 'relapse'). The child enters the ledger
 * of the case's status, and the case's first clock starts (verify within a week, or a home visit once confirmed).
 */
export async function openCase(tx: DbOrTx, ctx: Ctx, v: OpenCaseInput): Promise<OpenCaseResult> {
  const county = ctx.actor.countyCode;
  const existing = await repo.openCaseOf(tx, county, v.childId);
  if (existing) return { caseId: existing.id, created: false, case: existing };
  const child = await findChild(tx, county, v.childId);
  if (!child) throw notFound('儿童');
  const previous = await repo.latestClosedCaseOf(tx, county, v.childId);
  const source: CaseSource = previous?.closeKind === 'cancelled' ? 'relapse' : v.source;
  const ledger = ledgerOfStatus(v.status);
  const dropoutKind = v.status === 'confirmed' ? (v.dropoutKind ?? dropoutKindOf(v.category)) : null;
  const entry = ledger
    ? await insertEntryIfAbsent(tx, ctx, {
        childId: v.childId,
        ledger,
        source: v.ledgerSource ?? v.source,
        findingId: v.findingId ?? null,
        category: v.category ?? null,
        cause: v.cause ?? null,
        note: v.text ?? null,
      })
    : null;
  const id = uuidv7();
  const row: CaseRow = {
    countyCode: county,
    id,
    childId: v.childId,
    status: v.status,
    statusSince: ctx.now,
    source,
    findingId: v.findingId ?? null,
    ledgerEntryId: entry?.id ?? null,
    previousCaseId: previous?.id ?? null,
    dropoutKind,
    cause: v.status === 'confirmed' ? (v.cause ?? null) : null,
    schoolId: child.child.schoolId,
    classId: child.child.classId,
    townshipCode: child.schoolTownshipCode ?? child.child.householdTownshipCode,
    villageCode: child.child.householdVillageCode,
    reportedOn: v.reportedOn,
    confirmedOn: v.status === 'confirmed' ? v.reportedOn : null,
    returnedOn: null,
    followUpUntil: null,
    closeKind: null,
    closeReason: null,
    closedAt: null,
    openedBy: ctx.actor.userId,
    openedAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
  };
  try {
    await repo.insertCase(tx, row);
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', `${child.child.name}已有进行中的个案，请刷新后查看`);
    throw e;
  }
  const eventId = uuidv7();
  await repo.insertEvent(tx, {
    countyCode: county,
    id: eventId,
    caseId: id,
    type: 'opened',
    occurredOn: v.reportedOn,
    at: ctx.now,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    actorRole: ctx.actor.grants[0]?.role ?? null,
    fromStatus: null,
    toStatus: v.status,
    data: {
      source,
      sourceLabel: CASE_SOURCE_LABELS[source],
      text: v.text ?? null,
      findingId: v.findingId ?? null,
      previousCaseId: previous?.id ?? null,
      ledgerEntryId: entry?.id ?? null,
      ...(dropoutKind ? { dropoutKind, cause: v.cause ?? null } : {}),
      ...v.data,
    },
  });
  await startDeadlines(tx, ctx, id, v.status, v.reportedOn, eventId, await deadlineEnvOf(tx, county));
  await audit(tx, ctx, {
    action: 'case.opened',
    targetType: 'case',
    targetId: id,
    childId: v.childId,
    data: { source, status: v.status, previousCaseId: previous?.id ?? null },
  });
  return { caseId: id, created: true, case: row };
}

/**
 * A note on an open case that does not move it (a second report, a finding or an attendance alert about a child whose
 * case is already open): recorded and audited, the version is left alone so nobody's form goes stale.
 */
export async function noteOnCase(tx: DbOrTx, ctx: Ctx, c: CaseRow, text: string, data: Record<string, unknown> = {}): Promise<string> {
  const eventId = uuidv7();
  await repo.insertEvent(tx, {
    countyCode: ctx.actor.countyCode,
    id: eventId,
    caseId: c.id,
    type: 'note',
    occurredOn: shanghaiToday(ctx.now),
    at: ctx.now,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    actorRole: ctx.actor.grants[0]?.role ?? null,
    fromStatus: c.status,
    toStatus: null,
    data: { text, ...data },
  });
  await repo.updateCaseLinks(tx, ctx.actor.countyCode, c.id, { updatedAt: ctx.now });
  await audit(tx, ctx, { action: 'case.noted', targetType: 'case', targetId: c.id, childId: c.childId, data: { eventId, ...data } });
  return eventId;
}

/**
 * For the attendance issue: unexplained absence opens the child's case (source 'attendance', 疑似辍学), or adds a note
 * to the open one. Runs in the caller's transaction; the caller has decided the child is theirs to report.
 */
export async function openCaseFromAttendance(
  tx: DbOrTx,
  ctx: Ctx,
  v: { childId: string; reportedOn: string; text: string; data?: Record<string, unknown> },
): Promise<{ caseId: string; created: boolean }> {
  const open = await repo.openCaseOf(tx, ctx.actor.countyCode, v.childId);
  if (open) {
    await noteOnCase(tx, ctx, open, `缺勤预警：${v.text}`, { source: 'attendance', ...v.data });
    return { caseId: open.id, created: false };
  }
  const r = await openCase(tx, ctx, {
    childId: v.childId,
    status: 'suspected',
    source: 'attendance',
    reportedOn: v.reportedOn,
    text: v.text,
    data: v.data,
  });
  return { caseId: r.caseId, created: r.created };
}

/** "该儿童已有进行中的个案（劝返中）" — the words a second report is answered with. */
export const openCaseNotice = (name: string, c: CaseRow) =>
  `${name}已有进行中的个案（${CASE_STATUS_LABELS[c.status as CaseStatus] ?? c.status}），本次报告已记入该个案`;
