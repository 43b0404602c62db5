import type { MonthlyReportStatus } from '@notoneless/shared';
import { Tag } from 'antd';

const COLORS: Record<MonthlyReportStatus, string> = {
  not_started: 'default',
  draft: 'processing',
  submitted: 'blue',
  returned: 'error',
  accepted: 'success',
};

/** A report's status, with 逾期 beside it when the server flags it late. */
export function ReportStatusTag({ status, label, late }: { status: MonthlyReportStatus; label: string; late?: boolean }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Tag color={COLORS[status]} style={{ marginInlineEnd: late ? 4 : 0 }}>
        {label}
      </Tag>
      {late ? (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          逾期
        </Tag>
      ) : null}
    </span>
  );
}
