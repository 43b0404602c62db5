import { EventEmitter } from 'node:events';
import type { ImportJob } from '@notoneless/shared';

/**
 * Progress of long work (imports now; reconciliation and exports later), in memory, keyed by the object it works on.
 * The web follows it through server-sent events; a finished job is kept for a while so a late page still sees it.
 */
export class JobBoard {
  private readonly jobs = new Map<string, ImportJob & { startedAt: number; updatedAt: number }>();
  private readonly events = new EventEmitter();

  constructor() {
    this.events.setMaxListeners(1000);
  }

  start(id: string, phase: ImportJob['phase'], bytesTotal: number, rowsTotal: number | null = null): void {
    const now = Date.now();
    this.jobs.set(id, {
      phase,
      rowsDone: 0,
      rowsTotal,
      bytesDone: 0,
      bytesTotal,
      rowsPerSecond: 0,
      secondsLeft: null,
      message: null,
      startedAt: now,
      updatedAt: now,
    });
    this.emit(id);
  }

  progress(id: string, p: Partial<Pick<ImportJob, 'phase' | 'rowsDone' | 'rowsTotal' | 'bytesDone' | 'message'>>): void {
    const j = this.jobs.get(id);
    if (!j) return;
    if (p.phase && p.phase !== j.phase) j.startedAt = Date.now();
    Object.assign(j, p);
    const elapsed = (Date.now() - j.startedAt) / 1000;
    j.rowsPerSecond = elapsed > 0.2 ? Math.round(j.rowsDone / elapsed) : 0;
    const fraction = j.rowsTotal ? j.rowsDone / j.rowsTotal : j.bytesTotal ? j.bytesDone / j.bytesTotal : 0;
    j.secondsLeft = fraction > 0.01 && fraction < 1 ? Math.round((elapsed / fraction) * (1 - fraction)) : null;
    j.updatedAt = Date.now();
    this.emit(id);
  }

  finish(id: string, phase: 'done' | 'failed', message: string | null = null): void {
    const j = this.jobs.get(id);
    if (!j) return;
    j.phase = phase;
    j.message = message;
    j.secondsLeft = 0;
    this.emit(id);
    setTimeout(() => this.jobs.delete(id), 3600_000).unref();
  }

  get(id: string): ImportJob | null {
    const j = this.jobs.get(id);
    if (!j) return null;
    const { startedAt: _s, updatedAt: _u, ...job } = j;
    return job;
  }

  isRunning(id: string): boolean {
    const j = this.jobs.get(id);
    return !!j && j.phase !== 'done' && j.phase !== 'failed';
  }

  subscribe(id: string, fn: (job: ImportJob) => void): () => void {
    const listener = () => {
      const j = this.get(id);
      if (j) fn(j);
    };
    this.events.on(id, listener);
    return () => this.events.off(id, listener);
  }

  private emit(id: string) {
    this.events.emit(id);
  }
}
