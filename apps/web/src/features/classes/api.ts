import type { Page, SchoolClass, classCreateSchema, classUpdateSchema } from '@notoneless/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { classLabel, schoolYearLabel } from '../../lib/labels';
import type { Option, SchemaOutput } from '../../lib/schema-types';

export type ClassQuery = {
  schoolId?: string;
  grade?: number;
  schoolYear?: number;
  includeInactive?: boolean;
  page?: number;
  pageSize?: number;
};
export type ClassCreateInput = SchemaOutput<typeof classCreateSchema>;
export type ClassUpdateInput = SchemaOutput<typeof classUpdateSchema>;

export const classKeys = {
  all: ['classes'] as const,
  list: (query: ClassQuery) => ['classes', 'list', query] as const,
};

export function useClasses(query: ClassQuery) {
  return useQuery({
    queryKey: classKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<SchoolClass>>('/api/classes', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Classes of one school for selects; nothing until a school is chosen. */
export function useClassOptions(schoolId: string | undefined): { options: Option[]; loading: boolean } {
  const query = useQuery({
    queryKey: classKeys.list({ schoolId, pageSize: 200 }),
    queryFn: ({ signal }) => api.get<Page<SchoolClass>>('/api/classes', { schoolId, pageSize: 200 }, { signal }),
    enabled: Boolean(schoolId),
    staleTime: 60_000,
  });
  return {
    options: schoolId
      ? (query.data?.items ?? []).map((c) => ({ value: c.id, label: `${classLabel(c)}（${schoolYearLabel(c.schoolYear)}）` }))
      : [],
    loading: query.isFetching,
  };
}

export function useCreateClass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ClassCreateInput) => api.post<SchoolClass>('/api/classes', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: classKeys.all }),
  });
}

export function useUpdateClass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ClassUpdateInput }) =>
      api.patch<SchoolClass>(`/api/classes/${encodeURIComponent(id)}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: classKeys.all }),
  });
}
