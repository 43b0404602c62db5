import { ROLE_LABELS, type Role } from '@notoneless/shared';
import { todayInShanghai } from './format';

const GRADE_NAMES = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

export const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** 1 → 一年级 … 9 → 九年级 */
export function gradeLabel(grade: number | null | undefined): string {
  if (grade === null || grade === undefined) return '—';
  const name = GRADE_NAMES[grade - 1];
  return name ? `${name}年级` : `${grade}年级`;
}

export const GRADE_OPTIONS = GRADES.map((grade) => ({ value: grade, label: gradeLabel(grade) }));

/** 2026 → 2026—2027学年 */
export function schoolYearLabel(year: number): string {
  return `${year}—${year + 1}学年`;
}

/** The school year running today in Beijing, starting on `startMonthDay` (county setting, default 09-01). */
export function currentSchoolYear(startMonthDay = '09-01', today = todayInShanghai()): number {
  const year = Number(today.slice(0, 4));
  return today.slice(5) >= startMonthDay ? year : year - 1;
}

export function schoolYearOptions(around: number = currentSchoolYear(), back = 3, forward = 1) {
  const years: number[] = [];
  for (let y = around + forward; y >= around - back; y -= 1) years.push(y);
  return years.map((year) => ({ value: year, label: schoolYearLabel(year) }));
}

/** 三年级 1班, without repeating the grade when the name already holds it. */
export function classLabel(c: { grade: number; name: string }): string {
  const grade = gradeLabel(c.grade);
  return c.name.startsWith(grade) ? c.name : `${grade} ${c.name}`;
}

/** 班主任 · 城关小学三年级1班 */
export function roleScopeText(grant: { role: Role; scopeName: string }): string {
  return `${ROLE_LABELS[grant.role]} · ${grant.scopeName}`;
}
