import type { HomeSummary } from '@notoneless/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const homeKeys = {
  summary: ['home', 'summary'] as const,
};

export function useHomeSummary() {
  return useQuery({
    queryKey: homeKeys.summary,
    queryFn: ({ signal }) => api.get<HomeSummary>('/api/home', undefined, { signal }),
  });
}
