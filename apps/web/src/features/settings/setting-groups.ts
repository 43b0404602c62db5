import type { CountySettings } from '@notoneless/shared';

type Key = keyof CountySettings;
export type SettingGroup = { title: string; keys: readonly Key[] };

/** The county settings form, section by section. */
export const SETTING_GROUPS = [
  { title: '适龄与学年', keys: ['eligibleAgeFrom', 'eligibleAgeTo', 'schoolYearStart'] },
  {
    title: '劝返与期限',
    keys: [
      'noticeReturnDays',
      'deadlineDayKind',
      'homeVisitWithinDays',
      'escalationDays',
      'deferralJointPersuasions',
      'followUpDays',
      'overAgeYears',
    ],
  },
  {
    title: '请假与缺勤',
    keys: ['leaveTeacherMaxDays', 'leavePovertyUnitMaxDays', 'absenceConsecutiveDays', 'absenceMonthlyDays', 'attendanceReportBy'],
  },
  { title: '报表', keys: ['monthlyReportDueDay'] },
  { title: '帮扶', keys: ['homeTeachingSessionsPerWeek', 'homeTeachingHoursPerSession'] },
] as const satisfies readonly SettingGroup[];

/** Compile-time check: every setting appears in some section (the 历史入学人数 rows have their own tab, cohorts-form.tsx). */
type Grouped = (typeof SETTING_GROUPS)[number]['keys'][number];
export type OwnCardSetting = 'cohorts';
const everySettingGrouped: Record<Exclude<Key, Grouped | OwnCardSetting>, never> = {};
void everySettingGrouped;

export const DEADLINE_DAY_KIND_LABELS: Record<CountySettings['deadlineDayKind'], string> = {
  calendar: '自然日',
  working: '工作日（上课日）',
};

/** How a setting's value reads, for "默认：…". */
export function settingText(value: CountySettings[Exclude<Key, OwnCardSetting>]): string {
  return value === 'calendar' || value === 'working' ? DEADLINE_DAY_KIND_LABELS[value] : String(value);
}
