import type { SnapshotDetail } from '@notoneless/shared';
import { Alert, App, Button, Flex, Result, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useMe } from '../app/auth-context';
import { BackLink } from '../components/back-link';
import { FullPageSpin } from '../components/full-page-spin';
import { NotFoundResult } from '../components/not-found-result';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { isRunning, useCancel, useCommit, useImportEvents, useRemap, useSnapshot } from '../features/imports/api';
import { ColumnMapping } from '../features/imports/components/column-mapping';
import { ImportActions } from '../features/imports/components/import-actions';
import { ImportProgress } from '../features/imports/components/import-progress';
import { ImportSummary } from '../features/imports/components/import-summary';
import { PreviewTable } from '../features/imports/components/preview-table';
import { ProblemsTable } from '../features/imports/components/problems-table';
import { RequireImports } from '../features/imports/components/require-imports';
import { SnapshotStatusTag } from '../features/imports/components/snapshot-status-tag';
import { ApiError, errorMessage } from '../lib/api';
import { formatNumber } from '../lib/format';
import { usePageTitle } from '../lib/use-page-title';

export function ImportDetailPage() {
  return (
    <RequireImports>
      <ImportDetailView />
    </RequireImports>
  );
}

const back = <BackLink to="/imports" label="数据导入" />;

function ImportDetailView() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = useSnapshot(id);
  const detail = query.data;
  useImportEvents(id, isRunning(detail?.job));

  // a file refused while it was being read leaves nothing behind but its reason
  if (query.error instanceof ApiError && query.error.status === 400) {
    return <RefusedResult message={query.error.message} onBack={() => void navigate('/imports')} />;
  }
  if (query.error instanceof ApiError && query.error.status === 404) {
    return <NotFoundResult title="未找到该导入记录" subtitle="该导入记录不存在，或您无权查看。" />;
  }
  if (query.isPending) return <FullPageSpin />;
  if (!detail) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <>
      <PageHeader
        back={back}
        title={detail.fileName}
        subtitle={
          <Flex gap={8} align="center" wrap component="span">
            <span>
              {detail.kindLabel} · {detail.scopeName}
            </span>
            <SnapshotStatusTag status={detail.status} />
          </Flex>
        }
      />
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <DetailBody detail={detail} />
    </>
  );
}

function DetailBody({ detail }: { detail: SnapshotDetail }) {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const remap = useRemap(detail.id);
  const commit = useCommit(detail.id);
  const cancel = useCancel(detail.id);
  const job = detail.job;

  if (job && isRunning(job)) return <ImportProgress detail={detail} job={job} />;

  const onError = (e: unknown) => void message.error(errorMessage(e));
  const staged = detail.status === 'staged';
  const missing = detail.missingColumns.length > 0;
  const mappingKey = detail.columns.map((c) => `${c.header}→${c.key ?? ''}`).join('|');

  return (
    <>
      {detail.status === 'committed' && job?.phase === 'done' ? (
        <Result
          status="success"
          title="导入完成"
          subTitle={`「${detail.fileName}」已成为当前使用的${detail.kindLabel}数据，导入 ${formatNumber(detail.acceptedCount)} 行${
            detail.rejectedCount ? `，拒绝 ${formatNumber(detail.rejectedCount)} 行未导入` : ''
          }。之后的比对将使用这份数据。`}
          extra={
            <Flex gap={8} wrap justify="center">
              {me.can.children ? (
                <Button type="primary" onClick={() => void navigate('/children')}>
                  查看儿童名册
                </Button>
              ) : null}
              <Button onClick={() => void navigate('/imports')}>导入历史</Button>
            </Flex>
          }
        />
      ) : null}
      {detail.status === 'committed' && job?.phase !== 'done' ? (
        <Alert type="success" showIcon title={`这是当前使用的${detail.kindLabel}数据，比对按这份文件进行。`} style={{ marginBottom: 16 }} />
      ) : null}
      {detail.status === 'failed' ? (
        <Result
          status="error"
          title="导入失败"
          subTitle={job?.message ?? '导入过程中出错，未导入任何数据，当前使用的版本不变。'}
          extra={<Button onClick={() => void navigate('/imports')}>返回数据导入</Button>}
        />
      ) : null}
      {detail.status === 'superseded' ? (
        <Alert type="info" showIcon title="这是历史版本，已被之后导入的文件替代。" style={{ marginBottom: 16 }} />
      ) : null}
      {detail.status === 'cancelled' ? (
        <Alert type="info" showIcon title="这次导入已取消，上传的文件已删除，当前使用的版本不变。" style={{ marginBottom: 16 }} />
      ) : null}
      {detail.status === 'loading' ? (
        <Alert type="info" showIcon title="正在导入，请稍后刷新查看结果。" style={{ marginBottom: 16 }} />
      ) : null}
      {job?.phase === 'failed' && staged ? (
        <Alert type="error" showIcon title={job.message ?? '读取文件失败'} style={{ marginBottom: 16 }} />
      ) : null}

      <ImportSummary detail={detail} />
      {missing && staged ? (
        <Alert
          type="warning"
          showIcon
          title={`缺少必需的列：${detail.missingColumns.map((c) => `「${c}」`).join('、')}`}
          description="文件中没有找到这些列。请在下方「列对应」中指定文件里的哪一列是它们，然后点击「应用列对应」；否则无法导入。"
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {staged ? (
        <ImportActions
          detail={detail}
          committing={commit.isPending}
          cancelling={cancel.isPending}
          onCommit={() => commit.mutate(undefined, { onError })}
          onCancel={() => cancel.mutate(undefined, { onSuccess: () => void message.success('已取消这次导入'), onError })}
        />
      ) : null}
      {detail.columns.length > 0 ? (
        <ColumnMapping
          key={mappingKey}
          detail={detail}
          editable={staged && detail.abilities.remap === true}
          applying={remap.isPending}
          onApply={(overrides) => remap.mutate(overrides, { onSuccess: () => void message.success('已按新的列对应重新读取文件'), onError })}
        />
      ) : null}
      {missing && staged ? null : <ProblemsTable detail={detail} />}
      {detail.previewRows.length > 0 ? <PreviewTable detail={detail} /> : null}
    </>
  );
}

function RefusedResult({ message, onBack }: { message: string; onBack: () => void }) {
  usePageTitle('文件未能导入');
  return (
    <>
      {back}
      <Result
        status="error"
        title="文件未能导入"
        subTitle={<Typography.Text>{message}</Typography.Text>}
        extra={
          <Button type="primary" onClick={onBack}>
            返回数据导入
          </Button>
        }
      />
    </>
  );
}
