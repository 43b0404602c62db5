import {
  DEFAULT_COUNTY_SETTINGS,
  type CaseDetail,
  type CountySettings,
  type HomeTeachingMissingItem,
  type homeTeachingBodySchema,
  type homeTeachingMissingSchema,
} from '@notoneless/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { SchemaOutput } from '../../lib/schema-types';
import { invalidateCaseWork } from '../approvals/api';
import { useSettings } from '../settings/api';

export type HomeTeachingInput = SchemaOutput<typeof homeTeachingBodySchema>;
export type HomeTeachingSession = CaseDetail['homeTeaching'][number];

export type MissingHomeTeaching = HomeTeachingMissingItem;
export type MissingHomeTeachingWeek = SchemaOutput<typeof homeTeachingMissingSchema>;

export const homeTeachingKeys = {
  all: ['home-teaching'] as const,
  missing: (week: string) => ['home-teaching', 'missing', week] as const,
};

/** 送教上门: sessions per week × class hours per session (county settings; seed 004: 每周1次、每次2课时). */
export function useHomeTeachingTarget(): Pick<CountySettings, 'homeTeachingSessionsPerWeek' | 'homeTeachingHoursPerSession'> {
  const settings = useSettings();
  const s = settings.data?.settings ?? DEFAULT_COUNTY_SETTINGS;
  return { homeTeachingSessionsPerWeek: s.homeTeachingSessionsPerWeek, homeTeachingHoursPerSession: s.homeTeachingHoursPerSession };
}

export function useMissingHomeTeaching(week: string) {
  return useQuery({
    queryKey: homeTeachingKeys.missing(week),
    queryFn: ({ signal }) => api.get<MissingHomeTeachingWeek>('/api/home-teaching/missing', { week }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRecordHomeTeaching(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: HomeTeachingInput) => api.post<unknown>(`/api/cases/${encodeURIComponent(caseId)}/home-teaching`, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: homeTeachingKeys.all });
      invalidateCaseWork(queryClient);
    },
  });
}
