import {
  MONTHLY_REPORT_STATUS_LABELS,
  UNIT_REPORT_STATUS_LABELS,
  type MonthlyReportStatus,
  type UnitReportStatus,
} from '@notoneless/shared';

/**
 * The rules of the 中心校's own report of its township (seed 002 二: 「各乡镇中心校…每月上报上一个月的控辍保学动态
 * 数据」): it is the consolidation of its schools' accepted reports, frozen when the 中心校 submits it to the county.
 * Pure; docs/domain/monthly-report.md 「乡镇月报」.
 */

/** A school of the unit and its current version of the month (no row: not started). */
export type SchoolCurrent = { schoolId: string; schoolName: string; reportId: string | null; version: number; status: MonthlyReportStatus };
/** Which school versions a unit report froze. */
export type FrozenSchool = { schoolId: string; schoolName: string; reportId: string; version: number };

export const unitReportStatusOf = (row: { status: string } | undefined | null): UnitReportStatus =>
  row ? (row.status === 'draft' ? 'not_submitted' : (row.status as UnitReportStatus)) : 'not_submitted';

/** The schools whose current version is not accepted: the unit report waits for them. */
export const schoolsNotAccepted = (schools: SchoolCurrent[]) => schools.filter((s) => s.status !== 'accepted');

/** 「以下学校的月报尚未审核通过…」 naming each school and its status; null when every school is accepted. */
export function notAcceptedRefusal(schools: SchoolCurrent[]): string | null {
  if (!schools.length) return '本单位没有学校，无需上报乡镇月报';
  const waiting = schoolsNotAccepted(schools);
  if (!waiting.length) return null;
  const names = waiting.map((s) => `${s.schoolName}（${MONTHLY_REPORT_STATUS_LABELS[s.status]}）`).join('、');
  return `以下 ${waiting.length} 所学校的月报尚未审核通过，不能上报县教育局：${names}`;
}

/**
 * A frozen unit report no longer matches its schools when a school's current version is not the one it froze (the
 * school corrected its report since: a new version) or the unit's schools changed. The unit report keeps its status and
 * figures (they are what was submitted), and the 中心校 must submit again once the schools are accepted again.
 */
export function isUnitReportOutdated(frozen: FrozenSchool[] | null, schools: SchoolCurrent[]): boolean {
  if (!frozen) return false;
  if (frozen.length !== schools.length) return true;
  const byId = new Map(frozen.map((f) => [f.schoolId, f.reportId]));
  return schools.some((s) => byId.get(s.schoolId) !== s.reportId);
}

/** How a submission writes: the first row, the same row again (returned, or not yet reviewed), or a new version. */
export type UnitSubmitPlan = 'insert' | 'update' | 'new_version';

/** What submitting does in a status, or why it is refused (Chinese, for the 409). */
export function unitSubmitPlan(status: UnitReportStatus, outdated: boolean): { plan: UnitSubmitPlan } | { refusal: string } {
  switch (status) {
    case 'not_submitted':
      return { plan: 'insert' };
    case 'returned':
      return { plan: 'update' };
    case 'submitted':
      return outdated ? { plan: 'update' } : { refusal: '乡镇月报已上报，正等待县教育局接收' };
    case 'accepted':
      return outdated ? { plan: 'new_version' } : { refusal: '乡镇月报已被县教育局接收，无需再次上报' };
  }
}

/** Why the county may not return/accept the unit report now, or null. */
export function unitReviewRefusal(status: UnitReportStatus, outdated: boolean, decision: 'return' | 'accept'): string | null {
  if (status !== 'submitted') return `乡镇月报${UNIT_REPORT_STATUS_LABELS[status]}，不在待接收状态`;
  if (decision === 'accept' && outdated) return '上报后有学校更正了月报，数据已变化，请退回中心校重新上报';
  return null;
}
