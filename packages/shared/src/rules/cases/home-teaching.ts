import type { CountySettings } from '../../settings';
import { addCalendarDays, weekday, type IsoDate } from '../dates';
import type { CaseStatus } from './statuses';

/**
 * 送教上门 (issue 5, item 4; seed 004): 「按照每周1次，每次2课时的要求常态化落实送教上门」 — the numbers are county settings
 * (homeTeachingSessionsPerWeek, homeTeachingHoursPerSession).
 */

/** The Monday … Sunday week a date falls in. */
export function weekOf(d: IsoDate): { from: IsoDate; to: IsoDate } {
  const back = (weekday(d) + 6) % 7; // Monday → 0 … Sunday → 6
  const from = addCalendarDays(d, -back);
  return { from, to: addCalendarDays(from, 6) };
}

export type HomeTeachingWeek = {
  sessions: number;
  hours: number;
  requiredSessions: number;
  requiredHours: number;
  /** what is short this week, in Chinese (empty: the week is complete) */
  shortfall: string[];
};

/** One child's week of 送教上门 against the setting: fewer sessions, or fewer class hours, is missing. */
export function homeTeachingWeek(
  sessions: readonly { hours: number }[],
  s: Pick<CountySettings, 'homeTeachingSessionsPerWeek' | 'homeTeachingHoursPerSession'>,
): HomeTeachingWeek {
  const requiredSessions = s.homeTeachingSessionsPerWeek;
  const requiredHours = s.homeTeachingSessionsPerWeek * s.homeTeachingHoursPerSession;
  const hours = sessions.reduce((n, x) => n + x.hours, 0);
  const shortfall: string[] = [];
  if (sessions.length < requiredSessions) shortfall.push(`本周送教 ${sessions.length} 次，应不少于 ${requiredSessions} 次`);
  if (hours < requiredHours) shortfall.push(`本周送教 ${hours} 课时，应不少于 ${requiredHours} 课时`);
  return { sessions: sessions.length, hours, requiredSessions, requiredHours, shortfall };
}

/** The statuses in which a child who returned with the 复学方案 送教上门 is taught at home (巩固跟踪, awaiting 销号). */
export const RETURNED_STATUSES: readonly CaseStatus[] = ['returned', 'closure_pending'];

/** In 送教上门: the case's status says so, or the child returned with the 复学方案 送教上门 (its latest return). */
export function inHomeTeaching(c: { status: CaseStatus; planKind: string | null }): boolean {
  return c.status === 'home_teaching' || (c.planKind === '送教上门' && RETURNED_STATUSES.includes(c.status));
}

/**
 * Whether a session may be recorded on this case: the case is open in 送教上门, or the child returned with the 复学方案
 * 送教上门 (seed 004 「重度残疾等特殊群体…开展送教上门」); the day taught is not in the future.
 */
export function refuseHomeTeachingSession(
  c: { status: CaseStatus; planKind: string | null },
  taughtOn: IsoDate,
  today: IsoDate,
): string | null {
  if (!inHomeTeaching(c)) return '该个案不在送教上门中（个案状态须为「送教上门」或复学方案为「送教上门」），不能登记送教记录';
  if (taughtOn > today) return `送教日期 ${taughtOn} 晚于今天，不能预先登记`;
  return null;
}
