import { UNIT_REPORT_STATUS_LABELS, type MonthlyReportStatus, type UnitReportStatus, type UnitReportSummary } from '@notoneless/shared';
import type { DbOrTx } from '../../db/client';
import * as repo from './monthly-reports.repository';
import type { ReportRow, SchoolInfo } from './monthly-reports.repository';
import { isUnitReportOutdated, unitReportStatusOf, type SchoolCurrent } from './unit-report-rules';
import * as unitRepo from './unit-reports.repository';
import type { UnitFrozen, UnitInfo } from './unit-reports.repository';

/** A 中心校's month: its schools' current versions, its own current report, its status and whether it is outdated. */
export type UnitState = {
  unit: UnitInfo;
  schools: SchoolCurrent[];
  /** the schools' current rows (their frozen figures are what a submission sums) */
  schoolRows: Map<string, ReportRow>;
  row: ReportRow | undefined;
  frozen: UnitFrozen | null;
  status: UnitReportStatus;
  outdated: boolean;
};

/**
 * The states of these units' month (the bureau is never among them: 局属 schools report to the county themselves).
 * `known` passes schools and current versions already loaded (the consolidation's), so only the rest are read.
 */
export async function loadUnitStates(
  db: DbOrTx,
  county: string,
  month: string,
  unitIds: string[],
  known?: { schools: SchoolInfo[]; bySchool: Map<string | null, ReportRow> },
): Promise<UnitState[]> {
  const units = await unitRepo.unitsByIds(db, county, [...new Set(unitIds)]);
  if (!units.size) return [];
  const ids = [...units.keys()];
  const schools = await repo.listSchools(db, county, { schoolIds: null, unitIds: ids });
  const knownIds = new Set(known?.schools.map((s) => s.id) ?? []);
  const rest = schools.filter((s) => !knownIds.has(s.id));
  const restRows = await repo.currentBySchool(db, county, month, rest);
  const rowOf = (id: string) => (knownIds.has(id) ? known!.bySchool.get(id) : restRows.get(id));
  const reports = await unitRepo.currentUnitReports(db, county, month, ids);
  return ids.map((id) => {
    const own = schools.filter((s) => s.unitId === id);
    const schoolRows = new Map<string, ReportRow>();
    const current: SchoolCurrent[] = own.map((s) => {
      const r = rowOf(s.id);
      if (r) schoolRows.set(s.id, r);
      return {
        schoolId: s.id,
        schoolName: s.name,
        reportId: r?.id ?? null,
        version: r?.version ?? 1,
        status: r ? (r.status as MonthlyReportStatus) : 'not_started',
      };
    });
    const row = reports.get(id);
    const frozen = row?.figures ? (row.figures as UnitFrozen) : null;
    return {
      unit: units.get(id)!,
      schools: current,
      schoolRows,
      row,
      frozen,
      status: unitReportStatusOf(row),
      outdated: isUnitReportOutdated(frozen?.schools ?? null, current),
    };
  });
}

/** The summary the county's table and the 待办 show. */
export function summaryOf(s: UnitState, month: string): UnitReportSummary {
  const r = s.row;
  const at = s.status === 'submitted' ? r?.submittedAt : s.status === 'not_submitted' ? null : (r?.reviewedAt ?? r?.submittedAt);
  return {
    id: r?.id ?? null,
    unitId: s.unit.id,
    unitName: s.unit.name,
    townshipCode: s.unit.townshipCode,
    month,
    version: r?.version ?? 1,
    status: s.status,
    statusLabel: UNIT_REPORT_STATUS_LABELS[s.status],
    at: at ? at.toISOString() : null,
    outdated: s.outdated,
    schoolCount: s.schools.length,
  };
}
