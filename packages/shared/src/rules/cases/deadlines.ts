import type { CountySettings, SchoolCalendar } from '../../settings';
import { deadlineAfter } from '../calendar';
import { addCalendarDays, daysBetween, type IsoDate } from '../dates';
import type { CaseAction, VerifyResult } from './transitions';
import type { CaseStatus } from './statuses';

/**
 * The legal clocks of a case (issue 5, item 3 and item 7). The server writes them to `case_deadlines`; the 待办 inbox
 * reads the open ones (met_at is null) by due_on. Each deadline is met by the event that answers it.
 */
export const DEADLINE_KINDS = [
  'verify',
  'home_visit',
  'notice_return',
  'correction',
  'follow_up',
  'follow_up_end',
  'home_teaching',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  verify: '核实未到校原因',
  home_visit: '认定后入户走访',
  notice_return: '劝返通知书返校期限',
  correction: '责令限期改正期限',
  follow_up: '巩固跟踪回访',
  follow_up_end: '巩固跟踪期满（可申请销号）',
  home_teaching: '本周送教上门',
};

/** Where each clock comes from (docs/domain/cases.md lists them). */
export const DEADLINE_KIND_SEEDS: Record<DeadlineKind, string> = {
  verify: 'seed 001: 每学期开学后一周内，对未报到的学生登记造册并逐一核实原因',
  home_visit: 'issue 5 item 7: 认定后 7 日内入户走访（县级设置 homeVisitWithinDays）',
  notice_return: 'seed 000: 接到劝返通知书 5 日内送被监护人复学（县级设置 noticeReturnDays）',
  correction: 'seed 001: 乡镇人民政府责令限期改正（期限由乡镇确定）',
  follow_up: 'seed 004: 复学学生一对一关爱、跟踪；seed 002: 延缓入学/休学期间继续劝返',
  follow_up_end: 'issue 5: 巩固跟踪期（县级设置 followUpDays，默认 90 天）期满后申请销号',
  home_teaching: 'seed 004: 送教上门每周 1 次、每次 2 课时',
};

/** "第一周内逐一核实" (seed 001): a week, whatever the county's day kind. */
export const VERIFY_WITHIN_DAYS = 7;
/**
 * A follow-up visit every N days while the child is in 巩固跟踪 or deferred ("e.g. every 30 days", issue 5 brief);
 * with the default 90-day follow-up that is three visits. Not yet a county setting.
 */
export const FOLLOW_UP_VISIT_EVERY_DAYS = 30;

export type DeadlineEnv = {
  settings: Pick<CountySettings, 'noticeReturnDays' | 'deadlineDayKind' | 'homeVisitWithinDays' | 'followUpDays'>;
  calendar: SchoolCalendar;
};
export type PlannedDeadline = { kind: DeadlineKind; dueOn: IsoDate };
export type DeadlineChanges = {
  /** open deadlines of these kinds are met by the event ('all': the case is over, every clock stops) */
  meet: readonly DeadlineKind[] | 'all';
  create: PlannedDeadline[];
};

const after = (start: IsoDate, days: number, env: DeadlineEnv) => deadlineAfter(start, days, env.settings.deadlineDayKind, env.calendar);

/** 巩固跟踪 ends followUpDays (calendar days) after the return (issue 5: "default 90 days, a setting"). */
export function followUpUntil(returnedOn: IsoDate, env: Pick<DeadlineEnv, 'settings'>): IsoDate {
  return addCalendarDays(returnedOn, env.settings.followUpDays);
}

/** The clocks a newly opened case starts: a suspected one must be verified within a week; a confirmed one visited. */
export function deadlinesOnOpen(status: CaseStatus, openedOn: IsoDate, env: DeadlineEnv): PlannedDeadline[] {
  if (status === 'confirmed') return [{ kind: 'home_visit', dueOn: after(openedOn, env.settings.homeVisitWithinDays, env) }];
  if (status === 'suspected' || status === 'verifying') return [{ kind: 'verify', dueOn: addCalendarDays(openedOn, VERIFY_WITHIN_DAYS) }];
  return [];
}

export type ActionFacts = {
  action: CaseAction;
  from: CaseStatus;
  /** the status after the action (the same as from when unchanged) */
  to: CaseStatus;
  occurredOn: IsoDate;
  result?: VerifyResult;
  /** correction_order: the day set by the township */
  dueOn?: IsoDate;
  /** return / home_teaching_end: the end of 巩固跟踪 */
  followUpUntil?: IsoDate | null;
};

/** 巩固跟踪 and an approved deferral have a visit every FOLLOW_UP_VISIT_EVERY_DAYS. */
const periodic = (s: CaseStatus) => s === 'returned' || s === 'deferred';

const PERSUASION_CLOCKS: readonly DeadlineKind[] = ['verify', 'home_visit', 'notice_return', 'correction'];

/**
 * Which clocks an action stops and which it starts (issue 5, item 3). A return answers the notice and the correction
 * order; a home visit answers the visit due after confirmation; a follow-up visit answers the one due and sets the next.
 */
export function deadlineChanges(f: ActionFacts, env: DeadlineEnv): DeadlineChanges {
  if (f.to === 'closed' || f.to === 'not_dropout') return { meet: 'all', create: [] };
  const nextVisit = (): PlannedDeadline[] => {
    const due = addCalendarDays(f.occurredOn, FOLLOW_UP_VISIT_EVERY_DAYS);
    if (f.to === 'returned' && f.followUpUntil && due >= f.followUpUntil) return [];
    return [{ kind: 'follow_up', dueOn: due }];
  };
  switch (f.action) {
    case 'verify':
      if (f.result === 'dropout')
        return { meet: ['verify'], create: [{ kind: 'home_visit', dueOn: after(f.occurredOn, env.settings.homeVisitWithinDays, env) }] };
      if (f.result === 'unreachable') return { meet: ['verify'], create: [] };
      return { meet: [], create: [] };
    case 'home_visit':
    case 'joint_persuasion':
      // in 巩固跟踪 or a deferral a visit is also the periodic follow-up
      if (periodic(f.from)) return { meet: ['home_visit', 'follow_up'], create: nextVisit() };
      return { meet: ['home_visit'], create: [] };
    case 'notice_delivered':
      return { meet: [], create: [{ kind: 'notice_return', dueOn: after(f.occurredOn, env.settings.noticeReturnDays, env) }] };
    case 'correction_order':
      return { meet: [], create: f.dueOn ? [{ kind: 'correction', dueOn: f.dueOn }] : [] };
    case 'return':
    case 'home_teaching_end': {
      const until = f.followUpUntil ?? null;
      const create: PlannedDeadline[] = [...nextVisit()];
      if (until) create.push({ kind: 'follow_up_end', dueOn: until });
      return { meet: [...PERSUASION_CLOCKS, 'follow_up'], create };
    }
    case 'follow_up':
      return { meet: ['follow_up'], create: periodic(f.from) ? nextVisit() : [] };
    case 'relapse':
      return {
        meet: ['follow_up', 'follow_up_end'],
        create: [{ kind: 'home_visit', dueOn: after(f.occurredOn, env.settings.homeVisitWithinDays, env) }],
      };
    case 'closure_request':
      return { meet: ['follow_up', 'follow_up_end'], create: [] };
    case 'closure_reject':
      return { meet: [], create: nextVisit() };
    case 'home_teaching_start':
      return { meet: PERSUASION_CLOCKS, create: [] };
    case 'deferral_approved':
      return { meet: PERSUASION_CLOCKS, create: nextVisit() };
    case 'deferral_end':
      return {
        meet: ['follow_up'],
        create: [{ kind: 'home_visit', dueOn: after(f.occurredOn, env.settings.homeVisitWithinDays, env) }],
      };
    default:
      return { meet: [], create: [] };
  }
}

/**
 * The writes for an action's changes, given the case's open clocks: the open ones to meet and the new ones to start.
 * Meeting a clock and starting the same one again (a 巩固跟踪回访 on the day of the return sets the visit due on the day
 * that was already due) keeps the open one instead, so a clock is listed once; an open clock is never started twice.
 */
export function deadlineWrites<T extends { id: string; kind: string; dueOn: IsoDate }>(
  open: readonly T[],
  changes: DeadlineChanges,
): { meet: T[]; create: PlannedDeadline[] } {
  const same = (d: T, p: PlannedDeadline) => d.kind === p.kind && d.dueOn === p.dueOn;
  const met = (d: T) => changes.meet === 'all' || changes.meet.includes(d.kind as DeadlineKind);
  return {
    meet: open.filter((d) => met(d) && !changes.create.some((p) => same(d, p))),
    create: changes.create.filter(
      (p, i) => !open.some((d) => same(d, p)) && changes.create.findIndex((q) => q.kind === p.kind && q.dueOn === p.dueOn) === i,
    ),
  };
}

/** Days past due (0 when met or not yet due). */
export function overdueDays(dueOn: IsoDate, today: IsoDate, met: boolean): number {
  if (met) return 0;
  return Math.max(0, daysBetween(dueOn, today));
}
