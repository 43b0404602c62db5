import { blobStore, hasBlobStore } from '../../attachments/blob-store';
import { listDrafts, removeDraftsExcept } from './drafts';

/**
 * Offline drafts hold a child's data (names, home-visit notes, photos): they stay on a device only for the user who
 * wrote them. Logging out clears them all; another user signing in on the device clears the previous user's.
 */
const OWNER = 'nol:offline-owner';

async function clearPhotos(): Promise<void> {
  if (!hasBlobStore()) return;
  await blobStore.clear().catch(() => undefined);
}

/** Every offline draft (localStorage) and photo (IndexedDB) on this device. */
export async function clearOfflineDrafts(): Promise<void> {
  try {
    removeDraftsExcept();
    localStorage.removeItem(OWNER);
  } catch {
    // storage disabled: nothing was kept
  }
  await clearPhotos();
}

/**
 * The signed-in user owns the device's offline drafts: another user's drafts and photos left on it (a shared phone,
 * a session that expired without logging out) are cleared.
 */
export async function claimOfflineDrafts(userId: string): Promise<void> {
  try {
    const owner = localStorage.getItem(OWNER);
    const foreign = removeDraftsExcept(userId);
    localStorage.setItem(OWNER, userId);
    if ((owner !== null && owner !== userId) || foreign > 0) await clearPhotos();
  } catch {
    // storage disabled: nothing was kept
  }
}

/** Forms sent without a network and not yet delivered (a logout would lose them). */
export function queuedDraftCount(userId: string): number {
  try {
    return listDrafts(userId).filter((d) => d.queued).length;
  } catch {
    return 0;
  }
}
