import type { AuditEvent, Page } from '@notoneless/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** `from` / `to` are dates (YYYY-MM-DD, Beijing), both inclusive. */
export type AuditQuery = {
  actor?: string;
  action?: string;
  childId?: string;
  targetId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};

export const auditKeys = {
  all: ['audit'] as const,
  list: (query: AuditQuery) => ['audit', 'list', query] as const,
};

export function useAuditEvents(query: AuditQuery) {
  return useQuery({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<AuditEvent>>('/api/audit', query, { signal }),
    placeholderData: keepPreviousData,
  });
}
