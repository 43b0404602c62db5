import type {
  AbsenceAlertDecisionBody,
  AbsenceAlertDto,
  AbsenceAlertStatus,
  AttendanceOverviewDto,
  AttendanceReportBody,
  ChildAttendanceDto,
  ClassDayDto,
  Page,
  TermStartCasesResult,
  TermStartDto,
  attendanceReportResultSchema,
} from '@notoneless/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { SchemaOutput } from '../../lib/schema-types';

export type AttendanceReportResult = SchemaOutput<typeof attendanceReportResultSchema>;
export type OverviewQuery = { date?: string; townshipCode?: string; schoolId?: string };
export type AlertQuery = { status?: AbsenceAlertStatus; classId?: string; schoolId?: string; page: number; pageSize: number };

export const attendanceKeys = {
  all: ['attendance'] as const,
  classDay: (classId: string, date: string | undefined) => ['attendance', 'class-day', classId, date ?? 'today'] as const,
  overview: (query: OverviewQuery) => ['attendance', 'overview', query] as const,
  alerts: (query: AlertQuery) => ['attendance', 'alerts', query] as const,
  child: (childId: string) => ['attendance', 'child', childId] as const,
  termStart: (query: TermStartQuery) => ['attendance', 'term-start', query] as const,
};
export type TermStartQuery = { townshipCode?: string; schoolId?: string; classId?: string };

const enc = encodeURIComponent;

/** The class list of the day (the school's roster), with the report when there is one. */
export function useClassDay(classId: string | undefined, date: string | undefined) {
  return useQuery({
    queryKey: attendanceKeys.classDay(classId ?? '', date),
    enabled: Boolean(classId),
    queryFn: ({ signal }) => api.get<ClassDayDto>(`/api/attendance/classes/${enc(classId ?? '')}/day`, { date }, { signal }),
  });
}

export function postReport(body: AttendanceReportBody): Promise<AttendanceReportResult> {
  return api.post<AttendanceReportResult>('/api/attendance/reports', body);
}

/** After a report reaches the server: the class's day, the overviews, alerts and the to-do list refresh. */
export function afterReport(queryClient: QueryClient) {
  for (const key of ['attendance', 'inbox', 'home']) void queryClient.invalidateQueries({ queryKey: [key] });
}

export function useOverview(query: OverviewQuery) {
  return useQuery({
    queryKey: attendanceKeys.overview(query),
    queryFn: ({ signal }) => api.get<AttendanceOverviewDto>('/api/attendance/overview', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAbsenceAlerts(query: AlertQuery) {
  return useQuery({
    queryKey: attendanceKeys.alerts(query),
    queryFn: ({ signal }) => api.get<Page<AbsenceAlertDto>>('/api/absence-alerts', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** The school confirms an alert (a 疑似辍学 case opens) or dismisses it with a reason. */
export function useDecideAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AbsenceAlertDecisionBody }) =>
      api.post<AbsenceAlertDto>(`/api/absence-alerts/${enc(id)}/decision`, body),
    onSuccess: () => {
      for (const key of ['attendance', 'cases', 'ledgers', 'inbox', 'home']) void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}

/** The child's attendance this term: rate, current streak, last absences, leaves. */
export function useChildAttendance(childId: string, enabled = true) {
  return useQuery({
    queryKey: attendanceKeys.child(childId),
    enabled,
    queryFn: ({ signal }) => api.get<ChildAttendanceDto>(`/api/children/${enc(childId)}/attendance`, undefined, { signal }),
  });
}

/** 开学报到核查 (seed 001): who was not reported present on the first school day, and what the week says since. */
export function useTermStart(query: TermStartQuery) {
  return useQuery({
    queryKey: attendanceKeys.termStart(query),
    queryFn: ({ signal }) => api.get<TermStartDto>('/api/attendance/term-start', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** After the first week: the school turns those still 无故缺勤 into 疑似辍学 cases (one action, confirmed). */
export function useOpenTermStartCases() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { schoolId?: string }) => api.post<TermStartCasesResult>('/api/attendance/term-start/cases', body),
    onSuccess: () => {
      for (const key of ['attendance', 'cases', 'ledgers', 'inbox', 'home']) void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}
