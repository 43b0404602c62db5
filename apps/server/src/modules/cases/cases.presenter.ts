import { presentApproval as presentDeferralApproval } from '../approvals/approvals.presenter';
import {
  APPROVAL_RIGHT_LABELS,
  CASE_ACTION_LABELS,
  CASE_SOURCE_LABELS,
  CASE_STATUS_LABELS,
  DEADLINE_KIND_LABELS,
  daysBetween,
  maskIdNumber,
  maskPhone,
  overdueDays,
  shanghaiToday,
  type ApprovalDto,
  type ApprovalRight,
  type CaseAction,
  type CaseEvent,
  type CaseListItem,
  type CaseSource,
  type CaseStatus,
  type CaseTeamRole,
  type DeadlineKind,
} from '@notoneless/shared';
import type { Actor } from '../../policies/actor';
import type { AttachmentRow } from './case-records.repository';
import type * as records from './case-records.repository';
import type { CaseEventRow, CaseListRow, CaseRow } from './cases.repository';

/** Event types besides the actions of the transition table. */
const EVENT_LABELS: Record<string, string> = {
  opened: '建立个案',
  referral_response: '部门办理反馈',
  deferral_withdrawn: '撤回延缓入学/休学申请',
};
export const eventLabel = (type: string) => CASE_ACTION_LABELS[type as CaseAction] ?? EVENT_LABELS[type] ?? type;

export const statusLabel = (s: string) => CASE_STATUS_LABELS[s as CaseStatus] ?? s;
export const deadlineLabel = (k: string) => DEADLINE_KIND_LABELS[k as DeadlineKind] ?? k;

/** The legal clock: days since the report, up to today or the day the case was closed. */
export function daysOpen(c: Pick<CaseRow, 'reportedOn' | 'closedAt'>, today: string): number {
  const end = c.closedAt ? shanghaiToday(c.closedAt) : today;
  return Math.max(0, daysBetween(c.reportedOn, end));
}

export function presentListItem(r: CaseListRow, today: string): CaseListItem {
  const nd = r.nextDeadline;
  return {
    id: r.c.id,
    childId: r.child.id,
    name: r.child.name,
    gender: r.child.gender,
    idNumberMasked: maskIdNumber(r.child.idNumber ?? ''),
    status: r.c.status as CaseStatus,
    statusLabel: statusLabel(r.c.status),
    source: CASE_SOURCE_LABELS[r.c.source as CaseSource] ?? r.c.source,
    schoolName: r.schoolName,
    grade: r.child.grade,
    className: r.className,
    townshipName: r.townshipName,
    villageName: r.villageName,
    keyGroups: r.keyGroups ?? [],
    reportedOn: r.c.reportedOn,
    daysOpen: daysOpen(r.c, today),
    nextDeadline: nd
      ? { kind: nd.kind, label: deadlineLabel(nd.kind), dueOn: nd.dueOn, overdueDays: overdueDays(nd.dueOn, today, false) }
      : null,
    updatedAt: r.c.updatedAt.toISOString(),
  };
}

const fileRef = (a: AttachmentRow) => ({ id: a.id, fileName: a.fileName, mime: a.mime, size: a.size });

export function presentEvent(e: CaseEventRow, files: Map<string, AttachmentRow>): CaseEvent {
  return {
    id: e.id,
    type: e.type,
    label: eventLabel(e.type),
    occurredOn: e.occurredOn,
    at: e.at.toISOString(),
    actorName: e.actorName,
    actorRole: e.actorRole,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    data: (e.data ?? {}) as Record<string, unknown>,
    signedBy: e.signedBy,
    attachments: e.attachmentIds.flatMap((id) => {
      const a = files.get(id);
      return a ? [fileRef(a)] : [];
    }),
  };
}

type Deadline = Awaited<ReturnType<typeof records.deadlinesOf>>[number];
export const presentDeadline = (d: Deadline, today: string) => ({
  id: d.id,
  kind: d.kind,
  label: deadlineLabel(d.kind),
  dueOn: d.dueOn,
  met: d.metAt !== null,
  overdueDays: overdueDays(d.dueOn, today, d.metAt !== null),
});

type Member = Awaited<ReturnType<typeof records.teamOf>>[number];
export const presentMember = (m: Member) => ({
  id: m.id,
  userId: m.userId,
  personName: m.personName,
  role: m.role as CaseTeamRole,
  phoneMasked: maskPhone(m.phone ?? ''),
});

const APPROVAL_TYPE_LABELS: Record<string, string> = { deferral: '延缓入学', suspension: '休学', closure: '销号确认' };
/** 销号 has one step, the 中心校's confirmation (延缓入学/休学 approvals are presented by the approvals module). */
const CLOSURE_STEPS: ApprovalRight[] = ['case_closure_confirm'];

type ApprovalWithSteps = Awaited<ReturnType<typeof records.approvalsOf>>[number];
export function presentApproval(x: ApprovalWithSteps, actor: Actor): ApprovalDto {
  const { a, steps } = x;
  // 延缓入学/休学: the approvals module's rules (two steps by two other people) decide what the actor may do
  if (a.type === 'deferral' || a.type === 'suspension') return presentDeferralApproval(actor, a, steps);
  const needed = a.type === 'closure' ? CLOSURE_STEPS : [];
  const nextRight = a.status === 'pending' ? (needed[steps.length] ?? null) : null;
  const mayDecide = nextRight !== null && actor.approvalRights.includes(nextRight) && a.requesterId !== actor.userId;
  return {
    id: a.id,
    type: a.type as ApprovalDto['type'],
    typeLabel: APPROVAL_TYPE_LABELS[a.type] ?? a.type,
    status: a.status as ApprovalDto['status'],
    requesterName: a.requesterName,
    createdAt: a.createdAt.toISOString(),
    data: (a.data ?? {}) as Record<string, unknown>,
    steps: steps.map((s) => ({
      stepNo: s.stepNo,
      right: s.right,
      rightLabel: APPROVAL_RIGHT_LABELS[s.right as ApprovalRight] ?? s.right,
      deciderName: s.deciderName,
      decision: s.decision,
      comment: s.comment,
      at: s.at.toISOString(),
    })),
    nextRight,
    abilities: { decide: mayDecide, withdraw: a.status === 'pending' && a.requesterId === actor.userId },
  };
}

type Referral = Awaited<ReturnType<typeof records.referralsOf>>[number];
export const presentReferral = (r: Referral, childName: string, actor: Actor) => ({
  id: r.id,
  caseId: r.caseId,
  childName,
  department: r.department,
  subject: r.subject,
  request: r.request,
  status: r.status as 'sent' | 'accepted' | 'done' | 'declined',
  response: r.response,
  sentAt: r.sentAt.toISOString(),
  respondedAt: r.respondedAt?.toISOString() ?? null,
  version: r.version,
  abilities: { respond: actor.scope.departments.includes(r.department) && (r.status === 'sent' || r.status === 'accepted') },
});

type Session = Awaited<ReturnType<typeof records.homeTeachingOf>>[number];
export const presentSession = (s: Session, files: Map<string, AttachmentRow>) => ({
  id: s.id,
  taughtOn: s.taughtOn,
  hours: s.hours,
  teacherName: s.teacherName,
  content: s.content,
  attachments: s.attachmentIds.flatMap((id) => {
    const a = files.get(id);
    return a ? [fileRef(a)] : [];
  }),
  recordedAt: s.recordedAt.toISOString(),
});
