import { addCalendarDays, eligibleBirthRange, type CountySettings, type IsoDate } from '@notoneless/shared';

/**
 * 入学通知书 (seed 001 「完善义务教育入学通知书制度」): who receives one, where they report, when.
 */

/**
 * The coming grade-1 cohort of school year Y: the youngest age-eligible year (formats.md: born from the school-year start
 * of Y−(ageFrom+1) to the day before that of Y−ageFrom; default 1 Sep Y−7 … 31 Aug Y−6).
 */
export function gradeOneBirthRange(
  schoolYear: number,
  s: Pick<CountySettings, 'schoolYearStart' | 'eligibleAgeFrom'>,
): { from: IsoDate; to: IsoDate } {
  return eligibleBirthRange(schoolYear, { ...s, eligibleAgeTo: s.eligibleAgeFrom });
}

/** Report in the three days before the school year starts (the county may print its own dates on the notice later). */
export const REPORT_DAYS_BEFORE_START = 3;
export function reportWindow(schoolYear: number, s: Pick<CountySettings, 'schoolYearStart'>): { from: IsoDate; to: IsoDate } {
  const start = `${schoolYear}-${s.schoolYearStart}`;
  return { from: addCalendarDays(start, -REPORT_DAYS_BEFORE_START), to: addCalendarDays(start, -1) };
}

/** 「2026年秋季」: a school year starting in the second half of the calendar year is an autumn intake. */
export const termOf = (schoolYear: number, s: Pick<CountySettings, 'schoolYearStart'>) =>
  `${schoolYear}年${Number(s.schoolYearStart.slice(0, 2)) >= 7 ? '秋季' : '春季'}`;

export type SchoolOption = { id: string; name: string; townshipCode: string; villageCode: string | null };

/**
 * Where the child reports: the school they are already placed at; else a primary school in their household village;
 * else the first in their township; else the notice says the bureau will tell them (the platform keeps no 学区 map).
 */
export function schoolFor(
  child: { schoolId: string | null; villageCode: string | null; townshipCode: string | null },
  schools: readonly SchoolOption[],
): string {
  const own = child.schoolId ? schools.find((s) => s.id === child.schoolId) : undefined;
  const village = child.villageCode ? schools.find((s) => s.villageCode === child.villageCode) : undefined;
  const township = child.townshipCode ? schools.find((s) => s.townshipCode === child.townshipCode) : undefined;
  return (own ?? village ?? township)?.name ?? '（就读学校由教育部门另行通知）';
}
