import type { z } from 'zod';
import {
  availableCaseActions,
  filterNoticeActions,
  isCaseOpen,
  maskPhone,
  maskStudentNo,
  shanghaiToday,
  type CaseActionBody,
  type CaseDetail,
  type CaseStatus,
  type caseOpenBodySchema,
  type caseQuerySchema,
} from '@notoneless/shared';
import { AppError, notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { offsetOf, pageResult } from '../../lib/paging';
import { childVisible } from '../../policies/actor';
import { authorize } from '../../policies/org.policy';
import {
  canExportCases,
  canManageCaseTeam,
  canReadCases,
  canReportCase,
  canUploadAttachments,
  caseActorOf,
} from '../../policies/cases.policy';
import { findChild } from '../children/children.repository';
import { applyCaseAction } from './case-actions';
import { noticeStateOfRows } from './case-notices';
import { noteOnCase, openCase, openCaseNotice } from './case-open';
import { suggestionOfCase } from './case-resume';
import * as records from './case-records.repository';
import * as repo from './cases.repository';
import {
  presentApproval,
  presentDeadline,
  presentEvent,
  presentListItem,
  presentMember,
  presentReferral,
  presentSession,
  statusLabel,
} from './cases.presenter';

export type CaseQuery = z.infer<typeof caseQuerySchema>;
export const filterOf = (q: Partial<CaseQuery>): repo.CaseFilter => ({
  status: q.status,
  townshipCode: q.townshipCode,
  schoolId: q.schoolId,
  grade: q.grade,
  keyGroup: q.keyGroup,
  overdue: q.overdue,
  q: q.q,
  month: q.month,
  monthEvent: q.monthEvent,
});

export async function list(ctx: Ctx, q: CaseQuery) {
  authorize(canReadCases(ctx.actor), '您的角色不能查看个案');
  const today = shanghaiToday(ctx.now);
  const { limit, offset } = offsetOf(q);
  const r = await repo.listCases(ctx.db, ctx.actor.scope, filterOf(q), today, limit, offset);
  await inTx(ctx, (tx) =>
    audit(tx, ctx, {
      action: 'case.list_viewed',
      targetType: 'case_list',
      data: { filter: filterOf(q), shown: r.items.length, ids: r.items.map((i) => i.c.id) },
    }),
  );
  return pageResult(
    r.items.map((i) => presentListItem(i, today)),
    r.total,
    q,
  );
}

/** The whole file of one case (一生一表一档案), with what this user may do now; a view of a child's data, audited. */
export async function detail(ctx: Ctx, id: string, opts: { audited?: boolean } = { audited: true }): Promise<CaseDetail> {
  authorize(canReadCases(ctx.actor), '您的角色不能查看个案');
  const today = shanghaiToday(ctx.now);
  const county = ctx.actor.countyCode;
  const found = await repo.listCases(ctx.db, ctx.actor.scope, { caseId: id }, today, 1, 0);
  const row = found.items[0];
  if (!row) throw notFound('个案');
  const c = row.c;
  const [events, team, deadlines, approvals, referrals, sessions, history] = await Promise.all([
    repo.eventsOf(ctx.db, county, [id]),
    records.teamOf(ctx.db, county, id),
    records.deadlinesOf(ctx.db, county, id),
    records.approvalsOf(ctx.db, county, id),
    records.referralsOf(ctx.db, county, id),
    records.homeTeachingOf(ctx.db, county, id),
    repo.casesOfChild(ctx.db, county, c.childId),
  ]);
  const fileIds = [...events.flatMap((e) => e.attachmentIds), ...sessions.flatMap((s) => s.attachmentIds)];
  const files = new Map((await records.attachmentsByIds(ctx.db, county, [...new Set(fileIds)])).map((a) => [a.id, a]));
  const pending = approvals.find((a) => a.a.type === 'closure' && a.a.status === 'pending');
  const status = c.status as CaseStatus;
  // the transition table by status, then the 劝返通知书's own history (issued before delivered, one return period at a time)
  const actions = filterNoticeActions(
    availableCaseActions(
      { status, followUpUntil: c.followUpUntil, closureRequestedBy: pending?.a.requesterId ?? null },
      caseActorOf(ctx.actor),
      today,
    ),
    noticeStateOfRows(events, deadlines, today),
  );
  const suggest = isCaseOpen(status) && !['returned', 'closure_pending'].includes(status);
  const resumeSuggestion = suggest ? await suggestionOfCase(ctx.db, ctx, c) : null;
  const resumeSuggestionIfUnwilling = suggest ? await suggestionOfCase(ctx.db, ctx, c, true) : null;
  if (opts.audited !== false)
    await inTx(ctx, (tx) => audit(tx, ctx, { action: 'case.viewed', targetType: 'case', targetId: id, childId: c.childId }));
  const open = isCaseOpen(status);
  return {
    ...presentListItem(row, today),
    version: c.version,
    dropoutKind: c.dropoutKind,
    cause: c.cause,
    confirmedOn: c.confirmedOn,
    returnedOn: c.returnedOn,
    followUpUntil: c.followUpUntil,
    closeKind: c.closeKind,
    closeReason: c.closeReason,
    closedAt: c.closedAt?.toISOString() ?? null,
    previousCaseId: c.previousCaseId,
    findingId: c.findingId,
    guardianName: row.child.guardianName,
    guardianRelation: row.child.guardianRelation,
    guardianPhoneMasked: maskPhone(row.child.guardianPhone ?? ''),
    householdAddress: row.child.householdAddress,
    birthDate: row.child.birthDate,
    studentNoMasked: maskStudentNo(row.child.studentNo),
    events: events.map((e) => presentEvent(e, files)),
    team: team.map(presentMember),
    deadlines: deadlines.map((d) => presentDeadline(d, today)),
    approvals: approvals.map((a) => presentApproval(a, ctx.actor)),
    referrals: referrals.map((r) => presentReferral(r, row.child.name, ctx.actor)),
    homeTeaching: sessions.map((s) => presentSession(s, files)),
    history: history
      .filter((h) => h.id !== id)
      .map((h) => ({
        id: h.id,
        status: h.status,
        statusLabel: statusLabel(h.status),
        reportedOn: h.reportedOn,
        closedAt: h.closedAt?.toISOString() ?? null,
      })),
    actions,
    resumeSuggestion,
    resumeSuggestionIfUnwilling,
    abilities: {
      act: actions.length > 0,
      team: open && canManageCaseTeam(ctx.actor),
      upload: open && canUploadAttachments(ctx.actor),
      export: canExportCases(ctx.actor),
    },
  };
}

/**
 * A teacher's report (POST /api/cases): opens the child's case as 疑似辍学 with its ledger entry — or, when the child
 * already has an open case, adds the report to it as a note and says so.
 */
export async function report(ctx: Ctx, body: z.infer<typeof caseOpenBodySchema>) {
  authorize(canReportCase(ctx.actor), '您的角色不能报告疑似辍学');
  const child = await findChild(ctx.db, ctx.actor.countyCode, body.childId);
  if (!child || !childVisible(ctx.actor.scope, child.child)) throw notFound('儿童');
  const today = shanghaiToday(ctx.now);
  if (body.reportedOn > today) throw new AppError('UNPROCESSABLE', `报告日期 ${body.reportedOn} 不能晚于今天（${today}）`);
  const r = await inTx(ctx, async (tx) => {
    const open = await repo.openCaseOf(tx, ctx.actor.countyCode, body.childId);
    if (open) {
      await noteOnCase(tx, ctx, open, `再次报告（${body.reportedOn}）：${body.text}`, { source: body.source, reportedOn: body.reportedOn });
      return { caseId: open.id, created: false, notice: openCaseNotice(child.child.name, open) };
    }
    const opened = await openCase(tx, ctx, {
      childId: body.childId,
      status: 'suspected',
      source: body.source,
      reportedOn: body.reportedOn,
      text: body.text,
    });
    return { caseId: opened.caseId, created: true, notice: null };
  });
  return { ...(await detail(ctx, r.caseId, { audited: false })), created: r.created, notice: r.notice };
}

/** POST /api/cases/:id/actions: one action through the transition table; answers the case as it now is. */
export async function act(ctx: Ctx, id: string, body: CaseActionBody) {
  await inTx(ctx, (tx) => applyCaseAction(tx, ctx, id, body));
  return detail(ctx, id, { audited: false });
}

/** The child page's story: every case of the child (newest first) with its events (newest first). */
export async function ofChild(ctx: Ctx, childId: string) {
  authorize(canReadCases(ctx.actor), '您的角色不能查看个案');
  const child = await findChild(ctx.db, ctx.actor.countyCode, childId);
  if (!child || !childVisible(ctx.actor.scope, child.child)) throw notFound('儿童');
  const today = shanghaiToday(ctx.now);
  const county = ctx.actor.countyCode;
  const r = await repo.listCases(ctx.db, ctx.actor.scope, { childId }, today, 100, 0);
  const items = [...r.items].sort((a, b) => b.c.openedAt.getTime() - a.c.openedAt.getTime());
  const events = await repo.eventsOf(
    ctx.db,
    county,
    items.map((i) => i.c.id),
  );
  const files = new Map(
    (await records.attachmentsByIds(ctx.db, county, [...new Set(events.flatMap((e) => e.attachmentIds))])).map((a) => [a.id, a]),
  );
  await inTx(ctx, (tx) => audit(tx, ctx, { action: 'case.viewed', targetType: 'child_cases', targetId: childId, childId }));
  return {
    items: items.map((i) => ({
      ...presentListItem(i, today),
      previousCaseId: i.c.previousCaseId,
      closedAt: i.c.closedAt?.toISOString() ?? null,
      closeReason: i.c.closeReason,
      events: events.filter((e) => e.caseId === i.c.id).map((e) => presentEvent(e, files)),
    })),
  };
}
