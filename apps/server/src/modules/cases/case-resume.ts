import { sql } from 'drizzle-orm';
import { shanghaiToday, suggestResumePlan, type ResumeSuggestion } from '@notoneless/shared';
import { rows, type DbOrTx } from '../../db/client';
import { findChild } from '../children/children.repository';
import { getCountySettings } from '../settings/settings.service';
import type { CaseRow } from './cases.repository';

/** 一级/二级 on the 残联 record is a severe disability (中华人民共和国残疾人证: 一级、二级为重度). */
const SEVERE_GRADE = /一|二|^[12]\b|^[12]级/;

/** The latest committed 残联 record of the child says a severe disability. */
async function severeDisability(db: DbOrTx, countyCode: string, idNumber: string | null): Promise<boolean> {
  if (!idNumber) return false;
  const r = await rows<{ grade: string | null }>(
    db,
    sql`select d.disability_grade as grade from disability_records d
      join registry_snapshots s on s.county_code = d.county_code and s.id = d.snapshot_id and s.status = 'committed'
      where d.county_code = ${countyCode} and d.id_number = ${idNumber}
      order by s.committed_at desc limit 1`,
  );
  return r.length > 0 && SEVERE_GRADE.test((r[0].grade ?? '').trim());
}

export type ResumeChild = { birthDate: string | null; grade: number | null; idNumber: string | null; keyGroups: string[] };

/** The 复学方案 the rules suggest for this case now (rules/cases/resume-plan.ts, seed 004). */
export async function resumeSuggestionFor(
  db: DbOrTx,
  countyCode: string,
  now: Date,
  c: CaseRow,
  child: ResumeChild,
  unwillingToStay: boolean | null = null,
): Promise<ResumeSuggestion> {
  const settings = await getCountySettings(db, countyCode);
  const severe = child.keyGroups.includes('残疾') && (await severeDisability(db, countyCode, child.idNumber));
  return suggestResumePlan({
    today: shanghaiToday(now),
    schoolYearStart: settings.schoolYearStart,
    birthDate: child.birthDate,
    grade: child.grade,
    dropoutKind: c.dropoutKind,
    outSince: c.reportedOn,
    severeDisability: severe,
    homeTeaching: c.status === 'home_teaching',
    unwillingToStay,
    overAgeYears: settings.overAgeYears,
  });
}

/** The suggestion for a case, reading its child. */
export async function suggestionOfCase(
  db: DbOrTx,
  ctx: { actor: { countyCode: string }; now: Date },
  c: CaseRow,
  unwillingToStay: boolean | null = null,
): Promise<ResumeSuggestion> {
  const child = await findChild(db, ctx.actor.countyCode, c.childId);
  return resumeSuggestionFor(
    db,
    ctx.actor.countyCode,
    ctx.now,
    c,
    {
      birthDate: child?.child.birthDate ?? null,
      grade: child?.child.grade ?? null,
      idNumber: child?.child.idNumber ?? null,
      keyGroups: child?.keyGroups ?? [],
    },
    unwillingToStay,
  );
}
