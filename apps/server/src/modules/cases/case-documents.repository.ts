import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { attachments, childKeyGroups, children, classes, counties, divisions, schools } from '../../db/schema/index';
import type { CaseRow } from './cases.repository';
import { eventsOf } from './cases.repository';
import { approvalsOf, deadlinesOf, teamOf } from './case-records.repository';

/** Everything the documents of one case are filled from (issue 5 item 6). */
export async function loadCaseFile(db: DbOrTx, c: CaseRow) {
  const county = c.countyCode;
  const [child] = await db
    .select({ child: children, schoolName: schools.name, className: classes.name })
    .from(children)
    .leftJoin(schools, and(eq(schools.countyCode, children.countyCode), eq(schools.id, children.schoolId)))
    .leftJoin(classes, and(eq(classes.countyCode, children.countyCode), eq(classes.id, children.classId)))
    .where(and(eq(children.countyCode, county), eq(children.id, c.childId)));
  const [countyRow] = await db.select({ name: counties.name }).from(counties).where(eq(counties.code, county));
  const township = c.townshipCode ?? child?.child.householdTownshipCode ?? null;
  const [townshipRow] = township
    ? await db
        .select({ name: divisions.name })
        .from(divisions)
        .where(and(eq(divisions.countyCode, county), eq(divisions.code, township)))
    : [];
  const keyGroups = await db
    .select({ group: childKeyGroups.group })
    .from(childKeyGroups)
    .where(and(eq(childKeyGroups.countyCode, county), eq(childKeyGroups.childId, c.childId)));
  const [events, team, approvals, deadlines] = await Promise.all([
    eventsOf(db, county, [c.id]),
    teamOf(db, county, c.id),
    approvalsOf(db, county, c.id),
    deadlinesOf(db, county, c.id),
  ]);
  return {
    case: c,
    child: child?.child ?? null,
    schoolName: child?.schoolName ?? null,
    className: child?.className ?? null,
    countyName: countyRow?.name ?? county,
    townshipName: townshipRow?.name ?? null,
    keyGroups: [...new Set(keyGroups.map((k) => k.group))],
    /** newest first */
    events,
    team,
    approvals,
    deadlines,
  };
}
export type CaseFile = Awaited<ReturnType<typeof loadCaseFile>>;

export async function attachmentName(db: DbOrTx, countyCode: string, id: unknown): Promise<string | undefined> {
  if (typeof id !== 'string') return undefined;
  const [r] = await db
    .select({ fileName: attachments.fileName })
    .from(attachments)
    .where(and(eq(attachments.countyCode, countyCode), eq(attachments.id, id)));
  return r?.fileName;
}
