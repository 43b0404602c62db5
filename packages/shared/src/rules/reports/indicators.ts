import { addCalendarDays } from '../dates';

/**
 * 控辍保学 indicators (issue 7, item 4). Definitions, data sources and worked examples: docs/domain/indicators.md.
 *
 * A ratio keeps its numerator and denominator so that every figure can be explained and drilled into. `value` is a
 * fraction (0.9876 means 98.76 %), or null when the ratio cannot be computed — then `computable` is false and `reason`
 * says why in Chinese. A rate is never invented: a missing denominator is shown as "无法计算", never as 0 % or 100 %.
 */
export type Ratio = { numerator: number; denominator: number; value: number | null; computable: boolean; reason?: string };

const isCount = (n: number) => Number.isFinite(n) && n >= 0;

function notComputable(numerator: number, denominator: number, reason: string): Ratio {
  return { numerator, denominator, value: null, computable: false, reason };
}

function ratio(numerator: number, denominator: number, zeroReason: string): Ratio {
  if (!isCount(numerator) || !Number.isFinite(denominator)) return notComputable(numerator, denominator, '数据不完整或为负数');
  if (denominator <= 0) return notComputable(numerator, denominator, zeroReason);
  return { numerator, denominator, value: numerator / denominator, computable: true };
}

/**
 * 入学率 (适龄人口入学率): age-eligible children in school / age-eligible children.
 * Eligible = 6–15 岁 per the county's age window (formats.md, `eligibleBirthRange`); "in school" = current 学籍
 * 在读 (not 休学 — 教育统计口径: 暂时休学离校的学生不计入适龄人口中的在校生).
 */
export function enrollmentRate(a: { eligible: number; eligibleInSchool: number }): Ratio {
  if (isCount(a.eligible) && isCount(a.eligibleInSchool) && a.eligibleInSchool > a.eligible) {
    return notComputable(a.eligibleInSchool, a.eligible, '在校的适龄儿童数大于适龄儿童总数，数据不一致');
  }
  return ratio(a.eligibleInSchool, a.eligible, '适龄儿童数为 0');
}

/**
 * 九年义务教育巩固率 = this year's graduates (初中毕业生) / (the cohort that entered 一年级 nine years earlier
 * + transfers in − transfers out − deaths over those nine years).
 * Not computable when the entering cohort is unknown (no 学籍 entry dates and no historical cohort size entered by the
 * county) or when the adjusted denominator is not positive.
 */
export function consolidationRate(a: {
  graduates: number;
  entryCohort: number | null;
  transfersIn: number;
  transfersOut: number;
  deaths?: number;
}): Ratio {
  if (a.entryCohort === null || a.entryCohort === undefined) {
    return notComputable(a.graduates, 0, '缺少九年前的入学人数（学籍中无入学日期，县里也未录入历史入学人数）');
  }
  const deaths = a.deaths ?? 0;
  if (![a.entryCohort, a.transfersIn, a.transfersOut, deaths].every(isCount)) {
    return notComputable(a.graduates, 0, '数据不完整或为负数');
  }
  const denominator = a.entryCohort + a.transfersIn - a.transfersOut - deaths;
  return ratio(a.graduates, denominator, '调整后的入学人数（入学人数＋转入－转出－死亡）不大于 0');
}

/**
 * 辍学率 (“两基”评估验收口径，年辍学率): dropouts during the school year / students at the start of the school year.
 */
export function dropoutRate(a: { dropoutsDuringYear: number; studentsAtYearStart: number }): Ratio {
  return ratio(a.dropoutsDuringYear, a.studentsAtYearStart, '学年初在校学生数为 0');
}

/** 劝返率: dropouts (and suspected dropouts) returned to school / dropouts in the same period. */
export function persuasionRate(a: { returned: number; dropouts: number }): Ratio {
  if (isCount(a.returned) && isCount(a.dropouts) && a.returned > a.dropouts) {
    return notComputable(a.returned, a.dropouts, '劝返人数大于辍学人数，数据不一致');
  }
  return ratio(a.returned, a.dropouts, '本期没有辍学学生，无需劝返');
}

/** Median of a list of day counts (report → return). Non-finite values are ignored; an empty list has no median. */
export function medianDays(values: number[]): number | null {
  const xs = values.filter((v) => Number.isFinite(v)).sort((x, y) => x - y);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 === 1 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** '98.76%' (digits after the point, default 2), or '—（无法计算：原因）'. */
export function formatRate(r: Ratio, digits = 2): string {
  if (!r.computable || r.value === null) return `—（无法计算：${r.reason ?? '数据不足'}）`;
  return `${(r.value * 100).toFixed(digits)}%`;
}

/**
 * The school year containing a date, as a label and its first and last day ('2026-09-01' with start '09-01' →
 * { label: '2026—2027学年', from: '2026-09-01', to: '2027-08-31' }). `schoolYearStart` is 'MM-DD' (county settings).
 * (Named schoolYearSpan because `schoolYearOf` in rules/calendar.ts already returns the starting year as a number.)
 */
export function schoolYearSpan(date: string, schoolYearStart: string): { label: string; from: string; to: string } {
  const y = Number(date.slice(0, 4));
  const start = date.slice(5, 10) >= schoolYearStart ? y : y - 1;
  const from = `${start}-${schoolYearStart}`;
  const to = addCalendarDays(`${start + 1}-${schoolYearStart}`, -1);
  return { label: `${start}—${start + 1}学年`, from, to };
}

/** The year the graduating class of `graduationYear` entered 一年级: nine years earlier (六三学制 and 五四学制 alike). */
export function cohortEntryYear(graduationYear: number): number {
  return graduationYear - 9;
}
