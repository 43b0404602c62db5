import { noticeStateOf, type NoticeState } from '@notoneless/shared';
import type { DbOrTx } from '../../db/client';
import * as records from './case-records.repository';
import type { CaseEventRow } from './cases.repository';
import * as repo from './cases.repository';

type DeadlineRow = Awaited<ReturnType<typeof records.deadlinesOf>>[number];

/** The 劝返通知书's state from rows already loaded, events newest first as eventsOf answers (rules/cases/notices.ts). */
export function noticeStateOfRows(events: readonly CaseEventRow[], deadlines: readonly DeadlineRow[], today: string): NoticeState {
  return noticeStateOf(
    {
      // eventsOf answers newest first (by time, then by the time-ordered id): the rule wants oldest first
      events: [...events].reverse(),
      returnDeadlines: deadlines.filter((d) => d.kind === 'notice_return').map((d) => ({ dueOn: d.dueOn, met: d.metAt !== null })),
    },
    today,
  );
}

/** The 劝返通知书's state of one case, read in the caller's transaction. */
export async function noticeStateOfCase(db: DbOrTx, countyCode: string, caseId: string, today: string): Promise<NoticeState> {
  const [events, deadlines] = await Promise.all([repo.eventsOf(db, countyCode, [caseId]), records.deadlinesOf(db, countyCode, caseId)]);
  return noticeStateOfRows(events, deadlines, today);
}
