import type { eventsOf, ReportRow } from './monthly-reports.repository';

type EventRow = Awaited<ReturnType<typeof eventsOf>>[number];

/**
 * Who submitted and reviewed a 月报 version and its steps — a school's (MonthlyReport) or a 中心校's 乡镇月报
 * (UnitReport) alike; `actionLabels` names the steps (a school's 上报/审核通过, a 中心校's 上报县教育局/接收). No row yet
 * (not started / not submitted): all null. Spread in place, so the keys keep their order in the response.
 */
export function presentReportRow(row: ReportRow | undefined, events: EventRow[], actionLabels: Readonly<Partial<Record<string, string>>>) {
  return {
    submittedByName: row?.submittedByName ?? null,
    submittedAt: row?.submittedAt?.toISOString() ?? null,
    reviewedByName: row?.reviewedByName ?? null,
    reviewedAt: row?.reviewedAt?.toISOString() ?? null,
    reviewComment: row?.reviewComment ?? null,
    correctionReason: row?.correctionReason ?? null,
    events: events.map((e) => ({
      action: e.action,
      actionLabel: actionLabels[e.action] ?? e.action,
      actorName: e.actorName,
      at: e.at.toISOString(),
      comment: e.comment,
    })),
  };
}
