import type { AttendanceReportBody } from '@notoneless/shared';

/**
 * 到校日报 sent without a network, kept on the phone (localStorage) per user, class and day until the server has them.
 * The body keeps its clientKey: a resend after an answer that never arrived is recorded once (the server dedupes).
 * Only ids and reasons are kept, no names beyond the class's.
 */
export type PendingReport = {
  userId: string;
  className: string;
  body: AttendanceReportBody;
  savedAt: string;
  /** why the server refused it (not a network failure); it stays for the teacher to open and fix */
  error?: string;
};

const PREFIX = 'nol:attendance-report:';
const CHANGED = 'nol-attendance-reports-changed';
const keyOf = (userId: string, classId: string, date: string) => `${PREFIX}${userId}:${classId}:${date}`;
const changed = () => window.dispatchEvent(new Event(CHANGED));

function read(key: string): PendingReport | null {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as PendingReport) : null;
  } catch {
    return null;
  }
}

export function savePending(report: PendingReport): boolean {
  try {
    localStorage.setItem(keyOf(report.userId, report.body.classId, report.body.date), JSON.stringify(report));
    changed();
    return true;
  } catch {
    return false;
  }
}

export function findPending(userId: string, classId: string, date: string): PendingReport | null {
  return read(keyOf(userId, classId, date));
}

export function removePending(userId: string, classId: string, date: string): void {
  try {
    localStorage.removeItem(keyOf(userId, classId, date));
    changed();
  } catch {
    // storage disabled: nothing was kept
  }
}

/** This user's reports waiting on the phone, oldest first; another user's left on a shared phone are dropped. */
export function listPending(userId: string): PendingReport[] {
  const out: PendingReport[] = [];
  const foreign: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      if (!key.startsWith(`${PREFIX}${userId}:`)) {
        foreign.push(key);
        continue;
      }
      const r = read(key);
      if (r) out.push(r);
    }
    for (const key of foreign) localStorage.removeItem(key);
  } catch {
    return [];
  }
  return out.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

export function subscribePending(onChange: () => void): () => void {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener('storage', onChange);
  };
}

export const newClientKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `ar-${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** On logout: the phone keeps no child's attendance once its user has signed out (minors' data). */
export function clearPendingReports(): void {
  try {
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) localStorage.removeItem(key);
    changed();
  } catch {
    /* storage unavailable: nothing kept */
  }
}
