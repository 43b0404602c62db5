import type { DisclosureContent, DisclosureEdit, PublicDisclosure } from '@notoneless/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const disclosureKeys = {
  all: ['disclosure'] as const,
  edit: (year: string | undefined) => ['disclosure', 'edit', year ?? 'current'] as const,
  public: (countyCode: string, year: string | undefined) => ['disclosure', 'public', countyCode, year ?? 'current'] as const,
};

export function useDisclosure(year: string | undefined) {
  return useQuery({
    queryKey: disclosureKeys.edit(year),
    queryFn: ({ signal }) => api.get<DisclosureEdit>('/api/disclosure', { year }, { signal }),
  });
}

export function useSaveDisclosure(year: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (content: DisclosureContent) => api.put<DisclosureEdit>(`/api/disclosure/${year}`, content),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: disclosureKeys.all }),
  });
}

export function usePublishDisclosure(year: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (on: boolean) => api.post<DisclosureEdit>(`/api/disclosure/${year}/${on ? 'publish' : 'unpublish'}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: disclosureKeys.all }),
  });
}

/** The public page's data: no session needed (a 401 would not apply; any error is shown in place). */
export function usePublicDisclosure(countyCode: string, year: string | undefined) {
  return useQuery({
    queryKey: disclosureKeys.public(countyCode, year),
    queryFn: ({ signal }) =>
      api.get<PublicDisclosure>(`/api/public/${encodeURIComponent(countyCode)}`, { year }, { signal, skipAuthRedirect: true }),
  });
}
