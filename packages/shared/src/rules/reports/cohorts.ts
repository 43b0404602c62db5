import type { Cohort } from '../../settings';
import { cohortEntryYear, consolidationRate, type Ratio } from './indicators';

/**
 * 九年义务教育巩固率 from the 历史入学人数 the county enters once (county setting `cohorts`, issue 7 item 4).
 * Convention (docs/domain/indicators.md): the class graduating from 九年级 in the school year that starts in year Y
 * (e.g. 2026—2027学年, graduating in July 2027) entered 一年级 in September of Y − 8 (2018): grade 1 in 2018—2019,
 * grade 9 in 2026—2027 — "the entering cohort nine years earlier" counted in graduation calendar years (2027 − 9).
 */
export function cohortEntryYearForSchoolYear(graduationSchoolYearStart: number): number {
  return cohortEntryYear(graduationSchoolYearStart + 1);
}

/** The county's cohort record for the class graduating in the school year starting `graduationSchoolYearStart`, or null. */
export function cohortFor(graduationSchoolYearStart: number, cohorts: readonly Cohort[] | null | undefined): Cohort | null {
  const entryYear = cohortEntryYearForSchoolYear(graduationSchoolYearStart);
  return cohorts?.find((c) => c.entryYear === entryYear) ?? null;
}

export type CohortConsolidation = Ratio & { entryYear: number; cohort: Cohort | null };

/**
 * 巩固率 of a school year's graduating class: `graduates` ÷ (cohort entered + 转入 − 转出 − 死亡).
 * `countyWide` false (a township's or a school's figure): the cohorts are entered for the whole county only, so the
 * rate is not computable there and says so. A missing entry year says which year the county has to enter.
 */
export function consolidationFromCohorts(a: {
  graduates: number;
  graduationSchoolYearStart: number;
  cohorts: readonly Cohort[] | null | undefined;
  countyWide?: boolean;
}): CohortConsolidation {
  const entryYear = cohortEntryYearForSchoolYear(a.graduationSchoolYearStart);
  const y = a.graduationSchoolYearStart;
  if (a.countyWide === false) {
    const r = consolidationRate({ graduates: a.graduates, entryCohort: null, transfersIn: 0, transfersOut: 0 });
    return { ...r, reason: '历史入学人数只按全县录入，乡镇和学校的巩固率无法计算', entryYear, cohort: null };
  }
  const cohort = cohortFor(y, a.cohorts);
  if (!cohort) {
    const r = consolidationRate({ graduates: a.graduates, entryCohort: null, transfersIn: 0, transfersOut: 0 });
    return {
      ...r,
      reason: `县里未录入${entryYear}年一年级入学人数（${y}—${y + 1}学年毕业生的入学年份），学籍中也没有入学日期`,
      entryYear,
      cohort: null,
    };
  }
  const r = consolidationRate({
    graduates: a.graduates,
    entryCohort: cohort.entered,
    transfersIn: cohort.transfersIn,
    transfersOut: cohort.transfersOut,
    deaths: cohort.deaths,
  });
  return { ...r, entryYear, cohort };
}
