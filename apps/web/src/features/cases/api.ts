import type {
  CaseMonthEvent,
  CaseActionBody,
  CaseDetail,
  CaseListItem,
  CaseStatus,
  KeyGroup,
  Page,
  caseOpenBodySchema,
  caseTeamBodySchema,
} from '@notoneless/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { downloadFile } from '../../lib/download';
import type { SchemaOutput } from '../../lib/schema-types';

export type CaseOpenInput = SchemaOutput<typeof caseOpenBodySchema>;
export type CaseTeamInput = SchemaOutput<typeof caseTeamBodySchema>;
export type CaseEventDto = CaseDetail['events'][number];
export type CaseTeamMember = CaseDetail['team'][number];
export type CaseApproval = CaseDetail['approvals'][number];
export type CaseReferral = CaseDetail['referrals'][number];

/** The list's status filter: one status, 未结案 (open, the default) or 已结案 (closed_all). */
export type CaseStatusFilter = CaseStatus | 'open' | 'closed_all' | 'all';

export type CaseFilters = {
  status?: CaseStatusFilter;
  townshipCode?: string;
  schoolId?: string;
  grade?: number;
  keyGroup?: KeyGroup;
  overdue?: boolean;
  q?: string;
  /** YYYY-MM: cases reported / confirmed / returned that month (the dashboard's trend points) */
  month?: string;
  monthEvent?: CaseMonthEvent;
};
export type CaseQuery = CaseFilters & { page: number; pageSize: number };

export const caseKeys = {
  all: ['cases'] as const,
  list: (query: CaseQuery) => ['cases', 'list', query] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  ofChild: (childId: string) => ['cases', 'child', childId] as const,
};

export const casePath = (id: string, rest = '') => `/api/cases/${encodeURIComponent(id)}${rest}`;

/** 'all' is the absence of the filter; the API's own values pass through. */
function toApiQuery(filters: CaseFilters) {
  const { status, overdue, ...rest } = filters;
  return { ...rest, status: status === 'all' ? undefined : status, overdue: overdue ? true : undefined };
}

export function useCases(query: CaseQuery) {
  return useQuery({
    queryKey: caseKeys.list(query),
    queryFn: ({ signal }) =>
      api.get<Page<CaseListItem>>('/api/cases', { ...toApiQuery(query), page: query.page, pageSize: query.pageSize }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => api.get<CaseDetail>(casePath(id), undefined, { signal }),
  });
}

/** A case on the child's page: the list item with its story (GET /api/children/:id/cases). */
export type ChildCase = CaseListItem & {
  previousCaseId: string | null;
  closedAt: string | null;
  closeReason: string | null;
  events: CaseEventDto[];
};

/** A child's cases, newest first (the open one, then the earlier ones). */
export function useChildCases(childId: string, enabled = true) {
  return useQuery({
    queryKey: caseKeys.ofChild(childId),
    enabled,
    queryFn: async ({ signal }) => {
      const answer = await api.get<{ items: ChildCase[] }>(`/api/children/${encodeURIComponent(childId)}/cases`, undefined, { signal });
      return [...answer.items].sort((a, b) => b.reportedOn.localeCompare(a.reportedOn));
    },
  });
}

/** After any change to a case: its page gets the answer, and every list, ledger, the inbox and the home numbers refresh. */
export function afterCaseChange(queryClient: QueryClient, detail?: CaseDetail) {
  if (detail) queryClient.setQueryData(caseKeys.detail(detail.id), detail);
  void queryClient.invalidateQueries({ queryKey: caseKeys.all, predicate: (q) => !detail || q.queryKey[2] !== detail.id });
  for (const key of ['ledgers', 'children', 'home', 'inbox', 'approvals', 'referrals']) {
    void queryClient.invalidateQueries({ queryKey: [key] });
  }
}

/** 报告疑似辍学: opens a case for a child in scope (409 when the child already has an open case). */
/** POST /api/cases: the case, whether it was opened now, and a notice when the report went to the open one. */
export type CaseReportResult = CaseDetail & { created: boolean; notice: string | null };

export function useOpenCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CaseOpenInput) => api.post<CaseReportResult>('/api/cases', input),
    onSuccess: (detail) => afterCaseChange(queryClient, detail),
  });
}

/** Send one action (the server answers the case as it now is). */
export function postCaseAction(caseId: string, body: CaseActionBody): Promise<CaseDetail> {
  return api.post<CaseDetail>(casePath(caseId, '/actions'), body);
}

export function useCaseAction(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // send even when the browser says it is offline: a network failure is queued by the form (offline drafts)
    networkMode: 'always',
    mutationFn: (body: CaseActionBody) => postCaseAction(caseId, body),
    onSuccess: (detail) => afterCaseChange(queryClient, detail),
  });
}

/** 四包一: add a named person to the case's team. */
export function useAddTeamMember(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CaseTeamInput) => api.post<unknown>(casePath(caseId, '/team'), input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
  });
}

export function useRemoveTeamMember(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (memberId: string) => api.delete<unknown>(casePath(caseId, `/team/${encodeURIComponent(memberId)}`)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
  });
}

/** The case list as XLSX with the filters on screen (IDs masked by the server). */
export function exportCases(filters: CaseFilters): Promise<void> {
  return downloadFile('/api/cases/export', toApiQuery(filters), '个案列表.xlsx');
}

export type CaseDocumentKind = 'return-notice' | 'tracking-form' | 'deferral-form' | 'correction-order' | 'resume-notice' | 'case-summary';

/** The print page (A4) of a document, opened in a new tab; the session cookie goes with it. */
export const documentPrintUrl = (caseId: string, kind: CaseDocumentKind) => `${casePath(caseId, `/documents/${kind}`)}?format=html`;

export function downloadCaseDocument(caseId: string, kind: CaseDocumentKind, fallbackName: string): Promise<void> {
  return downloadFile(casePath(caseId, `/documents/${kind}`), { format: 'docx' }, fallbackName);
}
