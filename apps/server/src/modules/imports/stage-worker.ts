/**
 * Worker thread of an import's staging (stage-read.ts): reads and validates the file (readRegistry) and posts the
 * accepted records back as COPY chunks of UTF-8 bytes (transferred, not copied), while the main thread loads the
 * previous chunk into the database. At most two chunks wait unacknowledged, so a slow database holds the reading up
 * rather than filling memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { HeaderOverride, RegistryKind } from './formats/columns';
import type { ReadProgress, ReadSummary } from './read-registry';
import type { RosterSchool } from './roster-check';

export type StageJob = {
  path: string;
  kind: RegistryKind;
  fileName: string;
  asOf: string;
  override: HeaderOverride;
  school: RosterSchool | null;
  /** COPY line prefix (county, snapshot) */
  prefix: string;
  chunkRows: number;
};

export type StageWorkerMessage =
  | { type: 'chunk'; data: Uint8Array }
  | { type: 'progress'; progress: ReadProgress }
  | { type: 'done'; summary: ReadSummary }
  | { type: 'error'; appError: { code: string; message: string; details?: unknown } | null; message: string };

/** Chunks posted and not yet stored by the main thread, at most. */
const MAX_UNACKED = 2;

async function main(port: NonNullable<typeof parentPort>, job: StageJob): Promise<void> {
  const [{ readStageFile }, { LineBuffer }, { AppError }] = await Promise.all([
    import('./stage-file'),
    import('./line-buffer'),
    import('../../http/app-error'),
  ]);
  let unacked = 0;
  let wake: (() => void) | null = null;
  port.on('message', () => {
    unacked--;
    wake?.();
  });
  const lines = new LineBuffer();
  const post = async () => {
    while (unacked >= MAX_UNACKED) await new Promise<void>((resolve) => (wake = resolve));
    const data = lines.take();
    unacked++;
    port.postMessage({ type: 'chunk', data } satisfies StageWorkerMessage, [data.buffer as ArrayBuffer]);
  };
  try {
    const summary = await readStageFile(
      job,
      (progress) => port.postMessage({ type: 'progress', progress } satisfies StageWorkerMessage),
      (line) => {
        lines.add(line);
        return lines.lines >= job.chunkRows ? post() : undefined;
      },
    );
    if (lines.lines > 0) await post();
    port.postMessage({ type: 'done', summary } satisfies StageWorkerMessage);
  } catch (e) {
    const appError = e instanceof AppError ? { code: e.code, message: e.message, details: e.details } : null;
    port.postMessage({
      type: 'error',
      appError,
      message: e instanceof Error ? (e.stack ?? e.message) : String(e),
    } satisfies StageWorkerMessage);
  }
}

if (parentPort && (workerData as { stageJob?: StageJob } | null)?.stageJob)
  void main(parentPort, (workerData as { stageJob: StageJob }).stageJob);
