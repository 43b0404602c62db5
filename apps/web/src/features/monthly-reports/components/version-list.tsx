import { MONTHLY_REPORT_STATUS_LABELS, type MonthlyReport, type MonthlyReportStatus } from '@notoneless/shared';
import { Flex, Typography } from 'antd';
import { Link } from 'react-router';

const statusLabel = (s: string) => MONTHLY_REPORT_STATUS_LABELS[s as MonthlyReportStatus] ?? s;

/**
 * The report's versions, newest first (a correction is a new version with its reason; the older ones are kept). Each
 * version other than the one shown is a link to it: the current one without `?version`, an earlier one with it.
 */
export function VersionList({ report }: { report: MonthlyReport }) {
  if (report.versions.length <= 1) return <span>第 {report.version} 版</span>;
  const path = `/reports/monthly/school/${report.schoolId ?? ''}/${report.month}`;
  return (
    <Flex vertical gap={2} data-testid="report-versions">
      {[...report.versions]
        .sort((a, b) => b.version - a.version)
        .map((v) => {
          const current = v.version === report.currentVersion;
          const label = `第 ${v.version} 版 · ${statusLabel(v.status)}${current ? '（当前）' : ''}`;
          return (
            <span key={v.id} style={{ wordBreak: 'break-word' }}>
              {v.version === report.version ? (
                <Typography.Text strong aria-current="page">
                  {label}
                </Typography.Text>
              ) : (
                <Link to={current ? path : `${path}?version=${v.version}`} data-version={v.version}>
                  {label}
                </Link>
              )}
              {v.correctionReason ? <Typography.Text type="secondary">：更正原因 {v.correctionReason}</Typography.Text> : null}
            </span>
          );
        })}
    </Flex>
  );
}
