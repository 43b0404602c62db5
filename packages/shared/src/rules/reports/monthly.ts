import type { SchoolCalendar } from '../../settings';
import { isSchoolDay } from '../calendar';
import { addCalendarDays, type IsoDate } from '../dates';
import {
  GAP_CAUSE_LABELS,
  GAP_CAUSES,
  MONTHLY_REPORT_STATUS_LABELS,
  type GapCause,
  type MonthlyFigures,
  type MonthlyReportStatus,
} from '../../contracts/monthly-reports';
import { KEY_GROUPS } from '../../roles';

/**
 * 月报 (seed 002 二「持续落实控辍保学月报制度」and 附件1; issue 7 items 1–2). Pure arithmetic of a school's month:
 * the 统计时点, the due date and lateness, the workflow, and the decomposition of 人籍差额 into its causes.
 * Definitions in words: docs/domain/monthly-report.md.
 */

// ---------------------------------------------------------------- the month, the 统计时点 and the due date

/** The first and last calendar day of a month 'YYYY-MM'. */
export function monthBounds(month: string): { first: IsoDate; last: IsoDate } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const first = `${month}-01`;
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { first, last: addCalendarDays(next, -1) };
}

/** The month after 'YYYY-MM'. */
export function nextMonth(month: string): string {
  return addCalendarDays(monthBounds(month).last, 1).slice(0, 7);
}

/** The three months of a quarter 'YYYY-Qn'. */
export function quarterMonths(quarter: string): string[] {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw new Error(`not a quarter: ${quarter}`);
  const start = (Number(m[2]) - 1) * 3 + 1;
  return [0, 1, 2].map((i) => `${m[1]}-${String(start + i).padStart(2, '0')}`);
}

/**
 * The 统计时点 (the day the 在籍/在校 figures describe): the last school day of the month — or, while the month is
 * running, the last school day up to today. A month with no school day up to then (summer, a future month) takes its
 * last calendar day (or today), and the report then has no daily reports to count.
 */
export function statisticsDay(
  month: string,
  today: IsoDate,
  cal: SchoolCalendar,
): { asOf: IsoDate; ended: boolean; schoolDays: IsoDate[] } {
  const { first, last } = monthBounds(month);
  const end = today < last ? today : last;
  const schoolDays: IsoDate[] = [];
  for (let d = first; d <= end; d = addCalendarDays(d, 1)) if (isSchoolDay(d, cal)) schoolDays.push(d);
  const asOf = schoolDays.length ? schoolDays[schoolDays.length - 1] : end < first ? first : end;
  return { asOf, ended: today > last, schoolDays };
}

/** Due on the county's monthlyReportDueDay of the following month (seed 002: 每月上报上一个月的数据; default the 5th). */
export function reportDueOn(month: string, dueDay: number): IsoDate {
  return `${nextMonth(month)}-${String(dueDay).padStart(2, '0')}`;
}

/**
 * Late: first submitted (Beijing date) after the due date, or not submitted and today is after the due date. A report
 * returned after an on-time submission is not late (the 待办 shows it as returned instead).
 */
export function isReportLate(p: { dueOn: IsoDate; today: IsoDate; firstSubmittedOn: IsoDate | null }): boolean {
  return p.firstSubmittedOn ? p.firstSubmittedOn > p.dueOn : p.today > p.dueOn;
}

// ---------------------------------------------------------------- the workflow

export type MonthlyReportAction = 'explain' | 'submit' | 'return' | 'accept' | 'correct';
export const MONTHLY_REPORT_ACTION_LABELS: Record<MonthlyReportAction | 'created', string> = {
  created: '生成月报',
  explain: '填写说明',
  submit: '上报',
  return: '退回',
  accept: '审核通过',
  correct: '更正（生成新版本）',
};

/**
 * draft → submitted → returned → submitted … → accepted. 'not_started' is a month with no row yet (explaining or
 * submitting creates it). A correction of a submitted or accepted report leaves that version as it is and starts a
 * new version as a draft (its reason recorded): the result here is the new version's status.
 */
const TRANSITIONS: Record<MonthlyReportAction, Partial<Record<MonthlyReportStatus, MonthlyReportStatus>>> = {
  explain: { not_started: 'draft', draft: 'draft', returned: 'returned' },
  submit: { not_started: 'submitted', draft: 'submitted', returned: 'submitted' },
  return: { submitted: 'returned' },
  accept: { submitted: 'accepted' },
  correct: { submitted: 'draft', accepted: 'draft' },
};

export function monthlyReportNext(status: MonthlyReportStatus, action: MonthlyReportAction): MonthlyReportStatus | null {
  return TRANSITIONS[action][status] ?? null;
}

/** Why an action is refused in a status (Chinese, for the 409). */
export function monthlyReportRefusal(status: MonthlyReportStatus, action: MonthlyReportAction): string | null {
  if (monthlyReportNext(status, action)) return null;
  const label = MONTHLY_REPORT_STATUS_LABELS[status];
  switch (action) {
    case 'explain':
    case 'submit':
      return `月报${label}，不能再修改或上报；如需更正请提出更正`;
    case 'return':
    case 'accept':
      return `月报${label}，不在待审核状态`;
    case 'correct':
      return `月报${label}，只有已上报或已审核的月报需要更正`;
  }
}

/** A school's report is frozen (figures stored) once submitted; draft and returned show live figures. */
export const isFrozenStatus = (s: MonthlyReportStatus) => s === 'submitted' || s === 'accepted';

// ---------------------------------------------------------------- 人籍差额 and its causes

/**
 * The facts about one child with a current 学籍 at the school who is NOT counted attending at the 统计时点.
 * Each is counted under exactly one cause, the first that applies in GAP_PRECEDENCE.
 */
export type GapFacts = {
  /** children.status: 在读 | 休学 | 送教上门 | 疑似辍学 | 辍学 */
  status: string;
  /** the open case's status, if any (rules/cases/statuses.ts) */
  caseStatus: string | null;
  /** the child is on another school's committed 在校名册 (人在他校、籍在本校) */
  onOtherSchoolRoster: boolean;
  /** an approved leave covers the 统计时点, or the class report of the day marks 病假/事假 */
  onLeave: boolean;
  /** the school's explanation for this child (moves an otherwise unexplained child to 其他) */
  explanation: string | null;
};

/**
 * The order in which causes are tried: formal states first (an approved 休学; 送教上门; a confirmed dropout; a suspected
 * dropout under verification), then a transfer not yet done, then a leave, then the school's own explanation (其他).
 * A child none of these explains is 'unexplained' and named in the report.
 */
export const GAP_PRECEDENCE: readonly GapCause[] = [
  'suspended',
  'home_teaching',
  'dropout',
  'suspected',
  'transfer_pending',
  'leave',
  'other',
];

const SUSPECTED_CASE = ['suspected', 'verifying', 'unreachable'];
const DROPOUT_CASE = ['confirmed', 'persuading'];

export function gapCauseOf(f: GapFacts): GapCause | 'unexplained' {
  const applies: Record<GapCause, boolean> = {
    suspended: f.status === '休学' || f.caseStatus === 'deferred',
    home_teaching: f.status === '送教上门' || f.caseStatus === 'home_teaching',
    dropout: f.status === '辍学' || (f.caseStatus !== null && DROPOUT_CASE.includes(f.caseStatus)),
    suspected: f.status === '疑似辍学' || (f.caseStatus !== null && SUSPECTED_CASE.includes(f.caseStatus)),
    transfer_pending: f.onOtherSchoolRoster,
    leave: f.onLeave,
    other: !!f.explanation,
  };
  return GAP_PRECEDENCE.find((c) => applies[c]) ?? 'unexplained';
}

/** 人籍差额 = causes + unexplained − attending without a 学籍 here (借读 and roster rows with no child): always true when built by buildMonthlyFigures. */
export function gapBalances(f: Pick<MonthlyFigures, 'gap' | 'gapCauses' | 'unexplained' | 'attendingWithoutRegistry'>): boolean {
  const causes = f.gapCauses.reduce((s, c) => s + c.count, 0);
  return causes + f.unexplained.count - f.attendingWithoutRegistry.count === f.gap;
}

// ---------------------------------------------------------------- building the figures

/** A child with a current 学籍 at the school at the 统计时点. */
export type EnrolledChild = GapFacts & { id: string; grade: number; keyGroups: string[]; attending: boolean; detail: string };
/** Someone counted attending: a child (or a roster row with no child: id 'roster:…') with their grade; `registered` = has a current 学籍 here. */
export type AttendingPerson = { id: string; grade: number | null; registered: boolean; detail: string };
export type Member = { id: string; detail: string };

export type MonthlyInput = {
  month: string;
  asOf: IsoDate;
  enrolled: EnrolledChild[];
  /** everyone on the class lists not absent on the class's report day */
  attending: AttendingPerson[];
  movements: { newSuspected: Member[]; newDropouts: Member[]; returned: Member[]; deferrals: Member[]; homeTeachingChildren: Member[] };
  homeTeachingSessions: number;
  attendance: MonthlyFigures['attendance'];
};

export const MOVEMENT_LABELS = {
  newSuspected: '本月新增疑似辍学',
  newDropouts: '本月新认定辍学',
  returned: '本月劝返复学',
  povertyDropouts: '脱贫户/监测户辍学',
  deferrals: '本月办理延缓入学/休学',
  homeTeachingChildren: '送教上门学生',
} as const;
export type MovementKey = keyof typeof MOVEMENT_LABELS;
export const MOVEMENT_KEYS = Object.keys(MOVEMENT_LABELS) as MovementKey[];

export const GRADE_LABELS = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级', '七年级', '八年级', '九年级'];
export const POVERTY_GROUPS = ['脱贫户', '监测户'];

/** The figures of one school's month and the members (child ids, with why) behind every drillable figure. */
export function buildMonthlyFigures(input: MonthlyInput): { figures: MonthlyFigures; members: Record<string, Member[]> } {
  const members: Record<string, Member[]> = {};
  const add = (key: string, m: Member) => (members[key] ??= []).push(m);
  const fig = (key: string, label: string) => ({ key, label, count: members[key]?.length ?? 0 });

  for (const c of input.enrolled) {
    add('enrolled', { id: c.id, detail: c.detail });
    add(`grade.${c.grade}.enrolled`, { id: c.id, detail: c.detail });
    for (const g of c.keyGroups) add(`keyGroup.${g}`, { id: c.id, detail: c.detail });
    if (c.attending) continue;
    const cause = gapCauseOf(c);
    const why = cause === 'other' ? `学校说明：${c.explanation}` : c.detail;
    add(cause === 'unexplained' ? 'gap.unexplained' : `gap.${cause}`, { id: c.id, detail: why });
    if (cause === 'dropout' && c.keyGroups.some((g) => POVERTY_GROUPS.includes(g))) add('povertyDropouts', { id: c.id, detail: c.detail });
  }
  for (const a of input.attending) {
    add('attending', { id: a.id, detail: a.detail });
    if (a.grade !== null) add(`grade.${a.grade}.attending`, { id: a.id, detail: a.detail });
    if (!a.registered) add('attendingWithoutRegistry', { id: a.id, detail: a.detail });
  }
  for (const k of ['newSuspected', 'newDropouts', 'returned', 'deferrals', 'homeTeachingChildren'] as const)
    for (const m of input.movements[k]) add(k, m);

  const grades = [
    ...new Set([...input.enrolled.map((c) => c.grade), ...input.attending.flatMap((a) => (a.grade === null ? [] : [a.grade]))]),
  ].sort((a, b) => a - b);
  const enrolled = fig('enrolled', '在籍学生数');
  const attending = fig('attending', '实际在校生数');
  const figures: MonthlyFigures = {
    month: input.month,
    asOf: input.asOf,
    enrolled,
    attending,
    gap: enrolled.count - attending.count,
    byGrade: grades.map((g) => {
      const e = fig(`grade.${g}.enrolled`, `${GRADE_LABELS[g - 1]}在籍`);
      const a = fig(`grade.${g}.attending`, `${GRADE_LABELS[g - 1]}在校`);
      return { grade: g, gradeLabel: GRADE_LABELS[g - 1], enrolled: e, attending: a, gap: e.count - a.count };
    }),
    gapCauses: GAP_CAUSES.map((cause) => ({ ...fig(`gap.${cause}`, GAP_CAUSE_LABELS[cause]), cause })),
    unexplained: fig('gap.unexplained', '未说明原因'),
    attendingWithoutRegistry: fig('attendingWithoutRegistry', '在校无本校学籍（借读等）'),
    movements: MOVEMENT_KEYS.map((k) => fig(k, MOVEMENT_LABELS[k])),
    homeTeachingSessions: input.homeTeachingSessions,
    keyGroups: KEY_GROUPS.filter((g) => members[`keyGroup.${g}`]).map((g) => fig(`keyGroup.${g}`, g)),
    attendance: input.attendance,
    balanced: true,
  };
  figures.balanced = gapBalances(figures);
  return { figures, members };
}

/**
 * The sum of several units' figures (a township, the county): every count adds up; the attendance rate is the
 * mean weighted by reports received; the 统计时点 is the latest of the parts.
 */
export function sumFigures(month: string, asOf: IsoDate, parts: MonthlyFigures[]): MonthlyFigures {
  const sumFig = <T extends { key: string; label: string; count: number }>(list: T[][]): T[] => {
    const out = new Map<string, T>();
    for (const l of list) for (const f of l) out.set(f.key, { ...f, count: (out.get(f.key)?.count ?? 0) + f.count });
    return [...out.values()];
  };
  const one = (pick: (f: MonthlyFigures) => MonthlyFigures['enrolled'], key: string, label: string) => ({
    key,
    label,
    count: parts.reduce((s, p) => s + pick(p).count, 0),
  });
  const grades = new Map<number, MonthlyFigures['byGrade'][0]>();
  for (const p of parts)
    for (const g of p.byGrade) {
      const prev = grades.get(g.grade);
      grades.set(
        g.grade,
        prev
          ? {
              ...prev,
              enrolled: { ...prev.enrolled, count: prev.enrolled.count + g.enrolled.count },
              attending: { ...prev.attending, count: prev.attending.count + g.attending.count },
              gap: prev.gap + g.gap,
            }
          : g,
      );
    }
  const received = parts.reduce((s, p) => s + p.attendance.reportsReceived, 0);
  const rated = parts.filter((p) => p.attendance.rate !== null);
  const ratedReports = rated.reduce((s, p) => s + p.attendance.reportsReceived, 0);
  const out: MonthlyFigures = {
    month,
    asOf: parts.reduce((m, p) => (p.asOf > m ? p.asOf : m), asOf),
    enrolled: one((p) => p.enrolled, 'enrolled', '在籍学生数'),
    attending: one((p) => p.attending, 'attending', '实际在校生数'),
    gap: parts.reduce((s, p) => s + p.gap, 0),
    byGrade: [...grades.values()].sort((a, b) => a.grade - b.grade),
    gapCauses: GAP_CAUSES.map((cause) => ({
      key: `gap.${cause}`,
      label: GAP_CAUSE_LABELS[cause],
      cause,
      count: parts.reduce((s, p) => s + (p.gapCauses.find((c) => c.cause === cause)?.count ?? 0), 0),
    })),
    unexplained: one((p) => p.unexplained, 'gap.unexplained', '未说明原因'),
    attendingWithoutRegistry: one((p) => p.attendingWithoutRegistry, 'attendingWithoutRegistry', '在校无本校学籍（借读等）'),
    movements: MOVEMENT_KEYS.map((k) => ({
      key: k,
      label: MOVEMENT_LABELS[k],
      count: parts.reduce((s, p) => s + (p.movements.find((m) => m.key === k)?.count ?? 0), 0),
    })),
    homeTeachingSessions: parts.reduce((s, p) => s + p.homeTeachingSessions, 0),
    keyGroups: sumFig(parts.map((p) => p.keyGroups)),
    attendance: {
      schoolDays: parts.reduce((m, p) => Math.max(m, p.attendance.schoolDays), 0),
      reportsExpected: parts.reduce((s, p) => s + p.attendance.reportsExpected, 0),
      reportsReceived: received,
      rate: ratedReports ? rated.reduce((s, p) => s + (p.attendance.rate ?? 0) * p.attendance.reportsReceived, 0) / ratedReports : null,
      classesOnAsOf: parts.reduce((s, p) => s + (p.attendance.classesOnAsOf ?? 0), 0),
      classesReportedOnAsOf: parts.reduce((s, p) => s + (p.attendance.classesReportedOnAsOf ?? 0), 0),
    },
    balanced: true,
  };
  out.balanced = gapBalances(out);
  return out;
}
