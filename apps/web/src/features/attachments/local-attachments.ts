import { ApiError } from '../../lib/api';
import { uploadAttachment } from './api';
import { blobStore, hasBlobStore } from './blob-store';

/**
 * A file chosen in a form. Uploaded at once when the network allows; otherwise kept in IndexedDB ('pending') and
 * uploaded when the form is sent (or resent from the offline queue).
 */
export type LocalAttachment = {
  /** the form's own id (and the IndexedDB key while pending) */
  uid: string;
  name: string;
  mime: string;
  size: number;
  /** the server's id once uploaded */
  id?: string;
  state: 'uploading' | 'done' | 'pending' | 'error';
  error?: string;
};

/** Random hex (crypto.getRandomValues works on plain-http intranet pages too, randomUUID does not). */
export function randomKey(bytes = 16): string {
  const a = new Uint8Array(bytes);
  crypto.getRandomValues(a);
  return Array.from(a, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const isNetworkError = (e: unknown) => e instanceof ApiError && e.status === 0;

/** Keep the file on the phone; false when the browser cannot (then it must be re-attached later). */
export async function keepLocally(uid: string, file: Blob, name: string): Promise<boolean> {
  if (!hasBlobStore()) return false;
  try {
    await blobStore.put(uid, { blob: file, name, mime: file.type });
    return true;
  } catch {
    return false;
  }
}

export async function forget(uid: string): Promise<void> {
  if (!hasBlobStore()) return;
  await blobStore.remove(uid).catch(() => undefined);
}

/**
 * Upload what is still pending. A network failure throws (the caller queues the form); a file that cannot be found
 * on the phone any more, or that the server refuses, becomes 'error' with the reason.
 */
export async function uploadPending(items: LocalAttachment[], caseId?: string): Promise<LocalAttachment[]> {
  const result: LocalAttachment[] = [];
  for (const item of items) {
    if (item.state !== 'pending') {
      result.push(item);
      continue;
    }
    const stored = hasBlobStore() ? await blobStore.get(item.uid).catch(() => undefined) : undefined;
    if (!stored) {
      result.push({ ...item, state: 'error', error: '照片未能保存在本机，请重新添加' });
      continue;
    }
    try {
      const ref = await uploadAttachment(stored.blob, item.name, caseId);
      await forget(item.uid);
      result.push({ ...item, id: ref.id, state: 'done', error: undefined });
    } catch (e) {
      if (isNetworkError(e)) throw e;
      await forget(item.uid);
      result.push({ ...item, state: 'error', error: e instanceof ApiError ? e.message : '上传失败' });
    }
  }
  return result;
}

/** The ids to send with the form (only uploaded files). */
export const uploadedIds = (items: LocalAttachment[] | undefined) =>
  (items ?? []).flatMap((i) => (i.state === 'done' && i.id ? [i.id] : []));
