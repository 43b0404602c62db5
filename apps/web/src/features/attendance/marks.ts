import type { AbsenceEntry, AbsenceReason, ClassDayChild, ClassDayDto, ContactResult } from '@notoneless/shared';

/** What the teacher has tapped for one child: absent, with a reason (and for 无故缺勤 the family contact). */
export type Mark = { reason?: AbsenceReason; contactResult?: ContactResult; note?: string };
export type Marks = Record<string, Mark>;

/** Where the list starts: the report as stored, else everyone present but the children on an approved leave. */
export function initialMarks(day: ClassDayDto, fromPending?: AbsenceEntry[]): Marks {
  const marks: Marks = {};
  if (fromPending) {
    for (const a of fromPending) marks[a.childId] = { reason: a.reason, contactResult: a.contactResult, note: a.note };
    return marks;
  }
  if (day.report) {
    for (const c of day.children) if (c.absence) marks[c.childId] = { ...c.absence };
    return marks;
  }
  for (const c of day.children) {
    if (c.onLeave && c.onLeave.status === 'approved') marks[c.childId] = { reason: leaveReason(c) };
  }
  return marks;
}

const leaveReason = (c: ClassDayChild): AbsenceReason => (c.onLeave?.kind === '病假' ? '病假' : '事假');

/** A mark still missing its reason or its family contact: the message naming it, or null when complete. */
export function markProblem(mark: Mark): string | null {
  if (!mark.reason) return '请选择缺勤原因';
  if (mark.reason === '无故缺勤' && !mark.contactResult) return '请选择家长联系结果';
  return null;
}

/** 应到 / 实到 / 缺勤 (迟到 counts as present) for the sticky bar. */
export function markCounts(enrolled: number, marks: Marks) {
  const all = Object.values(marks);
  const absent = all.filter((m) => m.reason !== '迟到').length;
  const late = all.length - absent;
  return { enrolled, present: enrolled - absent, absent, late };
}

export function toAbsences(marks: Marks): AbsenceEntry[] {
  return Object.entries(marks).map(([childId, m]) => ({
    childId,
    reason: m.reason as AbsenceReason,
    ...(m.reason === '无故缺勤' && m.contactResult ? { contactResult: m.contactResult } : {}),
    ...(m.note ? { note: m.note } : {}),
  }));
}
