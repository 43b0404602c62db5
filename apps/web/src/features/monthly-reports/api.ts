import type {
  Consolidated,
  DrillDown,
  Explanations,
  MonthlyReport,
  MonthlyReportStatus,
  UnitReport,
  correctionBodySchema,
  monthlyReportListSchema,
  reviewBodySchema,
} from '@notoneless/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { downloadFile } from '../../lib/download';
import type { SchemaOutput } from '../../lib/schema-types';

export type MonthlyReportList = SchemaOutput<typeof monthlyReportListSchema>;
export type ReviewBody = SchemaOutput<typeof reviewBodySchema>;
export type CorrectionBody = SchemaOutput<typeof correctionBodySchema>;
/** The unit of a consolidated figure: the whole table (county or 中心校), a township's row or a school's row. */
export type ConsolidatedScope = { month: string; townshipCode?: string; schoolId?: string };
export type ListQuery = { month: string; townshipCode?: string; schoolId?: string; status?: MonthlyReportStatus };

export const monthlyReportKeys = {
  all: ['monthly-reports'] as const,
  list: (query: ListQuery) => ['monthly-reports', 'list', query] as const,
  report: (schoolId: string, month: string, version?: number) =>
    version === undefined
      ? (['monthly-reports', 'report', schoolId, month] as const)
      : (['monthly-reports', 'report', schoolId, month, version] as const),
  drillDown: (id: string, figureKey: string) => ['monthly-reports', 'drill-down', id, figureKey] as const,
  consolidatedDrillDown: (scope: ConsolidatedScope, figureKey: string) =>
    ['monthly-reports', 'drill-down', 'consolidated', scope.month, scope.townshipCode ?? '', scope.schoolId ?? '', figureKey] as const,
  consolidated: (month: string, townshipCode: string | undefined) =>
    ['monthly-reports', 'consolidated', month, townshipCode ?? ''] as const,
  unit: (unitId: string, month: string) => ['monthly-reports', 'unit', unitId, month] as const,
};

const enc = encodeURIComponent;
const reportPath = (schoolId: string, month: string) => `/api/monthly-reports/school/${enc(schoolId)}/${enc(month)}`;

/** Every school in scope for the month, with its report's status (or 未填报), the late flag and the headline figures. */
export function useMonthlyReports(query: ListQuery) {
  return useQuery({
    queryKey: monthlyReportKeys.list(query),
    queryFn: ({ signal }) => api.get<MonthlyReportList>('/api/monthly-reports', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

/**
 * One school's report of a month: its current version (computed live while a draft, frozen once submitted), or with
 * `version` an earlier version as it was (read-only).
 */
export function useMonthlyReport(schoolId: string, month: string, version?: number) {
  return useQuery({
    queryKey: monthlyReportKeys.report(schoolId, month, version),
    queryFn: ({ signal }) =>
      api.get<MonthlyReport>(reportPath(schoolId, month), version === undefined ? undefined : { version }, { signal }),
  });
}

/** What the drill-down route takes: the report's id, or `<schoolId>_<month>` while the month has no report yet. */
export const drillIdOf = (report: Pick<MonthlyReport, 'id' | 'schoolId' | 'month'>) =>
  report.id ?? `${report.schoolId ?? ''}_${report.month}`;

/** The children behind one figure of a report (audited by the server: it names children). */
export function useDrillDown(drillId: string, figureKey: string | undefined, enabled = true) {
  return useQuery({
    queryKey: monthlyReportKeys.drillDown(drillId, figureKey ?? ''),
    enabled: enabled && Boolean(figureKey),
    queryFn: ({ signal }) =>
      api.get<DrillDown>(`/api/monthly-reports/${enc(drillId)}/figures/${enc(figureKey ?? '')}/children`, undefined, { signal }),
  });
}

/** The children behind a consolidated figure across its schools (audited by the server; capped, with the full count). */
export function useConsolidatedDrillDown(scope: ConsolidatedScope, figureKey: string | undefined, enabled = true) {
  return useQuery({
    queryKey: monthlyReportKeys.consolidatedDrillDown(scope, figureKey ?? ''),
    enabled: enabled && Boolean(figureKey),
    queryFn: ({ signal }) =>
      api.get<DrillDown>(`/api/monthly-reports/consolidated/figures/${enc(figureKey ?? '')}/children`, scope, { signal }),
  });
}

/** Township rows (county) or school rows (中心校), the total and the schools still pending. */
export function useConsolidated(month: string, townshipCode: string | undefined) {
  return useQuery({
    queryKey: monthlyReportKeys.consolidated(month, townshipCode),
    queryFn: ({ signal }) => api.get<Consolidated>('/api/monthly-reports/consolidated', { month, townshipCode }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every change to a report moves the lists, the consolidated tables, the to-do list and the home page too. */
function useAfterChange(schoolId: string, month: string) {
  const queryClient = useQueryClient();
  return (report: MonthlyReport) => {
    queryClient.setQueryData(monthlyReportKeys.report(schoolId, month), report);
    for (const key of [
      ['monthly-reports', 'report', schoolId, month],
      ['monthly-reports', 'list'],
      ['monthly-reports', 'consolidated'],
      ['monthly-reports', 'drill-down'],
      ['inbox'],
      ['home'],
    ]) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
  };
}

export function useSaveExplanations(schoolId: string, month: string) {
  const after = useAfterChange(schoolId, month);
  return useMutation({
    mutationFn: (body: Explanations) => api.put<MonthlyReport>(`${reportPath(schoolId, month)}/explanations`, body),
    onSuccess: after,
  });
}

export function useSubmitReport(schoolId: string, month: string) {
  const after = useAfterChange(schoolId, month);
  return useMutation({
    mutationFn: () => api.post<MonthlyReport>(`${reportPath(schoolId, month)}/submit`, { confirm: true }),
    onSuccess: after,
  });
}

export function useReviewReport(schoolId: string, month: string) {
  const after = useAfterChange(schoolId, month);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReviewBody }) => api.post<MonthlyReport>(`/api/monthly-reports/${enc(id)}/review`, body),
    onSuccess: after,
  });
}

export function useCorrectReport(schoolId: string, month: string) {
  const after = useAfterChange(schoolId, month);
  return useMutation({
    mutationFn: (body: CorrectionBody) => api.post<MonthlyReport>(`${reportPath(schoolId, month)}/corrections`, body),
    onSuccess: after,
  });
}

/** 月报表 of one school (XLSX laid out like the official table). */
export function exportReport(schoolId: string, month: string, unitName: string) {
  return downloadFile(`${reportPath(schoolId, month)}/export.xlsx`, {}, `${unitName}${month}月报表.xlsx`);
}

/** The township or county 汇总表 of a month. */
export function exportConsolidated(month: string, townshipCode: string | undefined) {
  return downloadFile('/api/monthly-reports/consolidated/export.xlsx', { month, townshipCode }, `${month}月报汇总表.xlsx`);
}

/** The quarterly summary (季度汇总) of the quarter holding `quarter` (YYYY-Qn). */
export function exportQuarterly(quarter: string, townshipCode: string | undefined) {
  return downloadFile('/api/monthly-reports/quarterly/export.xlsx', { quarter, townshipCode }, `${quarter}季度汇总表.xlsx`);
}

const unitPath = (unitId: string, month: string) => `/api/monthly-reports/unit/${enc(unitId)}/${enc(month)}`;

/** The 中心校's own report of its township to the county: its status, the frozen sums, the schools not accepted yet. */
export function useUnitReport(unitId: string, month: string) {
  return useQuery({
    queryKey: monthlyReportKeys.unit(unitId, month),
    queryFn: ({ signal }) => api.get<UnitReport>(unitPath(unitId, month), undefined, { signal }),
    retry: false,
  });
}

/** A change to a unit report moves the consolidated tables and the 待办 too. */
function useAfterUnitChange(unitId: string, month: string) {
  const queryClient = useQueryClient();
  return (report: UnitReport) => {
    queryClient.setQueryData(monthlyReportKeys.unit(unitId, month), report);
    for (const key of [['monthly-reports', 'unit'], ['monthly-reports', 'consolidated'], ['inbox'], ['home']]) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
  };
}

/** 上报县教育局: freezes the sums of the schools' accepted reports. */
export function useSubmitUnitReport(unitId: string, month: string) {
  const after = useAfterUnitChange(unitId, month);
  return useMutation({
    mutationFn: () => api.post<UnitReport>(`${unitPath(unitId, month)}/submit`, { confirm: true }),
    onSuccess: after,
  });
}

/** The county accepts (接收) or returns the unit report. */
export function useReviewUnitReport(unitId: string, month: string) {
  const after = useAfterUnitChange(unitId, month);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReviewBody }) =>
      api.post<UnitReport>(`/api/monthly-reports/unit-reports/${enc(id)}/review`, body),
    onSuccess: after,
  });
}
