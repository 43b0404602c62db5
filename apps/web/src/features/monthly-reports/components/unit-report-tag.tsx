import type { UnitReportStatus, UnitReportSummary } from '@notoneless/shared';
import { Tag } from 'antd';
import { formatDateTime } from '../../../lib/format';

const COLORS: Record<UnitReportStatus, string> = {
  not_submitted: 'default',
  submitted: 'blue',
  returned: 'error',
  accepted: 'success',
};

/** A 中心校's report to the county: 未上报 / 已上报 / 已退回 / 已接收, the time, and 需重新上报 when a school corrected since. */
export function UnitReportTag({ report, withTime = true }: { report: UnitReportSummary; withTime?: boolean }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }} data-testid="unit-report-tag">
      <Tag color={COLORS[report.status]} style={{ marginInlineEnd: 4 }}>
        {report.statusLabel}
      </Tag>
      {report.outdated ? (
        <Tag color="warning" style={{ marginInlineEnd: 4 }}>
          需重新上报
        </Tag>
      ) : null}
      {withTime && report.at ? <span style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{formatDateTime(report.at)}</span> : null}
    </span>
  );
}
