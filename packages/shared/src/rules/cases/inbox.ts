import type { Role } from '../../roles';
import type { CountySettings } from '../../settings';
import { daysBetween, type IsoDate } from '../dates';

/**
 * 待办 (issue 5, item 7; docs/domain/inbox.md): deadlines in the next 3 days, overdue items, and escalation — "an item
 * overdue for 7 days appears also to the next level up (school → 中心校 → county)" (escalationDays, a county setting).
 */

/** "deadlines in the next 3 days" (issue 5 item 7): due today … today + 3. */
export const DUE_SOON_DAYS = 3;

/** The three levels of the escalation ladder, lowest first. */
export const INBOX_LEVELS = ['school', 'township', 'county'] as const;
export type InboxLevel = (typeof INBOX_LEVELS)[number];
export const INBOX_LEVEL_LABELS: Record<InboxLevel, string> = { school: '学校', township: '中心校/乡镇', county: '县教育局' };
/** 0 school, 1 township, 2 county (the SQL twin in the inbox repository uses the same numbers). */
export const inboxLevelRank = (l: InboxLevel) => INBOX_LEVELS.indexOf(l);
const rank = inboxLevelRank;

/**
 * The level a case's deadlines belong to first ("whose level"): the school when the child has one (the school and the
 * 班主任 answer for its students), else the township of the household (a 失学 child: the township and 中心校), else
 * the county.
 */
export function caseHomeLevel(c: { schoolId: string | null; townshipCode: string | null }): InboxLevel {
  if (c.schoolId) return 'school';
  if (c.townshipCode) return 'township';
  return 'county';
}

/**
 * Where a user stands on the ladder. `own`: levels whose items are theirs from the start (within their scope);
 * `escalated`: levels at which they also receive items escalated from below. Village officials work the township-level
 * cases of their village but are not a rung of the school → 中心校 → county ladder; department liaisons have none.
 */
export function inboxAudienceOf(roles: readonly Role[]): { own: InboxLevel[]; escalated: InboxLevel[] } {
  const own = new Set<InboxLevel>();
  const escalated = new Set<InboxLevel>();
  for (const r of roles) {
    if (r === 'head_teacher' || r === 'school_admin') own.add('school');
    if (r === 'unit_admin' || r === 'township_official') {
      own.add('township');
      escalated.add('township');
    }
    if (r === 'village_official') own.add('township');
    if (r === 'county_admin' || r === 'county_leader') {
      own.add('county');
      escalated.add('county');
    }
  }
  return { own: [...own], escalated: [...escalated] };
}

/** due_soon (today … +3 days), overdue (passed: overdueDays ≥ 1), or neither (later). */
export function classifyDeadline(dueOn: IsoDate, today: IsoDate): { state: 'due_soon' | 'overdue' | null; overdueDays: number } {
  const d = daysBetween(dueOn, today);
  if (d > 0) return { state: 'overdue', overdueDays: d };
  if (-d <= DUE_SOON_DAYS) return { state: 'due_soon', overdueDays: 0 };
  return { state: null, overdueDays: 0 };
}

/** How many levels above its home an overdue item has climbed: one per escalationDays overdue. */
export function escalationSteps(overdueDays: number, escalationDays: number): number {
  return overdueDays > 0 ? Math.floor(overdueDays / escalationDays) : 0;
}

/** escalationLevel: how many levels above the case's home level this user receives it (0: their own item). */
export type DeadlineInboxEntry = { state: 'due_soon' | 'overdue'; overdueDays: number; escalated: boolean; escalationLevel: number };

/**
 * Whether an open deadline of a case (already within the user's scope) is in this user's 待办, and how.
 * Their own level: due soon or overdue. A level above the case's home: only once overdue ≥ (levels up) × escalationDays,
 * e.g. with 7 days a school's item reaches the 中心校 at 7 days overdue and the county at 14.
 */
export function deadlineInboxEntry(
  d: { dueOn: IsoDate; homeLevel: InboxLevel },
  audience: { own: readonly InboxLevel[]; escalated: readonly InboxLevel[] },
  today: IsoDate,
  settings: Pick<CountySettings, 'escalationDays'>,
): DeadlineInboxEntry | null {
  const c = classifyDeadline(d.dueOn, today);
  if (!c.state) return null;
  if (audience.own.includes(d.homeLevel)) return { state: c.state, overdueDays: c.overdueDays, escalated: false, escalationLevel: 0 };
  const steps = escalationSteps(c.overdueDays, settings.escalationDays);
  const up = audience.escalated.map((l) => rank(l) - rank(d.homeLevel)).filter((n) => n > 0 && n <= steps);
  return up.length ? { state: 'overdue', overdueDays: c.overdueDays, escalated: true, escalationLevel: Math.max(...up) } : null;
}

/** Overdue first (longest first), then due soon (soonest first), then waiting: the home page shows work, overdue first (product.md). */
export function compareInboxItems(
  a: { state: string; overdueDays: number; dueOn: IsoDate | null },
  b: { state: string; overdueDays: number; dueOn: IsoDate | null },
): number {
  const order = (s: string) => (s === 'overdue' ? 0 : s === 'due_soon' ? 1 : 2);
  if (order(a.state) !== order(b.state)) return order(a.state) - order(b.state);
  if (a.overdueDays !== b.overdueDays) return b.overdueDays - a.overdueDays;
  return (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999');
}
