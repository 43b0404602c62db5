import {
  isSchoolDay,
  maskIdNumber,
  shanghaiMinutes,
  shanghaiToday,
  type AbsenceReason,
  type AttendanceOverviewDto,
  type AttendanceRateRow,
  type ContactResult,
} from '@notoneless/shared';
import { audit, type Ctx } from '../../http/context';
import { canUseAttendance } from '../../policies/attendance.policy';
import { authorize } from '../../policies/org.policy';
import { gradeLabel } from '../classes/grade';
import { getCountySettings, getSchoolCalendar } from '../settings/settings.service';
import { minutesOf } from './attendance-format';
import * as repo from './attendance-overview.repository';

/**
 * School / 中心校 / county view (issue 6, item 2): which classes have not reported by the cut-off (attendanceReportBy),
 * rates by class, grade, school and township (present ÷ enrolled over the classes that reported), and who is absent.
 */

type Acc = Omit<AttendanceRateRow, 'rate'>;
const empty = (key: string, label: string): Acc => ({
  key,
  label,
  classes: 0,
  reported: 0,
  enrolled: 0,
  present: 0,
  absent: 0,
  unexplained: 0,
});
const add = (a: Acc, r: repo.ClassDayRow) => {
  a.classes++;
  if (r.reported) a.reported++;
  a.enrolled += r.enrolled;
  a.present += r.present;
  a.absent += r.enrolled - r.present;
  a.unexplained += r.unexplained;
};
const rated = (a: Acc): AttendanceRateRow => ({ ...a, rate: a.enrolled ? Math.round((a.present / a.enrolled) * 10000) / 10000 : null });

function groupBy(list: repo.ClassDayRow[], keyOf: (r: repo.ClassDayRow) => string, labelOf: (r: repo.ClassDayRow) => string) {
  const m = new Map<string, Acc>();
  for (const r of list) {
    const k = keyOf(r);
    const a = m.get(k) ?? empty(k, labelOf(r));
    add(a, r);
    m.set(k, a);
  }
  return [...m.values()].map(rated);
}

type OverviewQuery = { date?: string; townshipCode?: string; schoolId?: string };

export async function overview(ctx: Ctx, q: OverviewQuery): Promise<AttendanceOverviewDto> {
  const result = await computeOverview(ctx, q);
  // the audit event is the view's only write: one INSERT, a transaction by itself (no BEGIN/COMMIT round trips — during
  // the morning burst every round trip of the school view waits behind the submissions, issue 6 "Load")
  await audit(ctx.db, ctx, {
    action: 'attendance.overview_viewed',
    targetType: 'attendance',
    data: {
      date: result.date,
      townshipCode: q.townshipCode ?? null,
      schoolId: q.schoolId ?? null,
      absentShown: result.absentToday.length,
    },
  });
  return result;
}

/** The overview as the page shows it (not audited: overview and the export audit what they show). */
export async function computeOverview(ctx: Ctx, q: OverviewQuery): Promise<AttendanceOverviewDto> {
  authorize(canUseAttendance(ctx.actor), '您的角色不能查看到校情况');
  const county = ctx.actor.countyCode;
  const today = shanghaiToday(ctx.now);
  const date = q.date ?? today;
  const [settings, cal, list, absent] = await Promise.all([
    getCountySettings(ctx.db, county),
    getSchoolCalendar(ctx.db, county),
    repo.classesOfDay(ctx.db, ctx.actor.scope, date, q),
    repo.absentOn(ctx.db, ctx.actor.scope, date, q),
  ]);
  const schoolDay = isSchoolDay(date, cal);
  const pastDueBy = date < today || (date === today && shanghaiMinutes(ctx.now) >= minutesOf(settings.attendanceReportBy));
  const totals = empty('total', '合计');
  for (const r of list) add(totals, r);
  const result: AttendanceOverviewDto = {
    date,
    isSchoolDay: schoolDay,
    dueBy: settings.attendanceReportBy,
    pastDueBy,
    totals: rated(totals),
    notReported: schoolDay
      ? list
          .filter((r) => !r.reported)
          .map((r) => ({
            classId: r.classId,
            className: r.className,
            grade: r.grade,
            schoolId: r.schoolId,
            schoolName: r.schoolName,
            townshipName: r.townshipName,
            headTeacherName: r.headTeacherName,
          }))
      : [],
    byClass: list.map((r) => {
      const a = empty(r.classId, `${gradeLabel(r.grade)}${r.className}`);
      add(a, r);
      return { ...rated(a), schoolName: r.schoolName, grade: r.grade };
    }),
    byGrade: groupBy(
      list,
      (r) => String(r.grade),
      (r) => gradeLabel(r.grade),
    ).sort((a, b) => Number(a.key) - Number(b.key)),
    bySchool: groupBy(
      list,
      (r) => r.schoolId,
      (r) => r.schoolName,
    ).map((row) => ({ ...row, townshipName: list.find((r) => r.schoolId === row.key)?.townshipName ?? null })),
    byTownship: groupBy(
      list,
      (r) => r.townshipCode,
      (r) => r.townshipName ?? r.townshipCode,
    ),
    absentToday: absent.map((a) => ({
      childId: a.childId,
      name: a.name,
      gender: a.gender,
      idNumberMasked: maskIdNumber(a.idNumber ?? ''),
      classId: a.classId,
      className: a.className,
      grade: a.grade,
      schoolName: a.schoolName,
      reason: a.reason as AbsenceReason,
      contactResult: a.contactResult as ContactResult | null,
      note: a.note,
    })),
  };
  return result;
}
