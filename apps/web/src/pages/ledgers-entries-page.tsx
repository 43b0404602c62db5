import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { LedgerKind } from '@notoneless/shared';
import { App, Button, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../app/auth-context';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { exportLedger, useLedgerEntries, type EntryFilters, type EntryState } from '../features/ledgers/api';
import { AddEntryDrawer } from '../features/ledgers/components/add-entry-drawer';
import { EntriesTable } from '../features/ledgers/components/entries-table';
import { ENTRY_FILTER_KEYS, LedgerFiltersBar, toLedgerFilters } from '../features/ledgers/components/ledger-filters';
import { LEDGER_PAGES, STATE_TABS } from '../features/ledgers/labels';
import { errorMessage } from '../lib/api';
import { formatNumber } from '../lib/format';
import { oneOf } from '../lib/select';
import { serverPagination } from '../lib/table';
import { useEditor } from '../lib/use-editor';
import { useUrlFilters } from '../lib/use-url-filters';

const STATES = STATE_TABS.map((t) => t.key);

export function SuspectedLedgerPage() {
  return <LedgerEntriesPage ledger="suspected" />;
}

export function DropoutLedgerPage() {
  return <LedgerEntriesPage ledger="dropout" />;
}

/** 疑似辍学台账 / 辍学学生台账: 在册, 已销号 or all entries, filtered like every list, exported as XLSX. */
function LedgerEntriesPage({ ledger }: { ledger: LedgerKind }) {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const meta = LEDGER_PAGES[ledger];
  const { filters, page, pageSize, setFilters, setPage, reset } = useUrlFilters(ENTRY_FILTER_KEYS);
  const adder = useEditor<true>();
  const [exporting, setExporting] = useState(false);
  const state: EntryState = oneOf(STATES, filters.state) ?? 'open';
  const entryFilters: EntryFilters = { ...toLedgerFilters(filters), state };
  const query = useLedgerEntries(ledger, { ...entryFilters, page, pageSize });

  const onExport = async () => {
    setExporting(true);
    try {
      await exportLedger(ledger, entryFilters);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={meta.title}
        subtitle={meta.subtitle}
        extra={
          <>
            {me.can['ledgers.add'] ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => adder.open(true)}>
                登记疑似辍学
              </Button>
            ) : null}
            {me.can['ledgers.export'] ? (
              <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void onExport()}>
                导出 XLSX
              </Button>
            ) : null}
          </>
        }
      />
      <Tabs
        activeKey={state}
        onChange={(key) => setFilters({ state: key === 'open' ? undefined : key })}
        items={STATE_TABS.map((t) => ({
          key: t.key,
          label: t.key === state && query.data ? `${t.label}（${formatNumber(query.data.total)}）` : t.label,
        }))}
        style={{ marginBottom: 4 }}
      />
      <LedgerFiltersBar filters={filters} setFilters={setFilters} onReset={reset} />
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <EntriesTable
        items={query.data?.items}
        loading={query.isFetching}
        state={state}
        pagination={serverPagination(page, pageSize, query.data?.total, setPage)}
      />
      <AddEntryDrawer
        key={adder.key}
        open={adder.target !== undefined}
        onClose={adder.close}
        // a new entry is a suspected one: on its own ledger it shows at the top of 在册; from here, open it
        onAdded={(entry) => {
          if (ledger !== 'suspected' || state === 'closed') void navigate(`/ledgers/entries/${entry.id}`);
        }}
      />
    </>
  );
}
