/**
 * Photos taken while offline, kept in the browser's IndexedDB until they are uploaded (raw IndexedDB API: one
 * database, one object store, keys are the form's local ids).
 */
const DB_NAME = 'notoneless-offline';
const STORE = 'blobs';

export type StoredBlob = { blob: Blob; name: string; mime: string };

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB'));
  });
}

async function run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB'));
    });
  } finally {
    db.close();
  }
}

export const blobStore = {
  put: (key: string, value: StoredBlob) => run('readwrite', (s) => s.put(value, key)).then(() => undefined),
  get: (key: string) => run<StoredBlob | undefined>('readonly', (s) => s.get(key) as IDBRequest<StoredBlob | undefined>),
  remove: (key: string) => run('readwrite', (s) => s.delete(key)).then(() => undefined),
  /** every photo kept on this device (logout, or another user signing in) */
  clear: () => run('readwrite', (s) => s.clear()).then(() => undefined),
};

/** IndexedDB may be missing (private windows of some browsers): callers then tell the user to re-attach. */
export const hasBlobStore = () => typeof indexedDB !== 'undefined';
