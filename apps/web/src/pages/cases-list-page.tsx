import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../app/auth-context';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { exportCases, useCases } from '../features/cases/api';
import { CASE_FILTER_KEYS, CasesFiltersBar, toCaseFilters } from '../features/cases/components/cases-filters';
import { CasesTable } from '../features/cases/components/cases-table';
import { OfflineOutboxBanner } from '../features/cases/components/offline-outbox-banner';
import { ReportCaseDrawer } from '../features/cases/components/report-case-drawer';
import { RequireCases } from '../features/cases/components/require-cases';
import { errorMessage } from '../lib/api';
import { serverPagination } from '../lib/table';
import { useEditor } from '../lib/use-editor';
import { useUrlFilters } from '../lib/use-url-filters';

export function CasesListPage() {
  return (
    <RequireCases>
      <CasesList />
    </RequireCases>
  );
}

/** 个案列表: every case of the user's scope, 未结案 first, filtered like every list and exported as XLSX. */
function CasesList() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { filters, page, pageSize, setFilters, setPage, reset } = useUrlFilters(CASE_FILTER_KEYS);
  const reporter = useEditor<true>();
  const [exporting, setExporting] = useState(false);
  const caseFilters = toCaseFilters(filters);
  const query = useCases({ ...caseFilters, page, pageSize });

  const onExport = async () => {
    setExporting(true);
    try {
      await exportCases(caseFilters);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title="个案列表"
        subtitle="一生一表一档案：从报告到销号，每个疑似辍学儿童一个个案"
        extra={
          <>
            {me.can['cases.report'] ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => reporter.open(true)}>
                报告疑似辍学
              </Button>
            ) : null}
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void onExport()}>
              导出 XLSX
            </Button>
          </>
        }
      />
      <OfflineOutboxBanner />
      <CasesFiltersBar filters={filters} setFilters={setFilters} onReset={reset} />
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <CasesTable
        items={query.data?.items}
        loading={query.isFetching}
        pagination={serverPagination(page, pageSize, query.data?.total, setPage)}
        emptyText={caseFilters.overdue ? '没有逾期的个案' : '没有符合条件的个案'}
      />
      <ReportCaseDrawer
        key={reporter.key}
        open={reporter.target !== undefined}
        onClose={reporter.close}
        onOpened={(detail) => void navigate(`/cases/${detail.id}`)}
      />
    </>
  );
}
