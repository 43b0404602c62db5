import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** `GET /api/scope-options?kind=…` answers `[{ id, name }]`: scopes to grant, or teachers of a school. */
export type ScopeOption = { id: string; name: string };
export type ScopeOptionKind = 'unit' | 'township' | 'school' | 'class' | 'village' | 'county' | 'department' | 'teacher';

export const scopeOptionKeys = {
  all: ['scope-options'] as const,
  list: (kind: ScopeOptionKind, q: string, schoolId?: string) => ['scope-options', kind, q, schoolId ?? ''] as const,
};

export function useScopeOptions(kind: ScopeOptionKind | undefined, q = '', schoolId?: string) {
  return useQuery({
    queryKey: scopeOptionKeys.list(kind ?? 'county', q, schoolId),
    queryFn: ({ signal }) => api.get<ScopeOption[]>('/api/scope-options', { kind, q, schoolId }, { signal }),
    enabled: kind !== undefined && (kind !== 'teacher' || Boolean(schoolId)),
    staleTime: 60_000,
  });
}
