import type { IsoDate } from '../dates';
import type { CaseAction } from './transitions';

/**
 * The 劝返通知书 (seed 000: 向监护人发放《劝返通知书》，限期5日内返校): a notice is issued, then delivered, and its
 * delivery starts the return clock. The transition table allows both actions by status only; these rules add what the
 * case's own history says — a delivery needs a notice issued and not yet delivered, and a new notice is not issued
 * while a delivered one's return period is still running (once it has passed, a new notice may be issued).
 */
export type NoticeFacts = {
  /** the case's events, oldest first (others than the notice's are ignored) */
  events: readonly { type: string }[];
  /** the case's return clocks (kind notice_return) */
  returnDeadlines: readonly { dueOn: IsoDate; met: boolean }[];
};

export type NoticeState = {
  /** the latest notice was issued and has not been delivered yet */
  undelivered: boolean;
  /** a delivered notice's return clock that is not met and not yet past (the last day counts) */
  returnRunningUntil: IsoDate | null;
};

export function noticeStateOf(f: NoticeFacts, today: IsoDate): NoticeState {
  const notices = f.events.filter((e) => e.type === 'notice_issued' || e.type === 'notice_delivered');
  const undelivered = notices.at(-1)?.type === 'notice_issued';
  const running = f.returnDeadlines
    .filter((d) => !d.met && d.dueOn >= today)
    .map((d) => d.dueOn)
    .sort();
  return { undelivered, returnRunningUntil: running.at(-1) ?? null };
}

/** Why a notice action is refused now (null: allowed); other actions are not concerned. */
export function noticeActionProblem(action: CaseAction, state: NoticeState): string | null {
  if (action === 'notice_delivered' && !state.undelivered) return '没有待送达的《劝返通知书》：请先「发放劝返通知书」，再登记送达';
  if (action === 'notice_issued' && state.returnRunningUntil)
    return `已送达的《劝返通知书》返校期限至 ${state.returnRunningUntil}，期限届满仍未返校的方可再次发放`;
  return null;
}

/** The actions the case page offers, without the notice actions the history rules out. */
export function filterNoticeActions<A extends CaseAction>(actions: readonly A[], state: NoticeState): A[] {
  return actions.filter((a) => noticeActionProblem(a, state) === null);
}
