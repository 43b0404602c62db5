import type { ChildDetail, ChildListItem, KeyGroup, Page, revealBodySchema } from '@notoneless/shared';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { downloadFile } from '../../lib/download';
import type { SchemaOutput } from '../../lib/schema-types';

export type ChildFilters = {
  q?: string;
  townshipCode?: string;
  villageCode?: string;
  schoolId?: string;
  classId?: string;
  grade?: number;
  keyGroup?: KeyGroup;
  status?: string;
};
export type ChildQuery = ChildFilters & { page: number; pageSize: number };
export type RevealField = SchemaOutput<typeof revealBodySchema>['field'];
export type RevealResult = { field: string; value: string };

export const childKeys = {
  all: ['children'] as const,
  list: (query: ChildQuery) => ['children', 'list', query] as const,
  detail: (id: string) => ['children', 'detail', id] as const,
};

export function useChildren(query: ChildQuery) {
  return useQuery({
    queryKey: childKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<ChildListItem>>('/api/children', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useChild(id: string) {
  return useQuery({
    queryKey: childKeys.detail(id),
    queryFn: ({ signal }) => api.get<ChildDetail>(`/api/children/${encodeURIComponent(id)}`, undefined, { signal }),
  });
}

/** Show one full identity field; the server writes a view log. Never cached. */
export function useReveal(childId: string) {
  return useMutation({
    mutationFn: (field: RevealField) => api.post<RevealResult>(`/api/children/${encodeURIComponent(childId)}/reveal`, { field }),
  });
}

/** The children list as XLSX, with the same filters as on screen. */
export function exportChildren(filters: ChildFilters): Promise<void> {
  return downloadFile('/api/children/export.xlsx', filters, '儿童名单.xlsx');
}
