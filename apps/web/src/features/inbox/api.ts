import type { InboxEntryDto, inboxResponseSchema } from '@notoneless/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { SchemaOutput } from '../../lib/schema-types';

export type Inbox = SchemaOutput<typeof inboxResponseSchema>;
/** An item with how many levels up it has climbed (0: the user's own level). */
export type InboxEntry = InboxEntryDto;

export const inboxKeys = {
  all: ['inbox'] as const,
  list: ['inbox', 'list'] as const,
  count: ['inbox', 'count'] as const,
};

/** The badge and the lists refresh every minute (and whenever an action invalidates ['inbox']). */
const EVERY_MINUTE = 60_000;

export function useInbox(enabled = true) {
  return useQuery({
    queryKey: inboxKeys.list,
    queryFn: ({ signal }) => api.get<Inbox>('/api/inbox', undefined, { signal }),
    refetchInterval: EVERY_MINUTE,
    enabled,
  });
}

export function useInboxCount(enabled: boolean) {
  return useQuery({
    queryKey: inboxKeys.count,
    queryFn: ({ signal }) => api.get<{ count: number }>('/api/inbox/count', undefined, { signal }),
    refetchInterval: EVERY_MINUTE,
    refetchOnWindowFocus: true,
    enabled,
    select: (d) => d.count,
  });
}
