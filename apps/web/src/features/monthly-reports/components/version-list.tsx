import { MONTHLY_REPORT_STATUS_LABELS, type MonthlyReport, type MonthlyReportStatus } from '@notoneless/shared';
import { Flex, Typography } from 'antd';

const statusLabel = (s: string) => MONTHLY_REPORT_STATUS_LABELS[s as MonthlyReportStatus] ?? s;

/** The report's versions, newest first (a correction is a new version with its reason; the older ones are kept). */
export function VersionList({ report }: { report: MonthlyReport }) {
  if (report.versions.length <= 1) return <span>第 {report.version} 版</span>;
  return (
    <Flex vertical gap={2} data-testid="report-versions">
      {[...report.versions]
        .sort((a, b) => b.version - a.version)
        .map((v) => (
          <span key={v.id} style={{ wordBreak: 'break-word' }}>
            <Typography.Text strong={v.version === report.version}>
              第 {v.version} 版 · {statusLabel(v.status)}
              {v.version === report.version ? '（当前）' : ''}
            </Typography.Text>
            {v.correctionReason ? <Typography.Text type="secondary">：更正原因 {v.correctionReason}</Typography.Text> : null}
          </span>
        ))}
    </Flex>
  );
}
