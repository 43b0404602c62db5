import type { CountySettings, SchoolCalendar } from '@notoneless/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export type SettingsResponse = { settings: CountySettings; defaults: CountySettings; calendar: SchoolCalendar };

export const settingsKeys = {
  all: ['settings'] as const,
};

export function useSettings() {
  return useQuery({
    queryKey: settingsKeys.all,
    queryFn: ({ signal }) => api.get<SettingsResponse>('/api/settings', undefined, { signal }),
  });
}

export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<CountySettings>) => api.put<unknown>('/api/settings', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.all }),
  });
}

export function useSaveCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SchoolCalendar) => api.put<unknown>('/api/calendar', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.all }),
  });
}
