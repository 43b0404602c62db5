import {
  CASE_ACTION_LABELS,
  CASE_SOURCE_LABELS,
  CASE_STATUS_LABELS,
  deadlineAfter,
  ledgerOfStatus,
  maskIdNumber,
  RESUME_PLAN_KINDS,
  shanghaiToday,
  type CaseAction,
  type CaseSource,
  type CaseStatus,
  type DeadlineEnv,
  type DeferralType,
  type IsoDate,
  type ResumePlanKind,
} from '@notoneless/shared';
import type {
  CaseSummaryData,
  CorrectionOrderData,
  DeferralFormData,
  GuardianInfo,
  Opinion,
  ResumeNoticeData,
  ReturnNoticeData,
  TrackingFormData,
  TrackingWork,
} from '../documents/index';
import { gradeLabel } from '../classes/grade';
import type { CaseFile } from './case-documents.repository';
import type { CaseEventRow } from './cases.repository';

/**
 * The input of each case document, built from the case file (issue 5 item 6). Which ID a document shows:
 * - full 公民身份号码 and 学籍号 on the forms kept in the archive and sent up the line — 跟踪记录表 (seed 000 附件2),
 *   延缓入学/休学申请审批表, 一生一表 — the user's scope covers the child (they can see the case) and the export is
 *   audited;
 * - masked on what is handed to guardians — 责令限期改正通知书 (the 劝返通知书 and 复学通知 carry no ID at all).
 */
export const FULL_ID_DOCUMENTS = ['tracking-form', 'deferral-form', 'case-summary'] as const;

const SIDE_EVENT_LABELS: Record<string, string> = {
  opened: '建立个案',
  referral_response: '部门答复转介',
};
export const eventLabel = (type: string) => CASE_ACTION_LABELS[type as CaseAction] ?? SIDE_EVENT_LABELS[type] ?? type;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** What an event says, in a line: its result and its text. */
export function eventSummary(e: CaseEventRow): string {
  const d = e.data as Record<string, unknown>;
  const parts = [str(d.result), str(d.statusLabel), str(d.text) ?? str(d.response) ?? str(d.reason) ?? str(d.subject)];
  return parts.filter(Boolean).join('；');
}

const latest = (f: CaseFile, type: string) => f.events.find((e) => e.type === type) ?? null;
const count = (f: CaseFile, type: string) => f.events.filter((e) => e.type === type).length;
const gradeOf = (g: number | null | undefined) => (g ? gradeLabel(g) : '');
const dropoutSince = (f: CaseFile): IsoDate => f.case.confirmedOn ?? f.case.reportedOn;
const schoolOrTownship = (f: CaseFile) => f.schoolName ?? (f.townshipName ? `${f.townshipName}人民政府` : f.countyName);

function guardianOf(f: CaseFile): GuardianInfo {
  const c = f.child;
  return {
    name: c?.guardianName ?? '',
    relation: c?.guardianRelation ?? '',
    phone: c?.guardianPhone ?? '',
    address: c?.householdAddress ?? '',
  };
}

function identity(f: CaseFile, full: boolean) {
  const c = f.child;
  return {
    name: c?.name ?? '',
    gender: c?.gender ?? '',
    birthDate: c?.birthDate ?? undefined,
    idNumber: full ? (c?.idNumber ?? '') : maskIdNumber(c?.idNumber ?? ''),
    studentNo: c?.studentNo ?? '',
    school: f.schoolName ?? '',
    grade: gradeOf(c?.grade),
    className: f.className ?? '',
  };
}

/** 劝返通知书 (seed 000 附件1): the return deadline of the delivered notice, else counted from today. */
export function returnNoticeData(f: CaseFile, env: DeadlineEnv, now: Date): ReturnNoticeData {
  const today = shanghaiToday(now);
  const issued = latest(f, 'notice_issued');
  const deadline = f.deadlines.filter((d) => d.kind === 'notice_return').at(-1);
  const status = f.case.status as CaseStatus;
  return {
    guardianName: str((issued?.data as Record<string, unknown> | undefined)?.guardianName) ?? f.child?.guardianName ?? '',
    childName: f.child?.name ?? '',
    school: f.schoolName ?? '',
    grade: [gradeOf(f.child?.grade), f.className ? `（${f.className}）` : ''].join(''),
    dropoutKind: ledgerOfStatus(status) === 'suspected' ? '疑似辍学' : '辍学',
    dropoutSince: dropoutSince(f),
    returnWithinDays: env.settings.noticeReturnDays,
    returnDeadline: deadline?.dueOn ?? deadlineAfter(today, env.settings.noticeReturnDays, env.settings.deadlineDayKind, env.calendar),
    issuer: schoolOrTownship(f),
    issueDate: issued?.occurredOn ?? today,
  };
}

const TEACHER = ['head_teacher'];
const SCHOOL = ['school_admin', 'county_admin'];
const TOWNSHIP = ['township_official', 'unit_admin', 'village_official'];

function work(f: CaseFile, roles: string[]): TrackingWork {
  const mine = f.events.filter((e) => e.actorRole && roles.includes(e.actorRole) && e.type !== 'opened');
  if (!mine.length) return { text: '' };
  const lines = [...mine].reverse().map((e) => `${e.occurredOn} ${eventLabel(e.type)}${eventSummary(e) ? `：${eventSummary(e)}` : ''}`);
  return { text: lines.join('\n'), signer: mine[0].signedBy ?? mine[0].actorName, date: mine[0].occurredOn };
}

/** 控辍保学跟踪记录表 (seed 000 附件2), full ID: an archive form sent to the township, bureau and 中心校. */
export function trackingFormData(f: CaseFile): TrackingFormData {
  const c = f.child;
  const g = guardianOf(f);
  return {
    countyName: f.countyName,
    school: f.schoolName ?? '',
    studentName: c?.name ?? '',
    gender: c?.gender ?? '',
    ethnicity: c?.nation ?? undefined,
    birthDate: c?.birthDate ?? undefined,
    grade: gradeOf(c?.grade),
    className: f.className ?? '',
    idNumber: c?.idNumber ?? '',
    studentNo: c?.studentNo ?? '',
    guardianName: g.name,
    relation: g.relation,
    occupation: '',
    address: g.address,
    phone: g.phone,
    dropoutCause: f.case.cause ?? '',
    teacherWork: work(f, TEACHER),
    schoolWork: work(f, SCHOOL),
    townshipWork: work(f, TOWNSHIP),
  };
}

const opinion = (s: { decision: string; comment: string | null; deciderName: string; at: Date } | undefined): Opinion =>
  s
    ? {
        text: `${s.decision === 'approve' ? '同意' : '不同意'}${s.comment ? `。${s.comment}` : ''}`,
        signer: s.deciderName,
        date: shanghaiToday(s.at),
      }
    : {};

/** 延缓入学/休学申请审批表 (seed 002), full ID; from the latest application, with the two steps' opinions. */
export function deferralFormData(f: CaseFile, names: { courtRuling?: string; medicalCertificate?: string }): DeferralFormData | null {
  const entry = f.approvals.find((x) => x.a.type === 'deferral' || x.a.type === 'suspension');
  if (!entry) return null;
  const { a, steps } = entry;
  const d = a.data as Record<string, unknown>;
  const num = (v: unknown, dflt: number) => (typeof v === 'number' ? v : dflt);
  return {
    countyName: f.countyName,
    type: a.type as DeferralType,
    health: d.health === true,
    child: identity(f, true),
    guardian: guardianOf(f),
    fromDate: str(d.fromDate) ?? shanghaiToday(a.createdAt),
    toDate: str(d.toDate) ?? shanghaiToday(a.createdAt),
    jointPersuasions: num(d.jointPersuasions, count(f, 'joint_persuasion')),
    requiredJointPersuasions: num(d.requiredJointPersuasions, 3),
    courtRuling: names.courtRuling,
    guardianDutyDone: d.guardianDutyDone === true,
    childStillRefuses: d.childStillRefuses === true,
    medicalCertificate: names.medicalCertificate,
    application: { text: str(d.reason) ?? '', date: shanghaiToday(a.createdAt) },
    schoolOpinion: { text: `经核实，同意上报（申请人：${a.requesterName}）`, signer: a.requesterName, date: shanghaiToday(a.createdAt) },
    bureauOpinion: opinion(steps.find((s) => s.stepNo === 1)),
    leadingGroupOpinion: opinion(steps.find((s) => s.stepNo === 2)),
  };
}

/** 责令限期改正通知书 (义务教育法 第五十八条), masked ID: it is handed to the guardians. Needs the correction_order event. */
export function correctionOrderData(f: CaseFile): CorrectionOrderData | null {
  const e = latest(f, 'correction_order');
  if (!e) return null;
  const d = e.data as Record<string, unknown>;
  const done = [
    ['入户走访', count(f, 'home_visit')],
    ['电话/微信联系', count(f, 'contact')],
    ['联合劝返', count(f, 'joint_persuasion')],
    ['发放劝返通知书', count(f, 'notice_issued')],
    ['批评教育', count(f, 'admonition')],
  ].filter(([, n]) => (n as number) > 0);
  const facts = [
    `该生自${dropoutSince(f)}起${f.case.dropoutKind ?? '辍学'}`,
    done.length ? `，学校和当地政府已${done.map(([w, n]) => `${w}${n}次`).join('、')}` : '',
    '，你（们）至今未送其返校就读。',
    str(d.text) ?? '',
  ].join('');
  const id = identity(f, false);
  return {
    township: f.townshipName ? `${f.townshipName}人民政府` : `${f.countyName}人民政府`,
    guardianName: f.child?.guardianName ?? '',
    child: { name: id.name, gender: id.gender, idNumber: id.idNumber, school: id.school, grade: id.grade },
    dropoutSince: dropoutSince(f),
    facts,
    deadline: str(d.dueOn) ?? e.occurredOn,
    issueDate: e.occurredOn,
  };
}

/** 复学通知 with its 复学方案 (seed 004). Needs the return event. */
export function resumeNoticeData(f: CaseFile): ResumeNoticeData | null {
  const e = latest(f, 'return');
  if (!e) return null;
  const d = e.data as Record<string, unknown>;
  const kind = (RESUME_PLAN_KINDS as readonly string[]).includes(String(d.planKind)) ? (d.planKind as ResumePlanKind) : '原年级原班';
  const mentor = f.team.find((m) => m.role === '帮扶人') ?? f.team.find((m) => m.role === '班主任');
  return {
    guardianName: f.child?.guardianName ?? '',
    childName: f.child?.name ?? '',
    school: f.schoolName ?? '',
    dropoutSince: dropoutSince(f),
    placement: kind,
    grade: gradeOf(typeof d.grade === 'number' ? d.grade : f.child?.grade),
    className: f.className ?? '',
    reportDate: e.occurredOn,
    plan: str(d.text) ?? '',
    mentor: mentor?.personName,
    issuer: schoolOrTownship(f),
    issueDate: e.occurredOn,
  };
}

const LEDGER_LABELS = { suspected: '疑似辍学台账', dropout: '辍学学生台账' } as const;

/** 一生一表 (seed 002 「一生一表一档案」), full ID: the whole case as kept in the archive. */
export function caseSummaryData(f: CaseFile, now: Date, generatedBy: string): CaseSummaryData {
  const c = f.case;
  const status = c.status as CaseStatus;
  const ledger = ledgerOfStatus(status);
  return {
    caseNo: `${c.reportedOn.replace(/-/g, '')}-${c.id.slice(-6).toUpperCase()}`,
    status: CASE_STATUS_LABELS[status] ?? c.status,
    ledger: ledger ? LEDGER_LABELS[ledger] : undefined,
    source: CASE_SOURCE_LABELS[c.source as CaseSource] ?? c.source,
    cause: c.cause ?? '',
    openedOn: c.reportedOn,
    closedOn: c.closedAt ? shanghaiToday(c.closedAt) : undefined,
    closeReason: c.closeReason ?? undefined,
    child: { ...identity(f, true), householdAddress: f.child?.householdAddress ?? undefined, keyGroups: f.keyGroups },
    guardian: guardianOf(f),
    timeline: [...f.events].reverse().map((e) => ({
      date: e.occurredOn,
      actor: e.signedBy ?? e.actorName,
      action: eventLabel(e.type),
      result: eventSummary(e),
    })),
    team: f.team.map((m) => ({ name: m.personName, role: m.role, phone: m.phone ?? undefined })),
    generatedOn: shanghaiToday(now),
    generatedBy,
  };
}
