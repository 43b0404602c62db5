import { DatePicker, Tag } from 'antd';
import dayjs from 'dayjs';
import { FilterBar } from '../components/filter-bar';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { SearchInput } from '../components/search-input';
import { useAuditEvents } from '../features/audit/api';
import { AuditTable } from '../features/audit/components/audit-table';
import { serverPagination } from '../lib/table';
import { useUrlFilters } from '../lib/use-url-filters';

const FILTER_KEYS = ['actor', 'action', 'childId', 'targetId', 'from', 'to'] as const;
const DATE = 'YYYY-MM-DD';

export function AuditPage() {
  const { filters, page, pageSize, setFilters, setPage, reset } = useUrlFilters(FILTER_KEYS);
  const query = useAuditEvents({ ...filters, page, pageSize });
  const day = (value: string | undefined) => (value ? dayjs(value) : undefined);

  return (
    <>
      <PageHeader title="审计日志" subtitle="所有修改及查看个人信息的操作，只增不改" />
      <FilterBar onReset={reset}>
        <SearchInput value={filters.actor} placeholder="操作人姓名" onSearch={(actor) => setFilters({ actor })} />
        <SearchInput value={filters.action} placeholder="操作类型，如 child.reveal" onSearch={(action) => setFilters({ action })} />
        <DatePicker
          style={{ width: '100%' }}
          placeholder="开始日期"
          inputReadOnly
          value={day(filters.from)}
          onChange={(d) => setFilters({ from: d ? d.format(DATE) : undefined })}
        />
        <DatePicker
          style={{ width: '100%' }}
          placeholder="结束日期"
          inputReadOnly
          value={day(filters.to)}
          onChange={(d) => setFilters({ to: d ? d.format(DATE) : undefined })}
        />
        {filters.childId ? (
          <Tag closable onClose={() => setFilters({ childId: undefined })} style={{ lineHeight: '30px' }}>
            仅看一名儿童的日志
          </Tag>
        ) : null}
      </FilterBar>
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <AuditTable
        events={query.data?.items}
        loading={query.isFetching}
        pagination={serverPagination(page, pageSize, query.data?.total, setPage)}
      />
    </>
  );
}
