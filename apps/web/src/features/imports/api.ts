import {
  REGISTRY_KIND_LABELS,
  type ImportJob,
  type Page,
  type RegistryKindName,
  type Snapshot,
  type SnapshotDetail,
  type SNAPSHOT_STATUSES,
} from '@notoneless/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import { downloadFile } from '../../lib/download';

export type SnapshotStatus = (typeof SNAPSHOT_STATUSES)[number];
export type SnapshotQuery = { kind?: RegistryKindName; status?: SnapshotStatus; page?: number; pageSize?: number };
export type UploadInput = { kind: RegistryKindName; schoolId?: string; file: File };
/** header as written → canonical key, or null to leave the column out */
export type MappingOverrides = Record<string, string | null>;

export const importKeys = {
  all: ['imports'] as const,
  lists: ['imports', 'list'] as const,
  list: (query: SnapshotQuery) => ['imports', 'list', query] as const,
  detail: (id: string) => ['imports', 'detail', id] as const,
};

const path = (id: string, rest = '') => `/api/imports/${encodeURIComponent(id)}${rest}`;

/** Work the server is still doing on this snapshot (reading, writing, updating the children). */
export function isRunning(job: ImportJob | null | undefined): boolean {
  return !!job && job.phase !== 'done' && job.phase !== 'failed';
}

/** Import history (and, with status=committed, the snapshots in use). */
export function useSnapshots(query: SnapshotQuery) {
  return useQuery({
    queryKey: importKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<Snapshot>>('/api/imports', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Preview, counts, problems and the running job of one upload. */
export function useSnapshot(id: string) {
  return useQuery({
    queryKey: importKeys.detail(id),
    queryFn: ({ signal }) => api.get<SnapshotDetail>(path(id), undefined, { signal }),
  });
}

/** The server's answer replaces the cached detail; history lists refresh. */
function useDetailMutation<V>(fn: (vars: V) => Promise<SnapshotDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (detail) => {
      queryClient.setQueryData(importKeys.detail(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: importKeys.lists });
    },
  });
}

/** Upload a registry file: `kind` first, then `schoolId`, then the file (the server reads the fields in order). */
export function useUpload() {
  return useDetailMutation(({ kind, schoolId, file }: UploadInput) => {
    const form = new FormData();
    form.append('kind', kind);
    if (schoolId) form.append('schoolId', schoolId);
    form.append('file', file, file.name);
    return api.upload<SnapshotDetail>('/api/imports', form);
  });
}

export function useRemap(id: string) {
  return useDetailMutation((overrides: MappingOverrides) => api.post<SnapshotDetail>(path(id, '/mapping'), { overrides }));
}

export function useCommit(id: string) {
  return useDetailMutation<void>(() => api.post<SnapshotDetail>(path(id, '/commit')));
}

export function useCancel(id: string) {
  return useDetailMutation<void>(() => api.post<SnapshotDetail>(path(id, '/cancel')));
}

function afterJob(queryClient: QueryClient, id: string, job: ImportJob) {
  void queryClient.invalidateQueries({ queryKey: importKeys.detail(id) });
  void queryClient.invalidateQueries({ queryKey: importKeys.lists });
  // a commit changes the children registry and the home numbers
  if (job.phase === 'done') {
    void queryClient.invalidateQueries({ queryKey: ['children'] });
    void queryClient.invalidateQueries({ queryKey: ['home'] });
  }
}

const RECONNECT_MS = 2_000;
const MAX_RECONNECTS = 5;

/**
 * Follow a running job through server-sent events: each `progress` event updates the cached detail's `job`; when
 * the job is done or failed the stream closes and the detail is fetched again. A dropped stream is retried a few
 * times, re-reading the detail each time.
 */
export function useImportEvents(id: string, enabled: boolean) {
  const queryClient = useQueryClient();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!enabled || attempt > MAX_RECONNECTS) return;
    const source = new EventSource(path(id, '/events'));
    let timer: number | undefined;
    source.addEventListener('progress', (event: MessageEvent<string>) => {
      const job = JSON.parse(event.data) as ImportJob;
      queryClient.setQueryData<SnapshotDetail>(importKeys.detail(id), (old) => (old ? { ...old, job } : old));
      if (!isRunning(job)) {
        source.close();
        afterJob(queryClient, id, job);
      }
    });
    source.onerror = () => {
      if (source.readyState === EventSource.CONNECTING) return; // the browser reconnects by itself
      source.close();
      timer = window.setTimeout(() => {
        void queryClient.invalidateQueries({ queryKey: importKeys.detail(id) });
        setAttempt((n) => n + 1);
      }, RECONNECT_MS);
    };
    return () => {
      source.close();
      window.clearTimeout(timer);
    };
  }, [id, enabled, attempt, queryClient]);
}

export function downloadProblems(snapshot: Pick<Snapshot, 'id' | 'fileName'>): Promise<void> {
  return downloadFile(path(snapshot.id, '/problems.xlsx'), {}, `问题清单-${snapshot.fileName.replace(/\.[^.]+$/, '')}.xlsx`);
}

export function downloadTemplate(kind: RegistryKindName): Promise<void> {
  return downloadFile(`/api/imports/templates/${kind}`, {}, `${REGISTRY_KIND_LABELS[kind].replace('/', '、')}导入模板.xlsx`);
}
