import type { ResumePlanKind } from '../../contracts/cases';
import { schoolYearOf } from '../calendar';
import { daysBetween, type IsoDate } from '../dates';

/**
 * 复学方案 suggested by rule (issue 5, item 4; seed 004 四、"为每一名学生制定科学合理的复学方案，一人一案"):
 *  一是 辍学一年以内的，原则上进入原来的年级及班级就读；辍学一年以上且年龄较大不愿在原年级就读的，可根据实际情况和本人
 *      意愿适当调整年级…或到中职学校接受教育；
 *  二是 辍学时间较长的，可短期单独辅导后编入原班级，也可以集中单独编班；
 *  三是 重度残疾等特殊群体…开展送教上门。
 * The user may choose otherwise, with a reason (the server asks for planReason when the kind differs).
 */
export type ResumeFacts = {
  today: IsoDate;
  /** county setting (MM-DD), for the grade a child's age belongs to */
  schoolYearStart: string;
  birthDate: IsoDate | null;
  /** the grade the child left (null: never enrolled) */
  grade: number | null;
  /** 辍学 (left school) or 失学 (never enrolled) */
  dropoutKind: string | null;
  /** since when the child has been out (the case's report date) */
  outSince: IsoDate;
  /** 残疾 with a severe grade (一级/二级) on the 残联 record */
  severeDisability: boolean;
  /** the case is already in 送教上门 */
  homeTeaching: boolean;
  /** the child's own wish not to stay in the original grade (seed 004: 本人意愿); unknown when null */
  unwillingToStay?: boolean | null;
  /** county setting: over-age when this many years older than the grade's age */
  overAgeYears: number;
};

export type ResumeSuggestion = { kind: ResumePlanKind; grade: number | null; why: string };

const GRADE_WORDS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const gradeText = (g: number) => `${GRADE_WORDS[g] ?? g}年级`;

/**
 * The grade a child of this age is in this school year: a child born before the school-year start of year Y−6 enters
 * grade 1 in Y (formats.md, age eligibility); null without a birth date.
 */
export function gradeForAge(birthDate: IsoDate | null, today: IsoDate, schoolYearStart: string): number | null {
  if (!birthDate) return null;
  const schoolYear = schoolYearOf(today, { schoolYearStart });
  const birthYear = Number(birthDate.slice(0, 4));
  const entryYear = birthDate.slice(5) < schoolYearStart ? birthYear + 6 : birthYear + 7;
  return schoolYear - entryYear + 1;
}

const clampGrade = (g: number) => Math.min(9, Math.max(1, g));

export function suggestResumePlan(f: ResumeFacts): ResumeSuggestion {
  const ageGrade = gradeForAge(f.birthDate, f.today, f.schoolYearStart);
  if (f.severeDisability || f.homeTeaching) {
    const g = f.grade ?? (ageGrade === null ? null : clampGrade(ageGrade));
    return {
      kind: '送教上门',
      grade: g,
      why: '重度残疾等特殊群体，因身体原因无法随班就读和到特教学校就读：由责任学校送教上门（seed 004）',
    };
  }
  if (f.dropoutKind === '失学' || f.grade === null) {
    if (ageGrade !== null && ageGrade > 9)
      return {
        kind: '中职',
        grade: null,
        why: '从未入学（失学），年龄已超过九年级：可到中职学校接受教育，或视本人意愿调整年级完成义务教育（seed 004）',
      };
    const g = ageGrade === null ? 1 : clampGrade(ageGrade);
    return {
      kind: '调整年级',
      grade: g,
      why: `从未入学（失学）：按年龄编入${gradeText(g)}；学业基础薄弱的可先短期单独辅导，或根据实际情况调整年级（seed 004）`,
    };
  }
  const daysOut = daysBetween(f.outSince, f.today);
  if (daysOut < 365)
    return {
      kind: '原年级原班',
      grade: f.grade,
      why: `辍学一年以内（${Math.max(0, daysOut)} 天）：原则上进入原来的年级及班级就读（seed 004）`,
    };
  const yearsOver = ageGrade === null ? 0 : ageGrade - f.grade;
  const overAge = yearsOver >= f.overAgeYears;
  if (overAge && f.unwillingToStay === true) {
    if (ageGrade !== null && ageGrade > 9)
      return {
        kind: '中职',
        grade: null,
        why: `辍学一年以上，比${gradeText(f.grade)}年龄大 ${yearsOver} 岁，本人不愿在原年级就读：可到中职学校接受教育（seed 004）`,
      };
    const g = clampGrade(ageGrade!);
    return {
      kind: '调整年级',
      grade: g,
      why: `辍学一年以上，比${gradeText(f.grade)}年龄大 ${yearsOver} 岁，本人不愿在原年级就读：可调整到${gradeText(g)}完成义务教育并参加初中学业水平考试，或到中职学校接受教育（seed 004）`,
    };
  }
  const wishNote = overAge ? `；比${gradeText(f.grade)}年龄大 ${yearsOver} 岁，如本人不愿在原年级就读，可调整年级或到中职学校接受教育` : '';
  return {
    kind: '短期补习后随班',
    grade: f.grade,
    why: `辍学一年以上（${daysOut} 天）：可短期单独辅导后编入原班级，也可集中单独编班${wishNote}（seed 004）`,
  };
}
