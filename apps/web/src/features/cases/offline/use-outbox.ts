import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { useMe } from '../../../app/auth-context';
import { listDrafts, subscribeDrafts, type ActionDraft } from './drafts';
import { resendQueued } from './outbox';

/**
 * The user's offline drafts, resent on mount and whenever the browser comes back online.
 * Returns the queued and refused drafts for a notice, and `retry` for a button.
 */
export function useOutbox(): { queued: ActionDraft[]; refused: ActionDraft[]; retry: () => void } {
  const me = useMe();
  const queryClient = useQueryClient();
  const { notification } = App.useApp();
  const snapshot = useSyncExternalStore(subscribeDrafts, () => JSON.stringify(listDrafts(me.id)));
  const drafts = useMemo(() => JSON.parse(snapshot) as ActionDraft[], [snapshot]);

  const retry = useCallback(() => {
    void resendQueued(me.id, queryClient, (n) =>
      n.kind === 'success' ? notification.success({ title: n.text }) : notification.warning({ title: n.text, duration: 0 }),
    );
  }, [me.id, queryClient, notification]);

  useEffect(() => {
    retry();
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [retry]);

  return { queued: drafts.filter((d) => d.queued), refused: drafts.filter((d) => !d.queued && d.error), retry };
}
