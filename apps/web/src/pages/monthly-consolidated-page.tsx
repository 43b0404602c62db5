import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Select, Spin, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { BackLink } from '../components/back-link';
import { FullPageSpin } from '../components/full-page-spin';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { RequireCan } from '../features/inbox/components/require-can';
import { exportConsolidated, exportQuarterly, useConsolidated, useMonthlyReports } from '../features/monthly-reports/api';
import type { Figure } from '@notoneless/shared';
import type { ConsolidatedScope } from '../features/monthly-reports/api';
import { ConsolidatedTable, type ConsolidatedRow } from '../features/monthly-reports/components/consolidated-table';
import { DrillDownDrawer } from '../features/monthly-reports/components/drill-down-drawer';
import { MonthPicker } from '../features/monthly-reports/components/month-picker';
import { UnitReportCard } from '../features/monthly-reports/components/unit-report-card';
import { isMonth, monthLabel, previousMonth, quarterLabel, quarterOf } from '../features/monthly-reports/month';
import { filterOptions } from '../features/monthly-reports/scope';
import { errorMessage } from '../lib/api';
import { formatDateTime } from '../lib/format';
import { SEARCH_BY_LABEL } from '../lib/select';
import { useUrlFilters } from '../lib/use-url-filters';

const KEYS = ['month', 'townshipCode'] as const;

export function MonthlyConsolidatedPage() {
  return (
    <RequireCan can="reports.monthly.consolidated" what="月报汇总表">
      <ConsolidatedView />
    </RequireCan>
  );
}

/** 月报汇总表: township rows for the county, school rows for a 中心校; the schools not yet reported are flagged. */
function ConsolidatedView() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { filters, setFilters } = useUrlFilters(KEYS);
  const month = isMonth(filters.month) ? filters.month : previousMonth();
  const query = useConsolidated(month, filters.townshipCode);
  const list = useMonthlyReports({ month });
  const townships = filterOptions(list.data?.items ?? [], undefined).townships;
  const [exporting, setExporting] = useState<'month' | 'quarter' | null>(null);
  const quarter = quarterOf(month);
  const data = query.data;
  // the figure whose children are shown: the unit of its row (a township, a school, or the whole table for 合计)
  const [opened, setOpened] = useState<{ figure: Figure; scope: ConsolidatedScope; unitName: string }>();
  const openFigure = (row: ConsolidatedRow, figure: Figure) => {
    if (!data) return;
    const scope: ConsolidatedScope =
      row.key === data.total.key
        ? { month: data.month, townshipCode: filters.townshipCode }
        : data.level === 'county'
          ? { month: data.month, townshipCode: row.key }
          : { month: data.month, townshipCode: filters.townshipCode, schoolId: row.key };
    setOpened({ figure, scope, unitName: row.key === data.total.key ? data.title.replace(/控辍保学动态数据汇总表$/, '') : row.name });
  };

  const run = async (kind: 'month' | 'quarter') => {
    setExporting(kind);
    try {
      if (kind === 'month') await exportConsolidated(month, filters.townshipCode);
      else await exportQuarterly(quarter, filters.townshipCode);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(null);
    }
  };

  return (
    <>
      <PageHeader
        back={
          filters.townshipCode && townships.length > 1 ? (
            <BackLink to={`/reports/monthly/consolidated?month=${month}`} label="全县汇总" />
          ) : undefined
        }
        title={data?.title ?? '月报汇总表'}
        subtitle={`${monthLabel(month)} · 已上报的学校按上报数据（冻结），未上报的按实时数据并标注`}
        extra={
          <>
            <MonthPicker value={month} onChange={(m) => setFilters({ month: m === previousMonth() ? undefined : m })} />
            <Button icon={<DownloadOutlined />} loading={exporting === 'month'} onClick={() => void run('month')}>
              导出汇总表
            </Button>
            <Button icon={<DownloadOutlined />} loading={exporting === 'quarter'} onClick={() => void run('quarter')}>
              导出{quarterLabel(quarter)}汇总
            </Button>
          </>
        }
      />
      <Tabs
        activeKey="consolidated"
        onChange={(key) => {
          if (key === 'schools')
            void navigate(`/reports/monthly?month=${month}${filters.townshipCode ? `&townshipCode=${filters.townshipCode}` : ''}`);
        }}
        items={[
          { key: 'schools', label: '学校月报' },
          { key: 'consolidated', label: '汇总表' },
        ]}
        style={{ marginBottom: 4 }}
      />
      {townships.length > 1 ? (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            showSearch={SEARCH_BY_LABEL}
            placeholder="全县（按乡镇汇总）"
            aria-label="乡镇"
            value={filters.townshipCode}
            onChange={(v: string | undefined) => setFilters({ townshipCode: v })}
            options={townships}
            style={{ width: 220, maxWidth: '100%' }}
          />
        </Flex>
      ) : null}
      {query.isPending ? <FullPageSpin /> : null}
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {data && data.level === 'township'
        ? data.unitReports.map((u) => <UnitReportCard key={u.unitId} unitId={u.unitId} month={data.month} />)
        : null}
      {data ? (
        <Spin spinning={query.isFetching}>
          {data.pendingSchools.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              data-testid="pending-schools"
              title={`${data.pendingSchools.length} 所学校尚未上报，汇总中按实时数据计入`}
              description={
                <Flex gap={6} wrap>
                  {data.liveComputedAt ? (
                    <div data-testid="live-computed-at" style={{ flexBasis: '100%', fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
                      待上报学校数据更新于 {formatDateTime(data.liveComputedAt)}（后台定时更新，有数据变动时约 1–2 分钟内刷新）
                    </div>
                  ) : null}
                  {data.pendingSchools.map((s) => (
                    <Link key={s.schoolId} to={`/reports/monthly/school/${s.schoolId}/${month}`}>
                      <Tag color={s.late ? 'red' : 'default'} style={{ marginInlineEnd: 0, cursor: 'pointer' }}>
                        {s.schoolName} · {s.status}
                        {s.late ? ' · 逾期' : ''}
                      </Tag>
                    </Link>
                  ))}
                </Flex>
              }
              style={{ marginBottom: 12 }}
            />
          ) : (
            <Alert type="success" showIcon title="所有学校均已上报" style={{ marginBottom: 12 }} />
          )}
          <ConsolidatedTable data={data} loading={query.isFetching} onOpen={openFigure} />
          <div style={{ marginTop: 8, color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>统计时点 {data.total.figures.asOf}</div>
        </Spin>
      ) : null}
      <DrillDownDrawer
        consolidated={opened?.scope}
        unitName={opened?.unitName}
        figure={opened?.figure}
        onClose={() => setOpened(undefined)}
      />
    </>
  );
}
