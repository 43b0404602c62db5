import { DownloadOutlined } from '@ant-design/icons';
import { KEY_GROUPS } from '@notoneless/shared';
import { Alert, App, Button } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../app/auth-context';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import {
  exportFindings,
  useFindingCounts,
  useFindings,
  type Finding,
  type FindingFilters,
  type FindingStatus,
} from '../features/reconciliation/api';
import { BulkActions } from '../features/reconciliation/components/bulk-actions';
import { CategoryTabs } from '../features/reconciliation/components/category-tabs';
import { ALL_STATUSES, FINDING_FILTER_KEYS, FindingsFilters } from '../features/reconciliation/components/findings-filters';
import { FindingsTable } from '../features/reconciliation/components/findings-table';
import { RequireCan } from '../features/reconciliation/components/require-can';
import { CATEGORY_ORDER, FINDING_STATUSES } from '../features/reconciliation/labels';
import { errorMessage } from '../lib/api';
import { formatNumber } from '../lib/format';
import { oneOf } from '../lib/select';
import { serverPagination } from '../lib/table';
import { useUrlFilters } from '../lib/use-url-filters';

export function FindingsPage() {
  return (
    <RequireCan can="findings">
      <FindingsView />
    </RequireCan>
  );
}

function FindingsView() {
  const me = useMe();
  const { message } = App.useApp();
  const { filters, page, pageSize, setFilters, setPage, reset } = useUrlFilters(FINDING_FILTER_KEYS);
  // 待核实 unless the URL says otherwise
  const status: FindingStatus | undefined =
    filters.status === ALL_STATUSES ? undefined : (oneOf(FINDING_STATUSES, filters.status) ?? 'open');
  const findingFilters: FindingFilters = {
    category: oneOf(CATEGORY_ORDER, filters.category),
    status,
    townshipCode: filters.townshipCode,
    schoolId: filters.schoolId,
    keyGroup: oneOf(KEY_GROUPS, filters.keyGroup),
    q: filters.q,
    runId: filters.runId,
  };
  const query = useFindings({ ...findingFilters, page, pageSize });
  const counts = useFindingCounts();
  const narrowed = Boolean(filters.townshipCode || filters.schoolId || filters.keyGroup || filters.q || filters.runId);
  const [exporting, setExporting] = useState(false);
  const [selected, setSelected] = useState<{ ids: string[]; names: Map<string, string> }>({ ids: [], names: new Map() });
  const canReview = me.can['findings.review'] === true;

  const onSelect = (ids: string[], rows: Finding[]) =>
    setSelected((s) => {
      const names = new Map(s.names);
      for (const r of rows) if (r) names.set(r.id, r.name);
      return { ids, names };
    });
  const onExport = async () => {
    setExporting(true);
    try {
      await exportFindings(findingFilters);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title="比对结果"
        subtitle={
          query.data
            ? `共 ${formatNumber(query.data.total)} 条${status === 'open' ? '待核实' : ''}，逐条核实：列入台账，或说明情况后关闭`
            : undefined
        }
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void onExport()}>
            导出 XLSX
          </Button>
        }
      />
      {filters.runId ? (
        <Alert
          type="info"
          showIcon
          title="只看某次比对新发现的结果"
          action={
            <Button size="small" onClick={() => setFilters({ runId: undefined })}>
              看全部
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <CategoryTabs
        counts={counts.data}
        status={status}
        showCounts={!narrowed}
        active={filters.category}
        onChange={(category) => setFilters({ category })}
      />
      <FindingsFilters filters={filters} setFilters={setFilters} onReset={reset} />
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {canReview ? (
        <BulkActions
          ids={selected.ids}
          names={selected.names}
          onClear={() => setSelected((s) => ({ ...s, ids: [] }))}
          onDone={() => setSelected((s) => ({ ...s, ids: [] }))}
        />
      ) : null}
      <FindingsTable
        items={query.data?.items}
        loading={query.isFetching}
        pagination={serverPagination(page, pageSize, query.data?.total, setPage)}
        selection={canReview ? { ids: selected.ids, onChange: onSelect } : undefined}
      />
      {query.data?.total === 0 && !narrowed && status === 'open' && !filters.category ? (
        <Alert
          type="success"
          showIcon
          title="没有待核实的比对结果"
          description={
            me.can['reconciliation.runs'] ? (
              <span>
                导入新的登记数据后，可到 <Link to="/reconciliation">四查三比对</Link> 重新运行比对。
              </span>
            ) : undefined
          }
          style={{ marginTop: 12 }}
        />
      ) : null}
    </>
  );
}
