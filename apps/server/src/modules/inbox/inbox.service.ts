import {
  caseHomeLevel,
  compareInboxItems,
  DEADLINE_KIND_LABELS,
  deadlineInboxEntry,
  DEFERRAL_APPROVAL_STEPS,
  DEFERRAL_TYPE_LABELS,
  inboxAudienceOf,
  REFERRAL_STATUS_LABELS,
  shanghaiToday,
  type DeadlineKind,
  type DeferralType,
  type InboxEntryDto,
} from '@notoneless/shared';
import type { Ctx } from '../../http/context';
import { authorize } from '../../policies/org.policy';
import { canUseInbox } from '../../policies/inbox.policy';
import { getCountySettings } from '../settings/settings.service';
import * as repo from './inbox.repository';
import { attendanceInbox } from '../attendance/attendance-inbox';
import { monthlyReportsInbox } from '../monthly-reports/monthly-reports-inbox';

const caseLink = (caseId: string) => `/cases/${caseId}`;

/**
 * 待办 (issue 5 item 7; docs/domain/inbox.md): the case deadlines at the user's level (due within 3 days or overdue) and
 * those escalated to it, the approvals waiting on their right, referrals waiting on their department, and 销号 waiting
 * on their confirmation. Overdue first. Not audited: it shows names only, and it is polled every minute.
 */
export async function inbox(ctx: Ctx): Promise<{ items: InboxEntryDto[]; count: number }> {
  authorize(canUseInbox(ctx.actor), '您的角色没有待办');
  const today = shanghaiToday(ctx.now);
  const settings = await getCountySettings(ctx.db, ctx.actor.countyCode);
  const audience = inboxAudienceOf(ctx.actor.grants.map((g) => g.role));
  const [deadlines, approvals, referrals, closures, attendance] = await Promise.all([
    repo.listDeadlines(ctx.db, ctx.actor, today, settings.escalationDays),
    repo.listWaitingApprovals(ctx.db, ctx.actor),
    repo.listWaitingReferrals(ctx.db, ctx.actor),
    repo.listWaitingClosures(ctx.db, ctx.actor),
    attendanceInbox(ctx),
  ]);
  // the daily watch (issue 6): late class report, leaves waiting or not closed, absence alerts to decide
  const items: InboxEntryDto[] = [...attendance, ...(await monthlyReportsInbox(ctx))];
  for (const d of deadlines) {
    const homeLevel = caseHomeLevel({ schoolId: d.caseSchoolId, townshipCode: d.caseTownshipCode });
    const e = deadlineInboxEntry({ dueOn: d.dueOn, homeLevel }, audience, today, settings);
    if (!e) continue; // the SQL and the rule agree (inbox.int.test.ts); kept as a guard
    items.push({
      id: `deadline:${d.id}`,
      caseId: d.caseId,
      childName: d.childName,
      kind: d.kind,
      label: DEADLINE_KIND_LABELS[d.kind as DeadlineKind] ?? d.kind,
      dueOn: d.dueOn,
      state: e.state,
      overdueDays: e.overdueDays,
      escalated: e.escalated,
      escalationLevel: e.escalationLevel,
      schoolName: d.schoolName,
      townshipName: d.townshipName,
      link: caseLink(d.caseId),
    });
  }
  for (const a of approvals) {
    const step = DEFERRAL_APPROVAL_STEPS[a.stepsDone];
    items.push({
      id: `approval:${a.id}`,
      caseId: a.caseId,
      childName: a.childName,
      kind: 'approval',
      label: `${DEFERRAL_TYPE_LABELS[a.type as DeferralType] ?? a.type}申请待${step?.label ?? '审批'}`,
      dueOn: null,
      state: 'waiting',
      overdueDays: 0,
      escalated: false,
      escalationLevel: 0,
      schoolName: a.schoolName,
      townshipName: a.townshipName,
      link: '/approvals',
    });
  }
  for (const r of referrals) {
    items.push({
      id: `referral:${r.id}`,
      caseId: r.caseId,
      childName: r.childName,
      kind: 'referral',
      label: `转介（${r.department}）${r.subject}：${REFERRAL_STATUS_LABELS[r.status as keyof typeof REFERRAL_STATUS_LABELS] ?? r.status}`,
      dueOn: null,
      state: 'waiting',
      overdueDays: 0,
      escalated: false,
      escalationLevel: 0,
      schoolName: r.schoolName,
      townshipName: r.townshipName,
      link: '/referrals',
    });
  }
  for (const c of closures) {
    items.push({
      id: `closure:${c.caseId}`,
      caseId: c.caseId,
      childName: c.childName,
      kind: 'closure_pending',
      label: '销号申请待确认',
      dueOn: null,
      state: 'waiting',
      overdueDays: 0,
      escalated: false,
      escalationLevel: 0,
      schoolName: c.schoolName,
      townshipName: c.townshipName,
      link: caseLink(c.caseId),
    });
  }
  items.sort(compareInboxItems);
  return { items, count: items.length };
}

/** The menu badge: one query. */
export async function inboxCount(ctx: Ctx): Promise<{ count: number }> {
  if (!canUseInbox(ctx.actor)) return { count: 0 };
  const settings = await getCountySettings(ctx.db, ctx.actor.countyCode);
  const [n, attendance] = await Promise.all([
    repo.countInbox(ctx.db, ctx.actor, shanghaiToday(ctx.now), settings.escalationDays),
    attendanceInbox(ctx),
  ]);
  return { count: n + attendance.length + (await monthlyReportsInbox(ctx)).length };
}
