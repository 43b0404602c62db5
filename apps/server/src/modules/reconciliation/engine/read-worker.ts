/**
 * Worker thread: takes registry files from the shared queue (an atomic counter over the job list, which the main
 * thread takes from too) and posts each table back, its typed arrays transferred rather than copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RecordTable } from './table';
import type { RegistryKind } from './types';

export type ReadJob = { kind: RegistryKind; path: string; fileName: string };
export type WorkerInput = { jobs: ReadJob[]; asOf: string; next: Int32Array };
export type WorkerMessage =
  | { type: 'progress'; kind: RegistryKind; bytes: number; rows: number; total: number }
  | { type: 'done'; index: number; result: import('./report').ReadResult }
  | { type: 'error'; index: number; message: string; appError: boolean }
  | { type: 'idle' };

/** The next job index for whichever thread asks (≥ jobs.length: none left). */
export const claimJob = (next: Int32Array): number => Atomics.add(next, 0, 1);

/** The buffers of a table's typed arrays (to transfer). */
export function tableBuffers(t: RecordTable): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const v of Object.values(t)) if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer && v.byteLength > 0) out.add(v.buffer);
  return [...out];
}

async function main(port: NonNullable<typeof parentPort>, input: WorkerInput): Promise<void> {
  const { readRegistryFile } = await import('./read-file');
  const { AppError } = await import('../../../http/app-error');
  for (let i = claimJob(input.next); i < input.jobs.length; i = claimJob(input.next)) {
    const job = input.jobs[i];
    try {
      const result = await readRegistryFile({
        kind: job.kind,
        path: job.path,
        fileName: job.fileName,
        asOf: input.asOf,
        onProgress: (bytes, rows, total) =>
          port.postMessage({ type: 'progress', kind: job.kind, bytes, rows, total } satisfies WorkerMessage),
      });
      port.postMessage({ type: 'done', index: i, result } satisfies WorkerMessage, tableBuffers(result.table));
    } catch (e) {
      port.postMessage({
        type: 'error',
        index: i,
        message: e instanceof Error ? e.message : String(e),
        appError: e instanceof AppError,
      } satisfies WorkerMessage);
      return;
    }
  }
  port.postMessage({ type: 'idle' } satisfies WorkerMessage);
}

if (parentPort && workerData && (workerData as { engineReadWorker?: boolean }).engineReadWorker) {
  void main(parentPort, workerData as WorkerInput);
}
