import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import type { DashboardLevel } from '@notoneless/shared';
import { App, Breadcrumb, Button, Card, Col, DatePicker, Row, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { FullPageSpin } from '../components/full-page-spin';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { useMe } from '../app/auth-context';
import { useDashboard, useRefreshDashboards } from '../features/dashboards/api';
import { IndicatorCards } from '../features/dashboards/components/indicator-cards';
import { KeyGroupCharts } from '../features/dashboards/components/key-group-charts';
import { LedgerChart } from '../features/dashboards/components/ledger-chart';
import { OverdueCard } from '../features/dashboards/components/overdue-card';
import { RankingChart } from '../features/dashboards/components/ranking-chart';
import { TrendChart } from '../features/dashboards/components/trend-chart';
import { RequireCan } from '../features/inbox/components/require-can';
import { errorMessage } from '../lib/api';
import { formatDateTime, todayInShanghai } from '../lib/format';
import { oneOf } from '../lib/select';
import { useIsMobile } from '../lib/use-is-mobile';
import { useUrlFilters } from '../lib/use-url-filters';

const KEYS = ['level', 'townshipCode', 'schoolId', 'month'] as const;
const LEVELS: readonly DashboardLevel[] = ['county', 'township', 'school'];

/**
 * Printing: no menu, header or controls; the cards one under the other at the A4 width, charts scaled to fit,
 * a card never split across pages.
 */
const PRINT_CSS = `@media print {
  @page { size: A4 portrait; margin: 12mm; }
  .ant-layout-sider, .ant-layout-header, .ant-drawer, .dash-no-print, .dash-no-print-controls { display: none !important; }
  .ant-layout-content { padding: 0 !important; }
  .ant-layout-content > div { padding: 0 !important; min-height: 0 !important; }
  .dash-page .ant-col.dash-col { flex: 0 0 100% !important; max-width: 100% !important; }
  .dash-page .ant-col.dash-print-third { flex: 0 0 33.33% !important; max-width: 33.33% !important; }
  .dash-page .ant-card { break-inside: avoid; page-break-inside: avoid; box-shadow: none !important; }
  .dash-chart canvas { max-width: 100% !important; height: auto !important; }
  .dash-chart > div > div { max-width: 100% !important; }
}`;

export function DashboardPage() {
  return (
    <RequireCan can="reports.dashboard" what="数据看板">
      <Dashboard />
    </RequireCan>
  );
}

/** 数据看板 (issue 7, item 5): the indicators, trends, ledgers, ranking, key groups and overdue work of a unit. */
function Dashboard() {
  const me = useMe();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const { filters, setFilters } = useUrlFilters(KEYS);
  const month = filters.month && /^\d{4}-\d{2}$/.test(filters.month) ? filters.month : undefined;
  const query = useDashboard({
    level: oneOf(LEVELS, filters.level),
    townshipCode: filters.townshipCode,
    schoolId: filters.schoolId,
    month,
  });
  const refresh = useRefreshDashboards();
  const d = query.data;
  const current = todayInShanghai().slice(0, 7);

  if (query.isPending) return <FullPageSpin />;
  if (!d) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;

  const subtitle = (
    <span>
      {d.schoolYear.label} · 数据更新于 {formatDateTime(d.computedAt)}
    </span>
  );
  const cardStyle = { height: '100%' };
  return (
    <div className="dash-page">
      <style>{PRINT_CSS}</style>
      <PageHeader
        title={`数据看板 · ${d.scopeLabel}`}
        subtitle={subtitle}
        extra={
          <div className="dash-no-print" style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <DatePicker
              picker="month"
              inputReadOnly
              allowClear={false}
              aria-label="月份"
              format="YYYY年M月"
              value={dayjs(`${d.month}-01`)}
              disabledDate={(x) => x.format('YYYY-MM') > current}
              onChange={(x) => setFilters({ month: x ? x.format('YYYY-MM') : undefined })}
              style={{ width: 140 }}
            />
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              打印
            </Button>
            {me.can['reports.dashboard.refresh'] ? (
              <Button
                icon={<ReloadOutlined />}
                loading={refresh.isPending}
                onClick={() =>
                  refresh.mutate(undefined, {
                    onSuccess: (r) => void message.success(`看板数据已更新（用时 ${r.seconds} 秒）`),
                    onError: (e) => void message.error(errorMessage(e)),
                  })
                }
              >
                立即更新
              </Button>
            ) : null}
          </div>
        }
      />
      {d.trail.length > 1 ? (
        <Breadcrumb
          style={{ marginBottom: 12 }}
          items={d.trail.map((t) => ({ title: t.link ? <Link to={t.link}>{t.label}</Link> : t.label }))}
        />
      ) : null}
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Spin spinning={query.isFetching && query.isPlaceholderData}>
        <IndicatorCards indicators={d.indicators} />
        <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
          <Col xs={24} lg={14} className="dash-col">
            <Card size="small" title="本学年逐月趋势" style={cardStyle}>
              <TrendChart trends={d.trends} isMobile={isMobile} />
            </Card>
          </Col>
          <Col xs={24} lg={10} className="dash-col">
            <Card size="small" title="三本台账" style={cardStyle}>
              <LedgerChart ledgers={d.ledgers} isMobile={isMobile} />
            </Card>
          </Col>
          {d.ranking ? (
            <Col xs={24} lg={12} className="dash-col">
              <Card
                size="small"
                title={`${d.ranking.by === 'township' ? '乡镇' : '学校'}排名（${Number(d.ranking.month.slice(5))}月）`}
                style={cardStyle}
              >
                <RankingChart ranking={d.ranking} isMobile={isMobile} />
              </Card>
            </Col>
          ) : null}
          <Col xs={24} lg={d.ranking ? 12 : 24} className="dash-col">
            <Card size="small" title="逾期事项" style={cardStyle}>
              <OverdueCard overdue={d.overdue} />
            </Card>
          </Col>
          <Col xs={24} className="dash-col">
            <Card size="small" title="重点群体" style={cardStyle}>
              <KeyGroupCharts groups={d.keyGroups} isMobile={isMobile} />
            </Card>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
          指标口径见各指标卡片的说明；点击图表中的任一项可查看其背后的名单。看板数据每隔几分钟在后台重新计算，页面顶部显示更新时间。
        </Typography.Paragraph>
      </Spin>
    </div>
  );
}
