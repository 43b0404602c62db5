import type { ApprovalDto, ApprovalListItem, approvalDecisionBodySchema, deferralBodySchema, Page } from '@notoneless/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import type { SchemaOutput } from '../../lib/schema-types';

export type DeferralInput = SchemaOutput<typeof deferralBodySchema>;
export type ApprovalDecisionInput = SchemaOutput<typeof approvalDecisionBodySchema>;
export type ApprovalStatus = ApprovalDto['status'];

export type ApprovalItem = ApprovalListItem;
export type ApprovalQuery = { status?: ApprovalStatus; mine?: boolean; page: number; pageSize: number };

export const approvalKeys = {
  all: ['approvals'] as const,
  list: (query: ApprovalQuery) => ['approvals', 'list', query] as const,
};

export function useApprovals(query: ApprovalQuery) {
  return useQuery({
    queryKey: approvalKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<ApprovalItem>>('/api/approvals', { ...query, mine: query.mine || undefined }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** After an application or a decision the case, the approvals, the referrals and everyone's 待办 change. */
export function invalidateCaseWork(queryClient: QueryClient): void {
  for (const key of ['cases', 'approvals', 'referrals', 'home-teaching', 'inbox', 'home', 'ledgers', 'children']) {
    void queryClient.invalidateQueries({ queryKey: [key] });
  }
}

function useWorkMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => invalidateCaseWork(queryClient),
    onError: (e) => {
      // a conflict: someone decided first; show the approvals as they are now
      if (e instanceof ApiError && e.status === 409) invalidateCaseWork(queryClient);
    },
  });
}

/** 延缓入学/休学申请: 422 lists the missing conditions (seed 002). */
export function useApplyDeferral(caseId: string) {
  return useWorkMutation((input: DeferralInput) => api.post<ApprovalDto>(`/api/cases/${encodeURIComponent(caseId)}/deferrals`, input));
}

export function useDecideApproval() {
  return useWorkMutation(({ id, ...input }: ApprovalDecisionInput & { id: string }) =>
    api.post<ApprovalDto>(`/api/approvals/${encodeURIComponent(id)}/decide`, input),
  );
}

export function useWithdrawApproval() {
  return useWorkMutation(({ id, version }: { id: string; version: number }) =>
    api.post<ApprovalDto>(`/api/approvals/${encodeURIComponent(id)}/withdraw`, { version }),
  );
}

/**
 * The conditions a refusal names: `details` as a list of strings, `{ missing | conditions: [...] }` or zod-like
 * `{ issues: [{ message }] }`; empty when the server only sent a message.
 */
export function missingConditions(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const texts = (v: unknown): string[] =>
    Array.isArray(v)
      ? v.flatMap((x) =>
          typeof x === 'string'
            ? [x]
            : typeof x === 'object' && x !== null && typeof (x as { message?: unknown }).message === 'string'
              ? [(x as { message: string }).message]
              : [],
        )
      : [];
  const d = error.details;
  if (Array.isArray(d)) return texts(d);
  if (typeof d !== 'object' || d === null) return [];
  const r = d as Record<string, unknown>;
  return [...texts(r.missing), ...texts(r.conditions), ...texts(r.issues), ...texts(r.reasons)];
}
