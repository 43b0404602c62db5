import type { Abilities, Page, School, SchoolType, schoolCreateSchema, schoolUpdateSchema } from '@notoneless/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Option, SchemaOutput } from '../../lib/schema-types';

export type SchoolQuery = {
  q?: string;
  townshipCode?: string;
  unitId?: string;
  type?: SchoolType;
  includeInactive?: boolean;
  page?: number;
  pageSize?: number;
};
export type SchoolDetail = School & { abilities?: Abilities };
export type SchoolCreateInput = SchemaOutput<typeof schoolCreateSchema>;
export type SchoolUpdateInput = SchemaOutput<typeof schoolUpdateSchema>;

export const schoolKeys = {
  all: ['schools'] as const,
  list: (query: SchoolQuery) => ['schools', 'list', query] as const,
  detail: (id: string) => ['schools', 'detail', id] as const,
};

export function useSchools(query: SchoolQuery) {
  return useQuery({
    queryKey: schoolKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<School>>('/api/schools', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSchool(id: string) {
  return useQuery({
    queryKey: schoolKeys.detail(id),
    queryFn: ({ signal }) => api.get<SchoolDetail>(`/api/schools/${encodeURIComponent(id)}`, undefined, { signal }),
  });
}

/** Schools in the user's scope for selects, optionally of one township. */
export function useSchoolOptions(townshipCode?: string): { options: Option[]; loading: boolean } {
  const query = useQuery({
    queryKey: schoolKeys.list({ pageSize: 200, townshipCode }),
    queryFn: ({ signal }) => api.get<Page<School>>('/api/schools', { pageSize: 200, townshipCode }, { signal }),
    staleTime: 60_000,
  });
  return {
    options: (query.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
    loading: query.isLoading,
  };
}

export function useCreateSchool() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SchoolCreateInput) => api.post<School>('/api/schools', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: schoolKeys.all }),
  });
}

export function useUpdateSchool() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: SchoolUpdateInput }) =>
      api.patch<School>(`/api/schools/${encodeURIComponent(id)}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: schoolKeys.all }),
  });
}
