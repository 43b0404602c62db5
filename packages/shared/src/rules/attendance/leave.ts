import type { ApprovalRight } from '../../roles';
import type { CountySettings, SchoolCalendar } from '../../settings';
import { countSchoolDays } from '../calendar';
import { addCalendarDays, type IsoDate } from '../dates';

/**
 * 请假 thresholds (seed 002, 六: "学生请假超过3天（不含）的，需报校长审核同意。对于脱贫户、监测户学生请假超过3天（不含）
 * 不超7天的，报中心校备案；请假超7天（不含）的，中心校审核后报县教育局基础教育股备案。"). Days are school days from the
 * school calendar (issue 6, item 3); the 3 and 7 are county settings (leaveTeacherMaxDays, leavePovertyUnitMaxDays).
 */
export type LeaveStep = {
  /** who: the class's 班主任, or a holder of an approval right */
  by: 'head_teacher' | ApprovalRight;
  /** approve (may refuse) or file (备案: recorded, not refused) */
  kind: 'approve' | 'file';
  label: string;
};

export function leaveSteps(
  schoolDays: number,
  poverty: boolean,
  s: Pick<CountySettings, 'leaveTeacherMaxDays' | 'leavePovertyUnitMaxDays'>,
): LeaveStep[] {
  const steps: LeaveStep[] = [{ by: 'head_teacher', kind: 'approve', label: '班主任审批' }];
  if (schoolDays <= s.leaveTeacherMaxDays) return steps;
  steps.push({ by: 'leave_principal', kind: 'approve', label: '校长审核同意' });
  if (!poverty) return steps;
  if (schoolDays <= s.leavePovertyUnitMaxDays) {
    steps.push({ by: 'leave_unit_filing', kind: 'file', label: '报中心校备案' });
  } else {
    steps.push({ by: 'leave_unit_filing', kind: 'approve', label: '中心校审核' });
    steps.push({ by: 'leave_county_filing', kind: 'file', label: '报县教育局基础教育股备案' });
  }
  return steps;
}

export type LeavePeriod = { from: IsoDate; to: IsoDate };

/** Problems of a leave as entered (issue 6, "Bad input"): end before start, no school day in it, overlapping another. */
export function leaveProblems(leave: LeavePeriod, others: readonly LeavePeriod[], cal: SchoolCalendar): string[] {
  const problems: string[] = [];
  if (leave.to < leave.from) return ['请假结束日期不能早于开始日期'];
  if (countSchoolDays(leave.from, leave.to, cal) === 0) problems.push('所选日期内没有上学日（假期或周末），无需请假');
  const clash = others.find((o) => o.from <= leave.to && leave.from <= o.to);
  if (clash) problems.push(`与已有请假（${clash.from} 至 ${clash.to}）日期重叠`);
  return problems;
}

/**
 * A leave that ended without 销假: its following school days up to today are unexplained absence (issue 6, item 3:
 * "a leave that ends without 销假 turns the following days into unexplained absence and tells the teacher").
 */
export function daysAfterUnclosedLeave(leave: LeavePeriod, closedOn: IsoDate | null, today: IsoDate, cal: SchoolCalendar): IsoDate[] {
  if (closedOn) return [];
  const out: IsoDate[] = [];
  for (let d = addCalendarDays(leave.to, 1), guard = 0; d <= today && guard < 400; d = addCalendarDays(d, 1), guard++) {
    if (countSchoolDays(d, d, cal) === 1) out.push(d);
  }
  return out;
}

/** The safety reminder printed on every leave slip (seed 002: 安全提醒到位). */
export const LEAVE_SAFETY_REMINDER =
  '请假期间，学生安全由监护人负责。请监护人切实履行监护职责，注意交通、防溺水、用电、用火等安全；假满按时返校并到班主任处销假，不能按时返校的须提前续假。';
