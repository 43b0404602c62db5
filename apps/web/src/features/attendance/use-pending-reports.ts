import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { useMe } from '../../app/auth-context';
import { ApiError } from '../../lib/api';
import { afterReport, postReport } from './api';
import { listPending, removePending, savePending, subscribePending, type PendingReport } from './offline-reports';

let running = false;

/** Send every report kept on the phone; a network failure leaves it for the next try, a refusal keeps it with the reason. */
async function resend(userId: string, onSent: (r: PendingReport) => void, onRefused: (r: PendingReport, message: string) => void) {
  if (running) return;
  running = true;
  try {
    for (const report of listPending(userId).filter((r) => !r.error)) {
      try {
        await postReport(report.body);
        removePending(userId, report.body.classId, report.body.date);
        onSent(report);
      } catch (e) {
        if (e instanceof ApiError && e.status === 0) return;
        const message = e instanceof ApiError ? e.message : '提交失败';
        savePending({ ...report, error: message });
        onRefused(report, message);
      }
    }
  } finally {
    running = false;
  }
}

/** The user's 到校日报 kept offline, resent on mount and whenever the browser is back online. */
export function usePendingReports(): { pending: PendingReport[]; retry: () => void } {
  const me = useMe();
  const queryClient = useQueryClient();
  const { notification } = App.useApp();
  const snapshot = useSyncExternalStore(subscribePending, () => JSON.stringify(listPending(me.id)));
  const pending = useMemo(() => JSON.parse(snapshot) as PendingReport[], [snapshot]);

  const retry = useCallback(() => {
    void resend(
      me.id,
      (r) => {
        afterReport(queryClient);
        notification.success({ title: `离线保存的到校日报（${r.className} ${r.body.date}）已提交` });
      },
      (r, message) =>
        notification.warning({ title: `离线保存的到校日报（${r.className} ${r.body.date}）未能提交：${message}`, duration: 0 }),
    );
  }, [me.id, queryClient, notification]);

  useEffect(() => {
    retry();
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [retry]);

  return { pending, retry };
}
