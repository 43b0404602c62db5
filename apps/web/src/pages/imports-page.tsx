import { UploadOutlined } from '@ant-design/icons';
import { REGISTRY_KINDS, SNAPSHOT_STATUSES } from '@notoneless/shared';
import { Button, Typography } from 'antd';
import { useMemo } from 'react';
import { useMe } from '../app/auth-context';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { useSnapshots } from '../features/imports/api';
import { CurrentSnapshotCards } from '../features/imports/components/current-snapshot-cards';
import { RequireImports } from '../features/imports/components/require-imports';
import { SNAPSHOT_FILTER_KEYS, SnapshotFilters, SnapshotsTable } from '../features/imports/components/snapshots-table';
import { UploadModal, type UploadPreset } from '../features/imports/components/upload-modal';
import { importTargets, rosterSchools, uploadableKinds } from '../features/imports/targets';
import { oneOf } from '../lib/select';
import { serverPagination } from '../lib/table';
import { useEditor } from '../lib/use-editor';
import { useIsMobile } from '../lib/use-is-mobile';
import { useUrlFilters } from '../lib/use-url-filters';

export function ImportsPage() {
  return (
    <RequireImports>
      <ImportsView />
    </RequireImports>
  );
}

function ImportsView() {
  const me = useMe();
  const isMobile = useIsMobile();
  const targets = useMemo(() => importTargets(me), [me]);
  const kinds = useMemo(() => uploadableKinds(me), [me]);
  const schools = useMemo(() => (me.can['imports.county'] === true ? [] : rosterSchools(me)), [me]);
  const uploader = useEditor<UploadPreset>();
  const { filters, page, pageSize, setFilters, setPage, reset } = useUrlFilters(SNAPSHOT_FILTER_KEYS);
  const query = useSnapshots({
    kind: oneOf(REGISTRY_KINDS, filters.kind),
    status: oneOf(SNAPSHOT_STATUSES, filters.status),
    page,
    pageSize,
  });

  return (
    <>
      <PageHeader
        title="数据导入"
        subtitle="户籍、学籍、在校名册等登记数据：上传、预览、确认后成为比对使用的当前版本"
        extra={
          // on phones each card carries its own upload button
          kinds.length > 0 && !isMobile ? (
            <Button type="primary" icon={<UploadOutlined />} onClick={() => uploader.open({})}>
              上传文件
            </Button>
          ) : null
        }
      />
      <CurrentSnapshotCards targets={targets} onUpload={(t) => uploader.open({ kind: t.kind, schoolId: t.school?.id })} />
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        导入历史
      </Typography.Title>
      <SnapshotFilters filters={filters} setFilters={setFilters} onReset={reset} />
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <SnapshotsTable
        items={query.data?.items}
        loading={query.isFetching}
        pagination={serverPagination(page, pageSize, query.data?.total, setPage)}
      />
      <UploadModal key={uploader.key} preset={uploader.target} kinds={kinds} schools={schools} onClose={uploader.close} />
    </>
  );
}
