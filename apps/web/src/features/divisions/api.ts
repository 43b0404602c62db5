import type { Division, DivisionLevel, Page, divisionCreateSchema, divisionUpdateSchema } from '@notoneless/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Option, SchemaOutput } from '../../lib/schema-types';

export type DivisionQuery = {
  level?: DivisionLevel;
  parentCode?: string;
  q?: string;
  includeInactive?: boolean;
  page?: number;
  pageSize?: number;
};

export type DivisionCreateInput = SchemaOutput<typeof divisionCreateSchema>;
export type DivisionUpdateInput = SchemaOutput<typeof divisionUpdateSchema>;
export type ImportProblem = { row: number; column: string; message: string };
export type DivisionImportResult = { created: number; updated: number; problems: ImportProblem[] };

export const divisionKeys = {
  all: ['divisions'] as const,
  list: (query: DivisionQuery) => ['divisions', 'list', query] as const,
};

export function useDivisions(query: DivisionQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: divisionKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<Division>>('/api/divisions', query, { signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

const toOptions = (page: Page<Division> | undefined): Option[] => (page?.items ?? []).map((d) => ({ value: d.code, label: d.name }));

/** Townships of the county for filter and form selects. */
export function useTownshipOptions() {
  const query = useDivisions({ level: 'township', pageSize: 200 });
  return { options: toOptions(query.data), loading: query.isLoading };
}

/** Villages of one township; nothing until a township is chosen. */
export function useVillageOptions(townshipCode: string | undefined) {
  const query = useDivisions({ level: 'village', parentCode: townshipCode, pageSize: 200 }, { enabled: Boolean(townshipCode) });
  return { options: townshipCode ? toOptions(query.data) : [], loading: query.isFetching };
}

export function useCreateDivision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DivisionCreateInput) => api.post<Division>('/api/divisions', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: divisionKeys.all }),
  });
}

export function useUpdateDivision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, input }: { code: string; input: DivisionUpdateInput }) =>
      api.patch<Division>(`/api/divisions/${encodeURIComponent(code)}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: divisionKeys.all }),
  });
}

export function useImportDivisions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<DivisionImportResult>('/api/divisions/import', form);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: divisionKeys.all }),
  });
}
