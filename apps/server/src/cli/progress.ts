import type { JobBoard } from '../lib/job-board';

const n = (x: number) => x.toLocaleString('zh-CN');

/** A one-line progress display on standard error: rows, rows per second, time left. */
export function progressPrinter(jobs: JobBoard, id: string, label: string): () => void {
  const tty = process.stderr.isTTY;
  let last = 0;
  const unsubscribe = jobs.subscribe(id, (j) => {
    if (Date.now() - last < (tty ? 200 : 2000) && j.phase !== 'done' && j.phase !== 'failed') return;
    last = Date.now();
    const phase = j.phase === 'feeding' ? '更新儿童名册' : label;
    const total = j.rowsTotal ? `/${n(j.rowsTotal)}` : '';
    const left = j.secondsLeft ? ` · 剩余约 ${j.secondsLeft} 秒` : '';
    const line = `${phase} ${n(j.rowsDone)}${total} 行 · ${n(j.rowsPerSecond)} 行/秒${left}`;
    process.stderr.write(tty ? `\r${line.padEnd(60)}` : `${line}\n`);
  });
  return () => {
    unsubscribe();
    if (tty) process.stderr.write('\n');
  };
}
