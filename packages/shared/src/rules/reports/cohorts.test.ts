import { describe, expect, it } from 'vitest';
import { countySettingsPatchSchema, countySettingsSchema, DEFAULT_COUNTY_SETTINGS, type Cohort } from '../../settings';
import { cohortEntryYearForSchoolYear, cohortFor, consolidationFromCohorts } from './cohorts';
import { formatRate } from './indicators';

// 九年义务教育巩固率 (issue 7 item 4) = 本学年初中毕业生数 ÷（九年前一年级入学人数 ＋ 转入 － 转出 － 死亡）,
// "the entering cohort nine years earlier" — a historical cohort size the county enters once (docs/domain/indicators.md).

const row = (entryYear: number, entered: number, transfersIn = 0, transfersOut = 0, deaths = 0): Cohort => ({
  entryYear,
  entered,
  transfersIn,
  transfersOut,
  deaths,
});

describe('cohortFor: the class graduating in school year Y—Y+1 entered 一年级 in Y − 8', () => {
  it('2026—2027学年 graduates (July 2027) entered in September 2018: grade 1 in 2018—2019 … grade 9 in 2026—2027', () => {
    expect(cohortEntryYearForSchoolYear(2026)).toBe(2018);
    const cohorts = [row(2017, 1203), row(2018, 1250), row(2019, 1190)];
    expect(cohortFor(2026, cohorts)).toEqual(row(2018, 1250));
    expect(cohortFor(2025, cohorts)).toEqual(row(2017, 1203));
  });
  it('no record for that entry year (or no cohorts at all) → null', () => {
    expect(cohortFor(2030, [row(2018, 1250)])).toBeNull();
    expect(cohortFor(2026, [])).toBeNull();
    expect(cohortFor(2026, null)).toBeNull();
  });
});

describe('consolidationFromCohorts', () => {
  it('worked example of indicators.md: 2025—2026学年 1,187 graduates, 2017 cohort 1,203 +41 −52 −1 → 99.66%', () => {
    const r = consolidationFromCohorts({
      graduates: 1187,
      graduationSchoolYearStart: 2025,
      cohorts: [row(2017, 1203, 41, 52, 1), row(2018, 999)],
    });
    expect(r).toMatchObject({ numerator: 1187, denominator: 1191, computable: true, entryYear: 2017 });
    expect(r.cohort?.entered).toBe(1203);
    expect(formatRate(r)).toBe('99.66%');
  });
  it('the entry year is missing → not computable, naming the year the county has to enter', () => {
    const r = consolidationFromCohorts({ graduates: 1187, graduationSchoolYearStart: 2026, cohorts: [row(2017, 1203)] });
    expect(r.computable).toBe(false);
    expect(r.value).toBeNull();
    expect(r.entryYear).toBe(2018);
    expect(formatRate(r)).toBe('—（无法计算：县里未录入2018年一年级入学人数（2026—2027学年毕业生的入学年份），学籍中也没有入学日期）');
  });
  it('a township or school figure is not computable: the cohorts are county-wide', () => {
    const r = consolidationFromCohorts({ graduates: 80, graduationSchoolYearStart: 2026, cohorts: [row(2018, 1250)], countyWide: false });
    expect(r.computable).toBe(false);
    expect(r.reason).toMatch(/只按全县录入/);
  });
  it('an adjusted denominator of 0 is not computable (never 0% or 100%)', () => {
    const r = consolidationFromCohorts({ graduates: 0, graduationSchoolYearStart: 2026, cohorts: [row(2018, 3, 0, 3, 0)] });
    expect(r.computable).toBe(false);
    expect(r.reason).toMatch(/不大于 0/);
  });
});

describe('county setting `cohorts`', () => {
  it('defaults to none', () => {
    expect(DEFAULT_COUNTY_SETTINGS.cohorts).toEqual([]);
    expect(countySettingsSchema.safeParse(DEFAULT_COUNTY_SETTINGS).success).toBe(true);
  });
  it('accepts rows with an optional note; a patch of only the cohorts leaves other settings out', () => {
    const p = countySettingsPatchSchema.parse({ cohorts: [{ ...row(2018, 1250, 30, 40, 1), note: ' 2018年教育事业统计 ' }] });
    expect(p).toEqual({ cohorts: [{ ...row(2018, 1250, 30, 40, 1), note: '2018年教育事业统计' }] });
    expect(countySettingsPatchSchema.parse({ noticeReturnDays: 6 })).toEqual({ noticeReturnDays: 6 });
  });
  it('refuses a repeated 入学年份 with a Chinese message on the repeated row', () => {
    const r = countySettingsPatchSchema.safeParse({ cohorts: [row(2017, 1), row(2018, 2), row(2017, 3)] });
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0];
    expect(issue.path).toEqual(['cohorts', 2, 'entryYear']);
    expect(issue.message).toBe('入学年份 2017 重复，每个年份只能录入一次');
  });
  it('refuses negative or fractional counts, more than 30 years, and an over-long note, in Chinese', () => {
    const msg = (cohorts: unknown) => countySettingsPatchSchema.safeParse({ cohorts }).error?.issues[0]?.message;
    expect(msg([row(2018, -1)])).toBe('一年级入学人数不能为负数');
    expect(msg([row(2018, 10, 1.5)])).toBe('转入人数应为整数');
    expect(msg([{ ...row(2018, 10), note: '长'.repeat(101) }])).toBe('备注最多 100 个字');
    expect(msg(Array.from({ length: 31 }, (_, i) => row(1995 + i, 10)))).toBe('历史入学人数最多录入 30 个年份');
    expect(msg(Array.from({ length: 30 }, (_, i) => row(1995 + i, 10)))).toBeUndefined();
  });
});
