import { uuidv7 } from 'uuidv7';
import {
  countySettingsSchema,
  DEFAULT_COUNTY_SETTINGS,
  daysAfterUnclosedLeave,
  isSchoolDay,
  LEAVE_STATUS_LABELS,
  maskStudentNo,
  shanghaiMinutes,
  shanghaiToday,
  type AbsenceEntry,
  type AbsenceReason,
  type AttendanceReportBody,
  type AttendanceReportDto,
  type ClassDayDto,
  type CountySettings,
  type LeaveStatus,
  type SchoolCalendar,
} from '@notoneless/shared';
import type { DbOrTx } from '../../db/client';
import { AppError, notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { canReportClass, canUseAttendance, classVisible } from '../../policies/attendance.policy';
import { authorize } from '../../policies/org.policy';
import { getCountySettings, getSchoolCalendar } from '../settings/settings.service';
import { raiseAlerts } from './absence-alerts.service';
import { iso, minutesOf } from './attendance-format';
import * as repo from './attendance-reports.repository';
import { loadClassList, membersOf } from './class-list.repository';
import { leavesBearingOn } from './leaves.repository';

/** 到校日报 (issue 6, item 1): the class list of the day and the report, one transaction with its audit event. */

async function classInScope(db: DbOrTx, ctx: Ctx, classId: string): Promise<repo.ClassRow> {
  const c = await repo.findClass(db, ctx.actor.countyCode, classId);
  if (!c || !classVisible(ctx.actor.scope, c)) throw notFound('班级');
  return c;
}

/** Why a day cannot be reported, or null (a future date, a day that is not a school day in the calendar). */
function closedReason(date: string, today: string, cal: SchoolCalendar): string | null {
  if (date > today) return `不能提交未来日期（${date}）的到校日报`;
  if (!isSchoolDay(date, cal)) {
    const special = cal.days.find((d) => d.date === date);
    return `${date} 不是上学日${special?.name ? `（${special.name}）` : ''}，无需提交到校日报`;
  }
  return null;
}

type Leave = Awaited<ReturnType<typeof leavesBearingOn>>[number];

/** The leave covering the day, and the approved leave that ended before it with no 销假 (daysAfterUnclosedLeave). */
function leaveFacts(leaves: Leave[], date: string, cal: SchoolCalendar) {
  const covering = new Map<string, Leave>();
  const overdue = new Map<string, Leave>();
  for (const l of leaves) {
    if (l.from <= date && date <= l.to) {
      if (!covering.has(l.childId)) covering.set(l.childId, l);
    } else if (!overdue.has(l.childId) && daysAfterUnclosedLeave(l, l.closedOn, date, cal).includes(date)) overdue.set(l.childId, l);
  }
  return { covering, overdue };
}

function presentReport(r: repo.ReportRow, list: repo.AbsenceWithName[], dueBy: string): AttendanceReportDto {
  const first = iso(r.firstSubmittedAt);
  const dueAt = new Date(`${r.date}T${dueBy}:00+08:00`).toISOString();
  return {
    id: r.id,
    classId: r.classId,
    date: r.date,
    submittedByName: r.submittedByName,
    submittedAt: iso(r.submittedAt),
    late: first > dueAt,
    counts: { enrolled: r.enrolled, present: r.present, sick: r.sick, personal: r.personal, unexplained: r.unexplained, late: r.late },
    absences: list.map((a) => ({
      childId: a.childId,
      name: a.name,
      reason: a.reason as AbsenceReason,
      contactResult: (a.contactResult ?? undefined) as AbsenceEntry['contactResult'],
      note: a.note ?? undefined,
    })),
    version: r.version,
  };
}

export async function classDay(ctx: Ctx, classId: string, q: { date?: string }): Promise<ClassDayDto> {
  authorize(canUseAttendance(ctx.actor), '您的角色不能查看到校日报');
  const county = ctx.actor.countyCode;
  const c = await classInScope(ctx.db, ctx, classId);
  const today = shanghaiToday(ctx.now);
  const date = q.date ?? today;
  const [settings, cal, list, report] = await Promise.all([
    getCountySettings(ctx.db, county),
    getSchoolCalendar(ctx.db, county),
    loadClassList(ctx.db, c),
    repo.findReport(ctx.db, county, classId, date),
  ]);
  const [absences, leaves] = await Promise.all([
    report ? repo.absencesOf(ctx.db, county, report.id) : Promise.resolve([]),
    leavesBearingOn(
      ctx.db,
      county,
      list.children.map((k) => k.childId),
      date,
    ),
  ]);
  const { covering, overdue } = leaveFacts(leaves, date, cal);
  const byChild = new Map(absences.map((a) => [a.childId, a]));
  const closed = closedReason(date, today, cal);
  const overdueNow = !report && !closed && (date < today || shanghaiMinutes(ctx.now) >= minutesOf(settings.attendanceReportBy));
  const result: ClassDayDto = {
    classId: c.id,
    className: c.name,
    grade: c.grade,
    schoolId: c.schoolId,
    schoolName: c.schoolName,
    date,
    isSchoolDay: isSchoolDay(date, cal),
    closedReason: closed,
    dueBy: settings.attendanceReportBy,
    overdue: overdueNow,
    listSource: list.source,
    listSourceNote:
      list.source === 'registry'
        ? '本校尚未导入在校名册，名单暂按学籍登记的班级成员生成；请尽快导入在校名册，以免遗漏空挂学籍的学生。'
        : null,
    rosterCheckDate: list.rosterCheckDate,
    children: list.children.map((k) => {
      const a = byChild.get(k.childId);
      const l = covering.get(k.childId) ?? overdue.get(k.childId);
      return {
        ...k,
        // 学籍号 is G + the ID number: masked like the ID in every list (style.md, minors' data)
        studentNo: k.studentNo ? maskStudentNo(k.studentNo) : null,
        onLeave: l
          ? {
              leaveId: l.id,
              kind: l.kind,
              from: l.from,
              to: l.to,
              status: covering.has(k.childId) ? l.status : 'overdue',
              statusLabel: covering.has(k.childId) ? (LEAVE_STATUS_LABELS[l.status as LeaveStatus] ?? l.status) : '假期已满未销假',
            }
          : null,
        absence: a
          ? {
              reason: a.reason as AbsenceReason,
              contactResult: (a.contactResult ?? undefined) as AbsenceEntry['contactResult'],
              note: a.note ?? undefined,
            }
          : null,
      };
    }),
    unmatchedRosterRows: list.unmatched.map((r) => ({ ...r, studentNo: r.studentNo ? maskStudentNo(r.studentNo) : null })),
    unlistedStudents: list.unlisted.map((k) => ({ ...k, studentNo: k.studentNo ? maskStudentNo(k.studentNo) : null })),
    report: report ? presentReport(report, absences, settings.attendanceReportBy) : null,
    abilities: { report: canReportClass(ctx.actor, c) && closed === null },
  };
  await inTx(ctx, (tx) =>
    audit(tx, ctx, {
      action: 'attendance.class_viewed',
      targetType: 'class',
      targetId: classId,
      data: { date, shown: list.children.length },
    }),
  );
  return result;
}

class AlreadySubmitted extends Error {}
/** The class already has its report of the day (or the clientKey is taken): the general path updates it (or answers). */
class RaceLost extends Error {}

type Outcome = { report: AttendanceReportDto; outcome: 'created' | 'updated' | 'unchanged'; alertsRaised: number };

/** Stored overrides over the defaults — the twin of getCountySettings() for values read with the submission's facts. */
function settingsOf(stored: Record<string, unknown> | null): CountySettings {
  const out: Record<string, unknown> = { ...DEFAULT_COUNTY_SETTINGS };
  for (const [k, v] of Object.entries(stored ?? {})) {
    const field = countySettingsSchema.shape[k as keyof CountySettings];
    if (field && field.safeParse(v).success) out[k] = v;
  }
  return out as CountySettings;
}

type AbsenceWrite = Parameters<typeof repo.replaceAbsences>[3][number];

/**
 * Submit the class's report of the day. The same clientKey again (an offline resend) answers with the stored report;
 * a second submission updates the report (version + 1) and the change is audited. Leaves fill in: a child on leave the
 * teacher did not mark is recorded with the leave's kind; a child whose leave ended without 销假 is 无故缺勤.
 *
 * Every class submits between 7:30 and 9:00 (issue 6 "Load"), so the common case costs two statements: one reading the
 * facts (class, clientKey, settings, calendar, class list, leaves) and, for the first report of the day, one writing
 * report, absences, clientKey and audit event, in a transaction with the absence rules. A second report of the day
 * takes the general path below.
 */
export async function submitReport(ctx: Ctx, body: AttendanceReportBody): Promise<Outcome> {
  authorize(canUseAttendance(ctx.actor), '您的角色不能提交到校日报');
  const county = ctx.actor.countyCode;
  // read together with the facts of the submissions arriving meanwhile (one statement for them all)
  const facts = await repo.findSubmitFactsGrouped(ctx.db, {
    countyCode: county,
    classId: body.classId,
    clientKey: body.clientKey,
    date: body.date,
  });
  if (!facts || !classVisible(ctx.actor.scope, facts)) throw notFound('班级');
  const c: repo.ClassRow = facts;
  authorize(canReportClass(ctx.actor, c), '到校日报由本班班主任或学校提交');
  const settings = settingsOf(facts.settingValues);
  if (facts.earlierReportId) return unchanged(ctx, facts.earlierReportId, body, settings);
  const today = shanghaiToday(ctx.now);
  const cal: SchoolCalendar = { terms: facts.terms, days: facts.days };
  const closed = closedReason(body.date, today, cal);
  if (closed) throw new AppError('UNPROCESSABLE', closed);
  const list = membersOf(repo.listOfFacts(facts));
  const members = new Map(list.children.map((k) => [k.childId, k]));
  const strangers = body.absences.filter((a) => !members.has(a.childId));
  if (strangers.length)
    throw new AppError('UNPROCESSABLE', `有 ${strangers.length} 名学生不在本班名单中，请刷新名单后重新提交`, {
      childIds: strangers.map((s) => s.childId),
    });
  const { covering, overdue } = leaveFacts(facts.leaves, body.date, cal);
  const noLeave = body.absences.filter((a) => a.reason === '事假' && !covering.has(a.childId));
  if (noLeave.length)
    throw new AppError(
      'UNPROCESSABLE',
      `事假须有请假记录：${noLeave.map((a) => members.get(a.childId)!.name).join('、')} 当天没有请假，请先登记请假或选择其他原因`,
      { childIds: noLeave.map((a) => a.childId) },
    );
  const marked = new Set(body.absences.map((a) => a.childId));
  const rows: AbsenceWrite[] = [];
  const base = { countyCode: county, reportId: '', classId: c.id, date: body.date };
  for (const a of body.absences)
    rows.push({
      ...base,
      childId: a.childId,
      reason: a.reason,
      contactResult: a.contactResult ?? null,
      note: a.note ?? null,
      leaveId: a.reason === '病假' || a.reason === '事假' ? (covering.get(a.childId)?.id ?? null) : null,
      origin: 'teacher',
    });
  for (const [childId, l] of covering)
    if (!marked.has(childId))
      rows.push({ ...base, childId, reason: l.kind, contactResult: null, note: '请假', leaveId: l.id, origin: 'leave' });
  for (const [childId, l] of overdue)
    if (!marked.has(childId) && !covering.has(childId))
      rows.push({
        ...base,
        childId,
        reason: '无故缺勤',
        contactResult: null,
        note: `请假（至 ${l.to}）期满未销假`,
        leaveId: l.id,
        origin: 'leave_overdue',
      });
  const n = (r: AbsenceReason) => rows.filter((x) => x.reason === r).length;
  const counts = { sick: n('病假'), personal: n('事假'), unexplained: n('无故缺勤'), late: n('迟到') };
  const write = {
    countyCode: county,
    classId: c.id,
    schoolId: c.schoolId,
    date: body.date,
    listSource: list.source,
    enrolled: members.size,
    counts: { ...counts, present: members.size - counts.sick - counts.personal - counts.unexplained },
    by: ctx.actor.userId,
    byName: ctx.actor.displayName,
    at: ctx.now,
  };
  const unexplained = rows.filter((r) => r.reason === '无故缺勤').map((r) => r.childId);
  const alertsOf = (tx: DbOrTx) =>
    raiseAlerts(tx, ctx, { childIds: unexplained, date: body.date, classId: c.id, schoolId: c.schoolId, settings, cal });
  try {
    // the first report of the day, unless the teacher corrects one (version) — when the class already has its report
    // of the day, the statement writes nothing and the general path below updates it
    if (body.version === undefined) {
      // outside a transaction the write joins the others arriving meanwhile in one statement (group commit)
      const firstReport = async (db: DbOrTx, grouped = false): Promise<Outcome> => {
        const first = await (grouped ? repo.insertFirstReportGrouped : repo.insertFirstReport)(db, {
          ...write,
          id: uuidv7(),
          absences: rows.map(({ childId, reason, contactResult, note, leaveId, origin }) => ({
            childId,
            reason,
            contactResult,
            note,
            leaveId,
            origin,
          })),
          clientKey: body.clientKey,
          audit: {
            id: uuidv7(),
            actorName: ctx.actor.displayName,
            ip: ctx.ip,
            data: { classId: c.id, date: body.date, version: 1, enrolled: members.size, ...counts },
          },
        });
        if (!first) throw new RaceLost();
        const alertsRaised = unexplained.length ? await alertsOf(db) : 0;
        return { report: presentReport(first.report, first.absences, settings.attendanceReportBy), outcome: 'created', alertsRaised };
      };
      try {
        // one statement is one transaction; with an unexplained absence the absence rules join it in a transaction
        return unexplained.length ? await inTx(ctx, firstReport) : await firstReport(ctx.db, true);
      } catch (e) {
        if (!(e instanceof RaceLost)) throw e;
      }
    }
    return await inTx(ctx, async (tx) => {
      const before = await repo.findReport(tx, county, c.id, body.date);
      if (before && body.version !== undefined && body.version !== before.version)
        throw new AppError('CONFLICT', '本班当天的到校日报已被他人修改，请刷新后再提交');
      const beforeAbsences = before ? await repo.absencesOf(tx, county, before.id) : [];
      const w = await repo.upsertReport(tx, { ...write, id: before?.id ?? uuidv7() });
      await repo.replaceAbsences(
        tx,
        county,
        w.id,
        rows.map((r) => ({ ...r, reportId: w.id })),
      );
      if (
        !(await repo.insertSubmission(tx, {
          countyCode: county,
          clientKey: body.clientKey,
          reportId: w.id,
          version: w.version,
          submittedBy: ctx.actor.userId,
          submittedAt: ctx.now,
        }))
      )
        throw new AlreadySubmitted();
      const changes = w.created ? undefined : diff(beforeAbsences, rows);
      await audit(tx, ctx, {
        action: w.created ? 'attendance.reported' : 'attendance.report_updated',
        targetType: 'attendance_report',
        targetId: w.id,
        data: { classId: c.id, date: body.date, version: w.version, enrolled: members.size, ...counts, ...(changes ? { changes } : {}) },
      });
      const alertsRaised = await alertsOf(tx);
      const stored = (await repo.findReportById(tx, county, w.id))!;
      const report = presentReport(stored, await repo.absencesOf(tx, county, w.id), settings.attendanceReportBy);
      return { report, outcome: w.created ? ('created' as const) : ('updated' as const), alertsRaised };
    });
  } catch (e) {
    if (e instanceof AlreadySubmitted) {
      const s = await repo.findSubmission(ctx.db, county, body.clientKey);
      if (s) return unchanged(ctx, s.reportId, body, settings);
    }
    throw e;
  }
}

async function unchanged(ctx: Ctx, reportId: string, body: AttendanceReportBody, settings: CountySettings): Promise<Outcome> {
  const county = ctx.actor.countyCode;
  const r = await repo.findReportById(ctx.db, county, reportId);
  if (!r || r.classId !== body.classId || r.date !== body.date) throw new AppError('CONFLICT', '该提交标识已用于其他班级或日期的日报');
  return {
    report: presentReport(r, await repo.absencesOf(ctx.db, county, r.id), settings.attendanceReportBy),
    outcome: 'unchanged',
    alertsRaised: 0,
  };
}

/** What a second submission changed, child by child (for the audit event). */
function diff(before: repo.AbsenceWithName[], after: { childId: string; reason: string }[]) {
  const b = new Map(before.map((a) => [a.childId, a]));
  const a = new Map(after.map((x) => [x.childId, x]));
  const out: { childId: string; from: string | null; to: string | null }[] = [];
  for (const [id, x] of a) if (b.get(id)?.reason !== x.reason) out.push({ childId: id, from: b.get(id)?.reason ?? null, to: x.reason });
  for (const [id, x] of b) if (!a.has(id)) out.push({ childId: id, from: x.reason, to: null });
  return out;
}
