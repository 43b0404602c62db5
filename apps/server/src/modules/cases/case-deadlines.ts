import { uuidv7 } from 'uuidv7';
import {
  deadlineChanges,
  deadlinesOnOpen,
  deadlineWrites,
  type ActionFacts,
  type CaseStatus,
  type DeadlineEnv,
  type PlannedDeadline,
} from '@notoneless/shared';
import type { DbOrTx } from '../../db/client';
import type { Ctx } from '../../http/context';
import { getCountySettings, getSchoolCalendar } from '../settings/settings.service';
import * as records from './case-records.repository';

/** The county's settings and school calendar, as the deadline rules need them. */
export async function deadlineEnvOf(db: DbOrTx, countyCode: string): Promise<DeadlineEnv> {
  const [settings, calendar] = await Promise.all([getCountySettings(db, countyCode), getSchoolCalendar(db, countyCode)]);
  return { settings, calendar };
}

async function create(tx: DbOrTx, ctx: Ctx, caseId: string, plans: PlannedDeadline[], eventId: string | null) {
  await records.insertDeadlines(
    tx,
    plans.map((p) => ({
      countyCode: ctx.actor.countyCode,
      id: uuidv7(),
      caseId,
      kind: p.kind,
      dueOn: p.dueOn,
      eventId,
      createdAt: ctx.now,
    })),
  );
}

/** The clocks a new case starts (packages/shared rules/cases/deadlines.ts deadlinesOnOpen). */
export async function startDeadlines(
  tx: DbOrTx,
  ctx: Ctx,
  caseId: string,
  status: CaseStatus,
  openedOn: string,
  eventId: string,
  env: DeadlineEnv,
) {
  await create(tx, ctx, caseId, deadlinesOnOpen(status, openedOn, env), eventId);
}

/**
 * Meet the clocks an action answers and start the ones it sets (rules/cases/deadlines.ts deadlineChanges), a clock
 * listed once (deadlineWrites). Closing the case (销号, 核实非辍学) meets every open clock: the 待办 no longer shows them.
 */
export async function applyDeadlineChanges(tx: DbOrTx, ctx: Ctx, caseId: string, facts: ActionFacts, eventId: string, env: DeadlineEnv) {
  const county = ctx.actor.countyCode;
  const open = (await records.deadlinesOf(tx, county, caseId)).filter((d) => d.metAt === null);
  const writes = deadlineWrites(open, deadlineChanges(facts, env));
  await records.meetDeadlinesById(
    tx,
    county,
    caseId,
    writes.meet.map((d) => d.id),
    ctx.now,
    eventId,
  );
  await create(tx, ctx, caseId, writes.create, eventId);
}
