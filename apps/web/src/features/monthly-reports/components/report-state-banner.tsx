import type { MonthlyReport } from '@notoneless/shared';
import { Alert, Flex } from 'antd';
import { formatDateTime } from '../../../lib/format';

/** Live or frozen figures, and the latest word from the reviewer or the reason of a correction. */
export function ReportStateBanner({ report }: { report: MonthlyReport }) {
  const frozen = report.figuresSource === 'frozen';
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }} data-testid="report-state">
      {frozen ? (
        <Alert
          type="success"
          showIcon
          title="已上报，数据已冻结"
          description={`统计时点 ${report.figures.asOf}；${report.submittedByName ?? '—'} 于 ${formatDateTime(report.submittedAt)} 上报。之后的数据变化不改变本月报${report.supersededBy === null ? '，如需修改请更正' : ''}。`}
        />
      ) : (
        <Alert
          type="info"
          showIcon
          title={`数据截至 ${report.figures.asOf}`}
          description={`由平台数据实时计算（${formatDateTime(report.computedAt)}），上报时冻结。`}
        />
      )}
      {report.status === 'returned' && report.reviewComment ? (
        <Alert
          type="error"
          showIcon
          title={`已退回：${report.reviewComment}`}
          description={`${report.reviewedByName ?? '—'} · ${formatDateTime(report.reviewedAt)}`}
        />
      ) : null}
      {report.correctionReason ? (
        <Alert type="warning" showIcon title={`第 ${report.version} 版为更正版本：${report.correctionReason}`} />
      ) : null}
    </Flex>
  );
}
