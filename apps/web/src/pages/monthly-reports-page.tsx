import { MONTHLY_REPORT_STATUSES, MONTHLY_REPORT_STATUS_LABELS, type MonthlyReportStatus } from '@notoneless/shared';
import { Card, Col, Row, Select, Statistic, Tabs } from 'antd';
import { useNavigate } from 'react-router';
import { useMe } from '../app/auth-context';
import { FilterBar } from '../components/filter-bar';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { RequireCan } from '../features/inbox/components/require-can';
import { useMonthlyReports } from '../features/monthly-reports/api';
import { MonthPicker } from '../features/monthly-reports/components/month-picker';
import { ReportList } from '../features/monthly-reports/components/report-list';
import { UnitReportCard } from '../features/monthly-reports/components/unit-report-card';
import { isMonth, monthLabel, previousMonth } from '../features/monthly-reports/month';
import { canConsolidate, filterOptions } from '../features/monthly-reports/scope';
import { formatNumber } from '../lib/format';
import { oneOf, SEARCH_BY_LABEL } from '../lib/select';
import { useUrlFilters } from '../lib/use-url-filters';

const KEYS = ['month', 'townshipCode', 'schoolId', 'status'] as const;

export function MonthlyReportsPage() {
  return (
    <RequireCan can="reports.monthly" what="月报">
      <MonthlyReports />
    </RequireCan>
  );
}

/** 月报: every school in scope for a month, its status, due date and headline figures; filters; the way to each report. */
function MonthlyReports() {
  const me = useMe();
  const navigate = useNavigate();
  const { filters, setFilters } = useUrlFilters(KEYS);
  const month = isMonth(filters.month) ? filters.month : previousMonth();
  const status = oneOf(MONTHLY_REPORT_STATUSES, filters.status);
  const all = useMonthlyReports({ month });
  const query = useMonthlyReports({ month, townshipCode: filters.townshipCode, schoolId: filters.schoolId, status });
  const options = filterOptions(all.data?.items ?? [], filters.townshipCode);
  const counts = all.data?.counts;
  const consolidated = canConsolidate(me);
  // the 中心校's own report of its township to the county (not the bureau's: its card shows nothing)
  const units = me.roles.filter((r) => r.role === 'unit_admin' && r.scopeKind === 'unit').map((r) => r.scopeId);

  return (
    <>
      <PageHeader
        title="月报"
        subtitle={`${monthLabel(month)} · 学校每月上报在籍、在校与人籍差额${all.data ? ` · ${all.data.dueOn} 截止上报` : ''}`}
        extra={<MonthPicker value={month} onChange={(m) => setFilters({ month: m === previousMonth() ? undefined : m })} />}
      />
      {consolidated ? (
        <Tabs
          activeKey="schools"
          onChange={(key) => {
            if (key === 'consolidated') void navigate(`/reports/monthly/consolidated?month=${month}`);
          }}
          items={[
            { key: 'schools', label: '学校月报' },
            { key: 'consolidated', label: '汇总表' },
          ]}
          style={{ marginBottom: 4 }}
        />
      ) : null}
      {all.error ? <QueryError error={all.error} onRetry={() => void all.refetch()} /> : null}
      {units.map((unitId) => (
        <UnitReportCard key={unitId} unitId={unitId} month={month} />
      ))}
      <Row gutter={[8, 8]} style={{ marginBottom: 16 }} data-testid="status-counts">
        {MONTHLY_REPORT_STATUSES.map((s: MonthlyReportStatus) => (
          <Col key={s} xs={8} sm={8} md={4}>
            <Card
              size="small"
              hoverable
              onClick={() => setFilters({ status: status === s ? undefined : s })}
              style={status === s ? { borderColor: '#1677ff' } : undefined}
            >
              <Statistic
                title={MONTHLY_REPORT_STATUS_LABELS[s]}
                value={counts ? formatNumber(counts[s] ?? 0) : '—'}
                styles={{ content: { fontSize: 20 } }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <FilterBar onReset={() => setFilters({ townshipCode: undefined, schoolId: undefined, status: undefined })}>
        {options.townships.length > 1 ? (
          <Select
            allowClear
            showSearch={SEARCH_BY_LABEL}
            placeholder="乡镇"
            aria-label="乡镇"
            value={filters.townshipCode}
            onChange={(v: string | undefined) => setFilters({ townshipCode: v, schoolId: undefined })}
            options={options.townships}
            style={{ width: '100%' }}
          />
        ) : null}
        {options.schools.length > 1 ? (
          <Select
            allowClear
            showSearch={SEARCH_BY_LABEL}
            placeholder="学校"
            aria-label="学校"
            value={filters.schoolId}
            onChange={(v: string | undefined) => setFilters({ schoolId: v })}
            options={options.schools}
            style={{ width: '100%' }}
          />
        ) : null}
        <Select
          allowClear
          placeholder="状态"
          aria-label="状态"
          value={status}
          onChange={(v: string | undefined) => setFilters({ status: v })}
          options={MONTHLY_REPORT_STATUSES.map((s) => ({ value: s, label: MONTHLY_REPORT_STATUS_LABELS[s] }))}
          style={{ width: '100%' }}
        />
      </FilterBar>
      {query.error && !all.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <ReportList items={query.data?.items} loading={query.isFetching} />
    </>
  );
}
