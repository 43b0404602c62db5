import type { CaseAction } from '@notoneless/shared';
import type { FormValues } from './action-values';

/**
 * Half-filled action forms kept on the phone (localStorage), per user, case and action. A queued draft was submitted
 * without a network: it is resent when the network is back (the server records a clientKey once).
 */
export type ActionDraft = {
  userId: string;
  caseId: string;
  childName: string;
  type: CaseAction;
  /** generated once per draft; the server dedupes resends by it */
  clientKey: string;
  /** serialized form values (dates as text, attachments with their upload state) */
  values: FormValues;
  /** the case version the user saw */
  version: number;
  savedAt: string;
  queued: boolean;
  /** why the last resend was refused (not a network failure) */
  error?: string;
};

const PREFIX = 'nol:case-draft:';
const CHANGED = 'nol-case-drafts-changed';
const keyOf = (userId: string, caseId: string, type: string) => `${PREFIX}${userId}:${caseId}:${type}`;

function read(key: string): ActionDraft | null {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as ActionDraft) : null;
  } catch {
    return null;
  }
}

const changed = () => window.dispatchEvent(new Event(CHANGED));

export function loadDraft(userId: string, caseId: string, type: CaseAction): ActionDraft | null {
  return read(keyOf(userId, caseId, type));
}

export function saveDraft(draft: ActionDraft): void {
  try {
    localStorage.setItem(keyOf(draft.userId, draft.caseId, draft.type), JSON.stringify(draft));
    changed();
  } catch {
    // storage full or disabled: the form still works online
  }
}

export function removeDraft(userId: string, caseId: string, type: CaseAction): void {
  localStorage.removeItem(keyOf(userId, caseId, type));
  changed();
}

/** Every draft of this user (queued first). */
export function listDrafts(userId: string): ActionDraft[] {
  const drafts: ActionDraft[] = [];
  for (let i = 0; i < localStorage.length; i += 1) {
    const key = localStorage.key(i);
    if (!key?.startsWith(`${PREFIX}${userId}:`)) continue;
    const d = read(key);
    if (d) drafts.push(d);
  }
  return drafts.sort((a, b) => Number(b.queued) - Number(a.queued) || a.savedAt.localeCompare(b.savedAt));
}

/** Remove the drafts of every user but `keepUserId` (all of them without one); answers how many were removed. */
export function removeDraftsExcept(keepUserId?: string): number {
  const keys: string[] = [];
  for (let i = 0; i < localStorage.length; i += 1) {
    const key = localStorage.key(i);
    if (key?.startsWith(PREFIX) && !(keepUserId && key.startsWith(`${PREFIX}${keepUserId}:`))) keys.push(key);
  }
  for (const key of keys) localStorage.removeItem(key);
  if (keys.length) changed();
  return keys.length;
}

/** Re-render on any draft change (this tab) or storage change (another tab). */
export function subscribeDrafts(onChange: () => void): () => void {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener('storage', onChange);
  };
}

/** Actions done in the field, on a phone: their forms keep drafts and may be queued offline. */
export const OFFLINE_ACTIONS: readonly CaseAction[] = ['home_visit', 'follow_up', 'contact', 'joint_persuasion', 'note'];
export const worksOffline = (type: CaseAction) => OFFLINE_ACTIONS.includes(type);
