import type { ImportJob } from '@notoneless/shared';
import { formatNumber } from '../../lib/format';
import type { SnapshotStatus } from './api';

const ENCODINGS: Record<string, string> = {
  'utf-8': 'UTF-8',
  utf8: 'UTF-8',
  gb18030: 'GB18030（GBK）',
  gbk: 'GB18030（GBK）',
  xlsx: 'Excel 工作簿（XLSX）',
};

/** How the file was read: UTF-8 / GB18030 / Excel. */
export function encodingLabel(encoding: string): string {
  return ENCODINGS[encoding.toLowerCase()] ?? (encoding || '—');
}

export const STATUS_COLORS: Record<SnapshotStatus, string> = {
  staged: 'blue',
  loading: 'processing',
  committed: 'green',
  superseded: 'default',
  cancelled: 'default',
  failed: 'red',
};

/** What the server is doing, in the words of the progress bar. */
export const PHASE_LABELS: Record<ImportJob['phase'], string> = {
  reading: '读取文件',
  loading: '写入数据',
  feeding: '更新儿童名册',
  done: '完成',
  failed: '失败',
};

const PHASE_VERBS: Partial<Record<ImportJob['phase'], string>> = {
  reading: '已读取',
  loading: '已写入',
  feeding: '已更新',
};

/** 约 3 秒 · 约 2 分 5 秒 */
export function secondsText(seconds: number): string {
  const s = Math.max(1, Math.round(seconds));
  if (s < 60) return `约 ${s} 秒`;
  const m = Math.floor(s / 60);
  const rest = s % 60;
  return rest ? `约 ${m} 分 ${rest} 秒` : `约 ${m} 分钟`;
}

/** 已读取 12,000 行 · 每秒 40,000 行 · 约 3 秒 */
export function progressText(job: ImportJob): string {
  const verb = PHASE_VERBS[job.phase] ?? '已处理';
  // 更新儿童名册 reports after each block of rows; before the first, say what is being done
  if (job.rowsDone === 0 && job.phase !== 'reading') {
    return `正在${PHASE_LABELS[job.phase]}${job.rowsTotal ? `（共 ${formatNumber(job.rowsTotal)} 行）` : ''}…`;
  }
  const rows =
    job.rowsTotal && job.phase !== 'reading'
      ? `${verb} ${formatNumber(job.rowsDone)} / ${formatNumber(job.rowsTotal)} 行`
      : `${verb} ${formatNumber(job.rowsDone)} 行`;
  const parts = [rows];
  if (job.rowsPerSecond > 0) parts.push(`每秒 ${formatNumber(job.rowsPerSecond)} 行`);
  if (job.secondsLeft !== null && job.secondsLeft > 0) parts.push(secondsText(job.secondsLeft));
  return parts.join(' · ');
}

/** 0–100: rows when the total is known, else bytes of the file. */
export function progressPercent(job: ImportJob): number {
  if (job.phase === 'done') return 100;
  const fraction = job.rowsTotal ? job.rowsDone / job.rowsTotal : job.bytesTotal ? job.bytesDone / job.bytesTotal : 0;
  return Math.min(99, Math.max(0, Math.floor(fraction * 100)));
}

/** 12.3 KB · 4.5 MB */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
