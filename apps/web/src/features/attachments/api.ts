import { api } from '../../lib/api';

/** A stored file (photo, scan) as the server answers POST /api/attachments and lists it on events. */
export type AttachmentRef = { id: string; fileName: string; mime: string; size: number };

/**
 * Upload one file (multipart: the optional `caseId` field first, then `file`; ≤ 10 MB, JPEG/PNG/WebP/HEIC or PDF);
 * the answer's id goes into an action's `attachmentIds`.
 */
export function uploadAttachment(file: Blob, fileName: string, caseId?: string): Promise<AttachmentRef> {
  const form = new FormData();
  if (caseId) form.append('caseId', caseId);
  form.append('file', file, fileName);
  return api.upload<AttachmentRef>('/api/attachments', form);
}

/** The file itself (the session cookie goes with it; the server checks scope and logs the view). */
export const attachmentUrl = (id: string) => `/api/attachments/${encodeURIComponent(id)}`;

export const isImage = (mime: string) => mime.startsWith('image/');
