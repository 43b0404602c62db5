import type { Department, Page, ReferralListItem, ReferralQuery, referralResponseBodySchema } from '@notoneless/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import type { SchemaOutput } from '../../lib/schema-types';
import { invalidateCaseWork } from '../approvals/api';

export type ReferralResponseInput = SchemaOutput<typeof referralResponseBodySchema>;
export type ReferralStatusFilter = NonNullable<ReferralQuery['status']>;
export type ReferralFilters = { status?: ReferralStatusFilter; department?: Department; page: number; pageSize: number };

export const referralKeys = {
  all: ['referrals'] as const,
  list: (query: ReferralFilters) => ['referrals', 'list', query] as const,
};

/** A liaison sees their department's referrals; everyone else the referrals of the cases in their scope. */
export function useReferrals(query: ReferralFilters) {
  return useQuery({
    queryKey: referralKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<ReferralListItem>>('/api/referrals', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** 接收 / 办结 / 不予办理 with a note; a stale version answers 409 and the list reloads. */
export function useRespondReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: ReferralResponseInput & { id: string }) =>
      api.post<unknown>(`/api/referrals/${encodeURIComponent(id)}/respond`, input),
    onSuccess: () => invalidateCaseWork(queryClient),
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) invalidateCaseWork(queryClient);
    },
  });
}
