/**
 * Staging's read-and-load (issue 3, speed): the file is read and validated on a worker thread (stage-worker.ts) while
 * this thread loads the chunks it posts with COPY, one after another. On PGlite the database runs on this thread, so
 * reading and loading now overlap instead of taking turns; on PostgreSQL this thread only moves bytes. Without a
 * second core (or when asked) it all runs here (ChunkedCopy), with the same result.
 */
import os from 'node:os';
import type { Database } from '../../db/client';
import { AppError, type ErrorCode } from '../../http/app-error';
import { startModuleWorker } from '../../lib/module-worker';
import type { ReadProgress, ReadSummary } from './read-registry';
import { ChunkedCopy, chunkRowsFor, copyText } from './record-copy';
import { readStageFile } from './stage-file';
import type { StageJob, StageWorkerMessage } from './stage-worker';

export type StageReadInput = Omit<StageJob, 'chunkRows'> & {
  database: Database;
  table: string;
  columns: readonly string[];
  onProgress: (p: ReadProgress) => void;
  /** default: when the machine has a second core */
  parallel?: boolean;
};

export async function readIntoSnapshot(input: StageReadInput): Promise<ReadSummary> {
  const parallel = input.parallel ?? os.availableParallelism() >= 2;
  return parallel ? readOnWorker(input) : readHere(input);
}

async function readHere(input: StageReadInput): Promise<ReadSummary> {
  const copy = new ChunkedCopy(input.database, input.table, input.columns);
  try {
    const summary = await readStageFile(input, input.onProgress, (line) => copy.add(line));
    await copy.finish();
    return summary;
  } catch (e) {
    // a chunk still being copied lands first, so that the caller's clean-up removes it too
    await copy.settle().catch(() => undefined);
    throw e;
  }
}

function readOnWorker(input: StageReadInput): Promise<ReadSummary> {
  const { database, table, columns, onProgress, parallel: _parallel, ...job } = input;
  const stageJob: StageJob = { ...job, chunkRows: chunkRowsFor(database) };
  const worker = startModuleWorker(import.meta.url, 'stage-worker', { workerData: { stageJob } });
  return new Promise<ReadSummary>((resolve, reject) => {
    // chunks are loaded one after another, in file order
    let loading: Promise<void> = Promise.resolve();
    let loadError: unknown = null;
    let ended = false;
    // settle once every chunk posted so far is stored (or failed), then stop the worker
    const end = (settle: () => void) => {
      if (ended) return;
      ended = true;
      void loading.then(() => {
        void worker.terminate();
        if (loadError) reject(loadError);
        else settle();
      });
    };
    worker.on('message', (m: StageWorkerMessage) => {
      if (m.type === 'chunk') {
        loading = loading.then(async () => {
          if (loadError) return;
          try {
            await copyText(database, table, columns, m.data);
            worker.postMessage('stored');
          } catch (e) {
            loadError = e;
            end(() => undefined);
          }
        });
      } else if (m.type === 'progress') onProgress(m.progress);
      else if (m.type === 'done') end(() => resolve(m.summary));
      else if (m.type === 'error')
        end(() =>
          reject(m.appError ? new AppError(m.appError.code as ErrorCode, m.appError.message, m.appError.details) : new Error(m.message)),
        );
    });
    worker.on('error', (e) => end(() => reject(e)));
    worker.on('exit', (code) => end(() => reject(new Error(`读取文件的线程意外退出（${code}）`))));
  });
}
