import { Typography } from 'antd';

type Deadline = { label: string; dueOn: string; overdueDays: number };

/** 「劝返期限 2026-09-08（已逾期 3 天）」 in red, or 「… 还有 2 天」; a dash when there is none. */
export function DeadlineText({ deadline, today, compact = false }: { deadline: Deadline | null; today?: string; compact?: boolean }) {
  if (!deadline) return <Typography.Text type="secondary">—</Typography.Text>;
  const overdue = deadline.overdueDays > 0;
  const left = today ? daysBetween(today, deadline.dueOn) : null;
  const tail = overdue ? `已逾期 ${deadline.overdueDays} 天` : left === null ? '' : left === 0 ? '今天到期' : `还有 ${left} 天`;
  return (
    <Typography.Text type={overdue ? 'danger' : undefined} strong={overdue} style={{ whiteSpace: compact ? 'normal' : 'nowrap' }}>
      {deadline.label} {deadline.dueOn}
      {tail ? `（${tail}）` : ''}
    </Typography.Text>
  );
}

/** Whole days from a to b ('YYYY-MM-DD', calendar days). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
