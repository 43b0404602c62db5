import { readRegistry, type ReadProgress, type ReadSummary } from './read-registry';
import { recordLine } from './record-rows';
import { schoolRosterCheck } from './roster-check';
import type { StageJob } from './stage-worker';

/**
 * Read a staged upload once, handing each accepted record to `onLine` as its COPY line (record-rows.ts); the same on
 * the worker thread and on the main thread (stage-read.ts).
 */
export function readStageFile(
  job: Omit<StageJob, 'chunkRows'>,
  onProgress: (p: ReadProgress) => void,
  onLine: (line: string) => Promise<void> | undefined,
): Promise<ReadSummary> {
  return readRegistry(
    { path: job.path },
    {
      kind: job.kind,
      fileName: job.fileName,
      asOf: job.asOf,
      override: job.override,
      allowMissing: true,
      check: job.school ? schoolRosterCheck(job.school) : undefined,
      onProgress,
      onRecord: (r) => onLine(recordLine(job.prefix, r)),
    },
  );
}
