import type { Figure, MonthlyReport } from '@notoneless/shared';
import { Alert, Card, Col, Descriptions, Flex, Row } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { BackLink } from '../components/back-link';
import { FullPageSpin } from '../components/full-page-spin';
import { NotFoundResult } from '../components/not-found-result';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { RequireCan } from '../features/inbox/components/require-can';
import { drillIdOf, useMonthlyReport } from '../features/monthly-reports/api';
import { DrillDownDrawer } from '../features/monthly-reports/components/drill-down-drawer';
import { ExplanationsCard } from '../features/monthly-reports/components/explanations-card';
import {
  AttendanceCard,
  GapCausesCard,
  GradeTable,
  HeadlineStats,
  KeyGroupsCard,
  MovementsCard,
} from '../features/monthly-reports/components/figure-panels';
import { ReportActions } from '../features/monthly-reports/components/report-actions';
import { ReportEventsCard } from '../features/monthly-reports/components/report-events-card';
import { ReportStateBanner } from '../features/monthly-reports/components/report-state-banner';
import { ReportStatusTag } from '../features/monthly-reports/components/status-tag';
import { VersionList } from '../features/monthly-reports/components/version-list';
import { isMonth, monthLabel } from '../features/monthly-reports/month';
import { ApiError } from '../lib/api';
import { formatDateTime, orDash } from '../lib/format';

export function MonthlyReportPage() {
  return (
    <RequireCan can="reports.monthly" what="月报">
      <ReportView />
    </RequireCan>
  );
}

function ReportView() {
  const { schoolId = '', month = '' } = useParams();
  const [params] = useSearchParams();
  // ?version=N: an earlier version as it was (read-only); without it, the current version
  const raw = params.get('version');
  const version = raw && /^[1-9]\d{0,3}$/.test(raw) ? Number(raw) : undefined;
  const query = useMonthlyReport(schoolId, month, version);
  if (!isMonth(month) || (raw !== null && version === undefined) || (query.error instanceof ApiError && query.error.status === 404)) {
    return (
      <NotFoundResult
        title="未找到该月报"
        subtitle={raw !== null ? '该版本不存在，或不在您负责的范围内。' : '该学校不存在，或不在您负责的范围内。'}
      />
    );
  }
  if (query.isPending) return <FullPageSpin />;
  if (!query.data) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return <ReportFile report={query.data} />;
}

/** One school's 月报: the figures (each opens its children), the explanations, the workflow and its history. */
function ReportFile({ report }: { report: MonthlyReport }) {
  const [figure, setFigure] = useState<Figure>();
  const f = report.figures;
  const onOpen = setFigure;
  return (
    <>
      <PageHeader
        back={<BackLink to={`/reports/monthly?month=${report.month}`} label="月报" />}
        title={`${report.unitName} ${monthLabel(report.month)}月报`}
        subtitle={
          <Flex gap={8} wrap align="center" component="span">
            <ReportStatusTag status={report.status} label={report.statusLabel} late={report.late} />
            {report.id ? <span>第 {report.version} 版</span> : null}
            <span>{report.townshipName}</span>
            <span>上报截止 {report.dueOn}</span>
          </Flex>
        }
      />
      {report.supersededBy !== null ? (
        <Alert
          type="warning"
          showIcon
          data-testid="superseded-banner"
          style={{ marginBottom: 16 }}
          title={`您正在查看第 ${report.version} 版（已被第 ${report.supersededBy} 版更正）`}
          description={
            <span>
              此为更正前的版本，按当时上报的数据显示，不能再操作。
              <Link to={`/reports/monthly/school/${report.schoolId ?? ''}/${report.month}`}>
                查看当前版本（第 {report.currentVersion} 版）
              </Link>
            </span>
          }
        />
      ) : null}
      <ReportStateBanner report={report} />
      <ReportActions report={report} />
      <HeadlineStats figures={f} onOpen={onOpen} />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <GradeTable figures={f} onOpen={onOpen} />
          <GapCausesCard figures={f} onOpen={onOpen} />
          <ExplanationsCard key={`${report.id ?? 'new'}-${report.version}-${report.status}`} report={report} />
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title="报送信息" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={1} data-testid="report-meta">
              <Descriptions.Item label="版本">
                <VersionList report={report} />
              </Descriptions.Item>
              <Descriptions.Item label="上报">
                {report.submittedByName ? `${report.submittedByName} · ${formatDateTime(report.submittedAt)}` : '未上报'}
              </Descriptions.Item>
              <Descriptions.Item label="审核">
                {report.reviewedByName ? `${report.reviewedByName} · ${formatDateTime(report.reviewedAt)}` : '未审核'}
              </Descriptions.Item>
              {report.reviewComment ? <Descriptions.Item label="审核意见">{report.reviewComment}</Descriptions.Item> : null}
              <Descriptions.Item label="统计时点">{orDash(f.asOf)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <MovementsCard figures={f} onOpen={onOpen} />
          <KeyGroupsCard figures={f} onOpen={onOpen} />
          <AttendanceCard figures={f} />
          <ReportEventsCard report={report} />
        </Col>
      </Row>
      <DrillDownDrawer drillId={drillIdOf(report)} figure={figure} onClose={() => setFigure(undefined)} />
    </>
  );
}
