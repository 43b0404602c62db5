import { DownloadOutlined } from '@ant-design/icons';
import { CHILD_STATUSES, KEY_GROUPS } from '@notoneless/shared';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useMe } from '../app/auth-context';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { exportChildren, useChildren, type ChildFilters } from '../features/children/api';
import { CHILD_FILTER_KEYS, ChildrenFilters } from '../features/children/components/children-filters';
import { ChildrenTable } from '../features/children/components/children-table';
import { errorMessage } from '../lib/api';
import { formatNumber } from '../lib/format';
import { oneOf } from '../lib/select';
import { serverPagination } from '../lib/table';
import { useUrlFilters } from '../lib/use-url-filters';

export function ChildrenListPage() {
  const me = useMe();
  const { message } = App.useApp();
  const { filters, page, pageSize, setFilters, setPage, reset } = useUrlFilters(CHILD_FILTER_KEYS);
  const [exporting, setExporting] = useState(false);
  const childFilters: ChildFilters = {
    q: filters.q,
    townshipCode: filters.townshipCode,
    villageCode: filters.villageCode,
    schoolId: filters.schoolId,
    classId: filters.classId,
    grade: filters.grade ? Number(filters.grade) : undefined,
    keyGroup: oneOf(KEY_GROUPS, filters.keyGroup),
    status: oneOf(CHILD_STATUSES, filters.status),
  };
  const query = useChildren({ ...childFilters, page, pageSize });

  const onExport = async () => {
    setExporting(true);
    try {
      await exportChildren(childFilters);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title="儿童"
        subtitle={query.data ? `共 ${formatNumber(query.data.total)} 名` : undefined}
        extra={
          me.can['children.export'] ? (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void onExport()}>
              导出 XLSX
            </Button>
          ) : null
        }
      />
      <ChildrenFilters filters={filters} setFilters={setFilters} onReset={reset} />
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <ChildrenTable
        items={query.data?.items}
        loading={query.isFetching}
        pagination={serverPagination(page, pageSize, query.data?.total, setPage)}
      />
    </>
  );
}
