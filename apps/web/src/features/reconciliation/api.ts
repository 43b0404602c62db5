import type {
  FINDING_CATEGORY_LABELS,
  FINDING_CLOSE_REASONS,
  FindingDto,
  ImportJob,
  KeyGroup,
  Page,
  findingBulkSchema,
  findingCloseSchema,
  findingConfirmSchema,
  findingDetailSchema,
  identityDecisionInputSchema,
  identityDecisionSchema,
} from '@notoneless/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../lib/api';
import { downloadFile } from '../../lib/download';
import type { SchemaOutput } from '../../lib/schema-types';

export type FindingCategory = keyof typeof FINDING_CATEGORY_LABELS;
export type FindingStatus = 'open' | 'confirmed' | 'closed' | 'resolved';
export type CloseReason = (typeof FINDING_CLOSE_REASONS)[number];
export type Finding = FindingDto;
export type FindingDetail = SchemaOutput<typeof findingDetailSchema>;
export type FindingRecord = FindingDetail['records'][number];
export type IdentityDecision = SchemaOutput<typeof identityDecisionSchema>;
export type IdentityDecisionInput = SchemaOutput<typeof identityDecisionInputSchema>;
export type ConfirmInput = SchemaOutput<typeof findingConfirmSchema>;
export type CloseInput = SchemaOutput<typeof findingCloseSchema>;
export type BulkInput = SchemaOutput<typeof findingBulkSchema>;
export type BulkResult = { done: string[]; refused: { id: string; message: string }[] };
export type FindingCount = { category: string; status: string; n: number };

export type FindingFilters = {
  category?: FindingCategory;
  status?: FindingStatus;
  townshipCode?: string;
  schoolId?: string;
  keyGroup?: KeyGroup;
  q?: string;
  runId?: string;
};
export type FindingQuery = FindingFilters & { page: number; pageSize: number };

/** What a finished run found (`summary` of GET /api/reconciliation/runs); empty while it runs. */
export type RunSummary = {
  counts?: Partial<Record<FindingCategory, number>>;
  new?: number;
  stillOpen?: number;
  resolved?: number;
  missingRosters?: string[];
  children?: number;
  ambiguous?: number;
  ms?: number;
};

/** One 四查三比对 run, as the server sends it (`runSchema`, with `summary` and `job` typed). */
export type Run = {
  id: string;
  scopeKind: 'county' | 'township';
  scopeId: string;
  status: 'running' | 'done' | 'failed';
  summary: RunSummary;
  inputs: Record<string, string[]>;
  startedAt: string;
  finishedAt: string | null;
  message: string | null;
  job: ImportJob | null;
};

export const reconciliationKeys = {
  runs: ['reconciliation', 'runs'] as const,
  runList: (page: number, pageSize: number) => ['reconciliation', 'runs', page, pageSize] as const,
  findings: ['findings'] as const,
  findingList: (query: FindingQuery) => ['findings', 'list', query] as const,
  counts: ['findings', 'counts'] as const,
  finding: (id: string) => ['findings', 'detail', id] as const,
  identity: (id: string) => ['findings', 'identity', id] as const,
};

const findingPath = (id: string, rest = '') => `/api/findings/${encodeURIComponent(id)}${rest}`;
const runPath = (id: string, rest = '') => `/api/reconciliation/runs/${encodeURIComponent(id)}${rest}`;

export function isJobRunning(job: ImportJob | null | undefined): boolean {
  return !!job && job.phase !== 'done' && job.phase !== 'failed';
}

export function useRuns(page: number, pageSize: number) {
  return useQuery({
    queryKey: reconciliationKeys.runList(page, pageSize),
    queryFn: ({ signal }) => api.get<Page<Run>>('/api/reconciliation/runs', { page, pageSize }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Start a run (county-wide, or for one township); 409 while another runs. */
export function useStartRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (townshipCode: string | undefined) => api.post<Run>('/api/reconciliation/runs', townshipCode ? { townshipCode } : {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: reconciliationKeys.runs }),
  });
}

/** A finished run changes the findings, their counts and the home numbers. */
function afterRun(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: reconciliationKeys.runs });
  void queryClient.invalidateQueries({ queryKey: reconciliationKeys.findings });
  void queryClient.invalidateQueries({ queryKey: ['home'] });
}

const RECONNECT_MS = 2_000;
const MAX_RECONNECTS = 5;

/**
 * Follow a running run through server-sent events (`event: progress`: reading → loading → feeding → done/failed).
 * Returns the latest job; when it ends the stream closes, the runs and findings are fetched again and `onEnd` is told.
 */
export function useRunEvents(runId: string | undefined, onEnd?: (job: ImportJob) => void): ImportJob | null {
  const queryClient = useQueryClient();
  const [state, setState] = useState<{ runId: string | undefined; job: ImportJob | null; attempt: number }>({
    runId,
    job: null,
    attempt: 0,
  });
  if (state.runId !== runId) setState({ runId, job: null, attempt: 0 });
  const attempt = state.runId === runId ? state.attempt : 0;
  // a notification, not an input: a new callback must not reopen the stream
  const onEndRef = useRef(onEnd);
  useEffect(() => {
    onEndRef.current = onEnd;
  });

  useEffect(() => {
    if (!runId || attempt > MAX_RECONNECTS) return;
    const source = new EventSource(runPath(runId, '/events'));
    let timer: number | undefined;
    source.addEventListener('progress', (event: MessageEvent<string>) => {
      const job = JSON.parse(event.data) as ImportJob;
      setState((s) => (s.runId === runId ? { ...s, job } : s));
      if (!isJobRunning(job)) {
        source.close();
        afterRun(queryClient);
        onEndRef.current?.(job);
      }
    });
    source.onerror = () => {
      if (source.readyState === EventSource.CONNECTING) return; // the browser reconnects by itself
      source.close();
      timer = window.setTimeout(() => {
        void queryClient.invalidateQueries({ queryKey: reconciliationKeys.runs });
        setState((s) => (s.runId === runId ? { ...s, attempt: s.attempt + 1 } : s));
      }, RECONNECT_MS);
    };
    return () => {
      source.close();
      window.clearTimeout(timer);
    };
  }, [runId, attempt, queryClient]);

  return state.runId === runId ? state.job : null;
}

export function useFindings(query: FindingQuery) {
  return useQuery({
    queryKey: reconciliationKeys.findingList(query),
    queryFn: ({ signal }) => api.get<Page<Finding>>('/api/findings', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFindingCounts() {
  return useQuery({
    queryKey: reconciliationKeys.counts,
    queryFn: ({ signal }) => api.get<FindingCount[]>('/api/findings/counts', undefined, { signal }),
  });
}

export function useFinding(id: string) {
  return useQuery({
    queryKey: reconciliationKeys.finding(id),
    queryFn: ({ signal }) => api.get<FindingDetail>(findingPath(id), undefined, { signal }),
  });
}

/** A decision changes the finding, the lists and counts, the ledgers and the child's status. */
function afterDecision(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: reconciliationKeys.findings });
  void queryClient.invalidateQueries({ queryKey: ['ledgers'] });
  void queryClient.invalidateQueries({ queryKey: ['children'] });
  void queryClient.invalidateQueries({ queryKey: ['home'] });
}

function useDecision<V>(id: string, fn: (vars: V) => Promise<FindingDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (detail) => {
      queryClient.setQueryData(reconciliationKeys.finding(id), detail);
      afterDecision(queryClient);
    },
    // 409: someone else decided first; show what they decided
    onError: () => queryClient.invalidateQueries({ queryKey: reconciliationKeys.finding(id) }),
  });
}

export function useConfirmFinding(id: string) {
  return useDecision(id, (input: ConfirmInput) => api.post<FindingDetail>(findingPath(id, '/confirm'), input));
}

export function useCloseFinding(id: string) {
  return useDecision(id, (input: CloseInput) => api.post<FindingDetail>(findingPath(id, '/close'), input));
}

export function useBulkFindings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkInput) => api.post<BulkResult>('/api/findings/bulk', input),
    onSettled: () => afterDecision(queryClient),
  });
}

export function exportFindings(filters: FindingFilters): Promise<void> {
  return downloadFile('/api/findings/export.xlsx', filters, '比对结果.xlsx');
}

/** The merge/split decisions a finding shows: made on it, or naming one of its records. */
export function useIdentityDecisions(findingId: string) {
  return useQuery({
    queryKey: reconciliationKeys.identity(findingId),
    queryFn: ({ signal }) => api.get<IdentityDecision[]>(findingPath(findingId, '/identity-decisions'), undefined, { signal }),
  });
}

/** 合并为同一人 / 不是同一人（拆分）: takes effect at the next run. */
export function useDecideIdentity(findingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: IdentityDecisionInput) => api.post<IdentityDecision>(findingPath(findingId, '/identity-decisions'), input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: reconciliationKeys.identity(findingId) }),
  });
}

export function useRevokeIdentityDecision(findingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<IdentityDecision>(`/api/identity-decisions/${encodeURIComponent(id)}/revoke`, {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: reconciliationKeys.identity(findingId) }),
  });
}
