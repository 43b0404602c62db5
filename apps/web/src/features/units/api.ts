import type { Page, Unit, unitCreateSchema, unitUpdateSchema } from '@notoneless/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Option, SchemaOutput } from '../../lib/schema-types';

export type UnitCreateInput = SchemaOutput<typeof unitCreateSchema>;
export type UnitUpdateInput = SchemaOutput<typeof unitUpdateSchema>;

export const unitKeys = {
  all: ['units'] as const,
  list: () => ['units', 'list'] as const,
};

/** All units of the county (a short list, no paging). */
export function useUnits() {
  return useQuery({
    queryKey: unitKeys.list(),
    queryFn: async ({ signal }) => {
      const body = await api.get<Unit[] | Page<Unit>>('/api/units', undefined, { signal });
      return Array.isArray(body) ? body : body.items;
    },
    staleTime: 60_000,
  });
}

export function useUnitOptions(): { options: Option[]; loading: boolean } {
  const query = useUnits();
  return {
    options: (query.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })),
    loading: query.isLoading,
  };
}

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UnitCreateInput) => api.post<Unit>('/api/units', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

export function useUpdateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UnitUpdateInput }) => api.patch<Unit>(`/api/units/${encodeURIComponent(id)}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });
}
