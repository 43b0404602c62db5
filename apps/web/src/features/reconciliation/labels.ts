import { FINDING_CLOSE_EVIDENCE } from '@notoneless/shared';
import { FINDING_CATEGORY_LABELS, FINDING_STATUS_LABELS, type ImportJob } from '@notoneless/shared';
import { formatNumber } from '../../lib/format';
import type { CloseReason, FindingCategory, FindingStatus, Run } from './api';

/** Categories by priority (domain.md: 脱贫户辍学 first), the order of tabs, tags and the runs table. */
export const CATEGORY_ORDER: FindingCategory[] = [
  'POVERTY_DROPOUT',
  'OUT_OF_SCHOOL',
  'ENROLLED_ABSENT',
  'PRESENT_UNENROLLED',
  'NO_HOUSEHOLD',
  'IDENTITY_MISMATCH',
  'DUPLICATE_ENROLLMENT',
];

/** Warmer = more urgent. */
export const CATEGORY_COLORS: Record<FindingCategory, string> = {
  POVERTY_DROPOUT: 'red',
  OUT_OF_SCHOOL: 'volcano',
  ENROLLED_ABSENT: 'orange',
  PRESENT_UNENROLLED: 'gold',
  NO_HOUSEHOLD: 'purple',
  IDENTITY_MISMATCH: 'blue',
  DUPLICATE_ENROLLMENT: 'geekblue',
};

export const FINDING_STATUSES = Object.keys(FINDING_STATUS_LABELS) as FindingStatus[];

export const STATUS_COLORS: Record<FindingStatus, string> = {
  open: 'orange',
  confirmed: 'red',
  closed: 'green',
  resolved: 'default',
};

export function isCategory(value: string): value is FindingCategory {
  return value in FINDING_CATEGORY_LABELS;
}

export function categoryLabel(category: string): string {
  return isCategory(category) ? FINDING_CATEGORY_LABELS[category] : category;
}

/**
 * The evidence each close reason needs (issue 4, item 5).
 * The server keeps the same table in findings.rules.ts (CLOSE_REASONS); it refuses a close without evidence.
 */
/** The evidence each verification result needs (from the shared contracts). */
export const CLOSE_REASON_EVIDENCE: Record<CloseReason, string> = FINDING_CLOSE_EVIDENCE;

export const RUN_STATUS: Record<Run['status'], { label: string; color: string }> = {
  running: { label: '运行中', color: 'processing' },
  done: { label: '完成', color: 'green' },
  failed: { label: '失败', color: 'red' },
};

/** The run's steps as the progress bar names them. */
export const RUN_PHASES: { phase: ImportJob['phase']; label: string }[] = [
  { phase: 'reading', label: '读取登记数据' },
  { phase: 'loading', label: '关联比对' },
  { phase: 'feeding', label: '保存比对结果' },
  { phase: 'done', label: '完成' },
];

/** 0–100 by phase (a run reports its steps, not rows within them). */
export function runPercent(job: ImportJob): number {
  switch (job.phase) {
    case 'reading':
      return 10;
    case 'loading':
      return 40;
    case 'feeding':
      return job.rowsTotal ? 70 + Math.floor((25 * job.rowsDone) / job.rowsTotal) : 70;
    default:
      return 100;
  }
}

export function runProgressText(job: ImportJob): string {
  switch (job.phase) {
    case 'reading':
      return '正在读取当前使用的户籍、学籍、在校名册、脱贫户等数据…';
    case 'loading':
      return job.rowsTotal ? `已读取 ${formatNumber(job.rowsTotal)} 条记录，正在逐人关联、比对…` : '正在逐人关联、比对…';
    case 'feeding':
      return job.rowsTotal ? `发现 ${formatNumber(job.rowsTotal)} 条比对结果，正在与以往结果核对并保存…` : '正在保存比对结果…';
    case 'failed':
      return job.message ?? '比对失败';
    default:
      return '比对完成';
  }
}

/** 1.2 秒 · 2 分 5 秒 */
export function durationText(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} 毫秒`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} 秒`;
  const m = Math.floor(s / 60);
  return `${m} 分 ${Math.round(s % 60)} 秒`;
}

/** 0.93 → 93% */
export function percentText(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}
