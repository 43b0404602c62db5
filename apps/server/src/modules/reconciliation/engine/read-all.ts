/**
 * Read all registry files on two lanes when there is a second core: this thread and one worker thread take the files
 * from one queue, largest first, each taking the next when it is free (an atomic counter in shared memory: no
 * messages, so a busy thread never holds the other up). The worker is started before anything else is loaded, so that
 * its start-up overlaps this thread's; if it is not ready before the files are all taken, it is simply stopped.
 */
import { statSync } from 'node:fs';
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { AppError } from '../../../http/app-error';
import { startModuleWorker } from '../../../lib/module-worker';
import type { ReadJob, WorkerMessage } from './read-worker';
import type { ReadResult } from './report';
import type { RegistryKind } from './types';

export type ReadProgress = (kind: RegistryKind, bytes: number, rows: number, total: number) => void;
export type ReadAllOptions = {
  asOf: string;
  onProgress?: ReadProgress;
  /** default: when the machine has ≥ 2 cores */
  parallel?: boolean;
  /** Filled with when each file was read (ms since the start of reading), when given. */
  timings?: Record<string, number>;
};

function startWorker(jobs: ReadJob[], asOf: string, next: Int32Array): Worker {
  return startModuleWorker(import.meta.url, 'read-worker', { workerData: { jobs, asOf, next, engineReadWorker: true } });
}

const sizeOf = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

export async function readRegistryFiles(
  files: Partial<Record<RegistryKind, ReadJob>>,
  opts: ReadAllOptions,
): Promise<Partial<Record<RegistryKind, ReadResult>>> {
  const started = performance.now();
  const jobs = Object.values(files).filter((j): j is ReadJob => j !== undefined);
  const sizes = new Map(jobs.map((j) => [j.kind, sizeOf(j.path)]));
  jobs.sort((a, b) => (sizes.get(b.kind) ?? 0) - (sizes.get(a.kind) ?? 0));
  const next = new Int32Array(new SharedArrayBuffer(4));
  const parallel = (opts.parallel ?? os.availableParallelism() >= 2) && jobs.length > 1;
  const results: (ReadResult | undefined)[] = new Array(jobs.length);
  const lap = (i: number, lane: string) => {
    if (opts.timings) opts.timings[`read.${jobs[i].kind}@${lane}`] = Math.round(performance.now() - started);
  };

  let worker: Worker | null = null;
  let failure: Error | null = null;
  const arrived = new Set<number>();
  let wake: (() => void) | null = null;
  let exited = false;
  if (parallel) {
    worker = startWorker(jobs, opts.asOf, next);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') opts.onProgress?.(m.kind, m.bytes, m.rows, m.total);
      else if (m.type === 'done') {
        results[m.index] = m.result;
        arrived.add(m.index);
        lap(m.index, 'worker');
      } else if (m.type === 'error') failure = m.appError ? new AppError('VALIDATION', m.message) : new Error(m.message);
      wake?.();
    });
    worker.on('error', (e) => {
      failure = e;
      wake?.();
    });
    worker.on('exit', () => {
      exited = true;
      wake?.();
    });
  }

  const { readRegistryFile } = await import('./read-file'); // loads while the worker starts
  const mine = new Set<number>();
  try {
    for (let i = Atomics.add(next, 0, 1); i < jobs.length; i = Atomics.add(next, 0, 1)) {
      mine.add(i);
      const j = jobs[i];
      results[i] = await readRegistryFile({
        kind: j.kind,
        path: j.path,
        fileName: j.fileName,
        asOf: opts.asOf,
        onProgress: (bytes, rows, total) => opts.onProgress?.(j.kind, bytes, rows, total),
      });
      lap(i, 'main');
      if (failure) break;
    }
    // The worker's files: wait for the ones it took (none if it was not ready in time).
    while (worker && !failure && jobs.some((_, i) => !mine.has(i) && !arrived.has(i))) {
      if (exited) {
        failure = new Error('读取文件的工作线程意外退出');
        break;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } finally {
    await worker?.terminate();
  }
  if (failure) throw failure;
  const out: Partial<Record<RegistryKind, ReadResult>> = {};
  jobs.forEach((j, i) => {
    const r = results[i];
    if (!r) throw new Error(`「${j.fileName}」未能读取`);
    out[j.kind] = r;
  });
  return out;
}
