import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useMe } from '../app/auth-context';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { exportLedger, useEligible, useLedgerBalance, type EligibleFilters } from '../features/ledgers/api';
import { BalancePanel } from '../features/ledgers/components/balance-panel';
import { EligibleTable } from '../features/ledgers/components/eligible-table';
import { ELIGIBLE_FILTER_KEYS, LedgerFiltersBar, toLedgerFilters } from '../features/ledgers/components/ledger-filters';
import { isCategory } from '../features/ledgers/labels';
import { errorMessage } from '../lib/api';
import { formatNumber } from '../lib/format';
import { serverPagination } from '../lib/table';
import { useUrlFilters } from '../lib/use-url-filters';

/** 适龄儿童台账: every age-eligible child in one category, checked against the whole (人账相符). */
export function LedgersEligiblePage() {
  const me = useMe();
  const { message } = App.useApp();
  const { filters, page, pageSize, setFilters, setPage, reset } = useUrlFilters(ELIGIBLE_FILTER_KEYS);
  const [exporting, setExporting] = useState(false);
  const eligibleFilters: EligibleFilters = {
    ...toLedgerFilters(filters),
    category: isCategory(filters.category) ? filters.category : undefined,
  };
  const balance = useLedgerBalance({ townshipCode: filters.townshipCode, schoolId: filters.schoolId });
  const query = useEligible({ ...eligibleFilters, page, pageSize });

  const onExport = async () => {
    setExporting(true);
    try {
      await exportLedger('eligible', eligibleFilters);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title="适龄儿童台账"
        subtitle={
          query.data
            ? `${eligibleFilters.category ? `「${eligibleFilters.category}」` : ''}共 ${formatNumber(query.data.total)} 名`
            : '本辖区全部适龄儿童少年（含随迁子女）及其就读状态'
        }
        extra={
          me.can['ledgers.export'] ? (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void onExport()}>
              导出 XLSX
            </Button>
          ) : null
        }
      />
      {balance.error ? <QueryError error={balance.error} onRetry={() => void balance.refetch()} /> : null}
      <BalancePanel balance={balance.data} category={eligibleFilters.category} onCategory={(category) => setFilters({ category })} />
      <LedgerFiltersBar filters={filters} setFilters={setFilters} onReset={reset} withCategory />
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <EligibleTable
        items={query.data?.items}
        loading={query.isFetching}
        pagination={serverPagination(page, pageSize, query.data?.total, setPage)}
      />
    </>
  );
}
