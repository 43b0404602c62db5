import type { Dashboard, DashboardLevel } from '@notoneless/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export type DashboardParams = { level?: DashboardLevel; townshipCode?: string; schoolId?: string; month?: string };

export const dashboardKeys = {
  all: ['dashboards'] as const,
  one: (p: DashboardParams) => ['dashboards', p] as const,
};

/** The dashboard of a unit (the actor's own when no unit is given), from the pre-computed snapshot. */
export function useDashboard(p: DashboardParams) {
  return useQuery({
    queryKey: dashboardKeys.one(p),
    queryFn: ({ signal }) => api.get<Dashboard>('/api/dashboards', p, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** 立即更新 (county admin): recompute the snapshot now, then reload. */
export function useRefreshDashboards() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ computedAt: string; seconds: number }>('/api/dashboards/refresh'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
  });
}
