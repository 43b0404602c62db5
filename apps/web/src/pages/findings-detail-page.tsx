import { CheckCircleOutlined, FileDoneOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../app/auth-context';
import { BackLink } from '../components/back-link';
import { FullPageSpin } from '../components/full-page-spin';
import { NotFoundResult } from '../components/not-found-result';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { useCloseFinding, useConfirmFinding, useFinding, type FindingDetail } from '../features/reconciliation/api';
import { CloseModal, ConfirmModal } from '../features/reconciliation/components/decision-modals';
import { CategoryTag, FindingStatusTag } from '../features/reconciliation/components/finding-tags';
import { FindingSummary } from '../features/reconciliation/components/finding-summary';
import { IdentityPanel } from '../features/reconciliation/components/identity-panel';
import { RequireCan } from '../features/reconciliation/components/require-can';
import { RecordsCompare } from '../features/reconciliation/components/records-compare';
import { can } from '../lib/abilities';
import { ApiError, errorMessage } from '../lib/api';
import { useIsMobile } from '../lib/use-is-mobile';

export function FindingDetailPage() {
  return (
    <RequireCan can="findings">
      <FindingDetailView />
    </RequireCan>
  );
}

const back = <BackLink to="/findings" label="比对结果" />;

function FindingDetailView() {
  const { id = '' } = useParams();
  const query = useFinding(id);
  if (query.error instanceof ApiError && query.error.status === 404) {
    return <NotFoundResult title="未找到该比对结果" subtitle="该比对结果不存在，或不在您负责的范围内。" />;
  }
  if (query.isPending) return <FullPageSpin />;
  if (!query.data) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const finding = query.data;

  return (
    <>
      <PageHeader
        back={back}
        title={finding.name}
        subtitle={
          <Flex gap={8} align="center" wrap component="span">
            <CategoryTag category={finding.category} />
            <FindingStatusTag status={finding.status} />
            <span>{finding.idNumberMasked}</span>
          </Flex>
        }
        extra={<Actions finding={finding} />}
      />
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Decision finding={finding} />
      <FindingSummary finding={finding} />
      <IdentityPanel finding={finding} />
      <Card
        size="small"
        title="记录对照"
        extra={
          finding.differing.length > 0 ? (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              橙色：{finding.differing.join('、')}不一致
            </Typography.Text>
          ) : null
        }
      >
        <RecordsCompare records={finding.records} differing={finding.differing} />
      </Card>
    </>
  );
}

/** What was decided, with the links it leads to. */
function Decision({ finding }: { finding: FindingDetail }) {
  const me = useMe();
  if (finding.status === 'confirmed') {
    return (
      <Alert
        type="success"
        showIcon
        icon={<FileDoneOutlined />}
        title="已确认并列入台账"
        description={
          <Flex gap={16} wrap>
            {finding.ledgerEntryId && me.can.ledgers ? <Link to={`/ledgers/entries/${finding.ledgerEntryId}`}>查看台账记录</Link> : null}
            {finding.childId && me.can.children ? <Link to={`/children/${finding.childId}`}>查看儿童档案</Link> : null}
          </Flex>
        }
        style={{ marginBottom: 16 }}
      />
    );
  }
  if (finding.status === 'closed') {
    return (
      <Alert
        type="info"
        showIcon
        icon={<CheckCircleOutlined />}
        title={`已核实关闭：${finding.closeReason ?? ''}`}
        description={<span style={{ whiteSpace: 'pre-wrap' }}>核实依据：{finding.closeEvidence ?? '—'}</span>}
        style={{ marginBottom: 16 }}
      />
    );
  }
  if (finding.status === 'resolved') {
    return <Alert type="info" showIcon title="数据已一致：之后的比对中不再出现这条结果，无需处理。" style={{ marginBottom: 16 }} />;
  }
  return null;
}

function Actions({ finding }: { finding: FindingDetail }) {
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const confirm = useConfirmFinding(finding.id);
  const close = useCloseFinding(finding.id);
  const [open, setOpen] = useState<'confirm' | 'close' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canConfirm = can(finding.abilities, 'confirm', false);
  const canClose = can(finding.abilities, 'close', false);
  if (!canConfirm && !canClose) return null;

  const onError = (e: unknown) => {
    // someone else decided first: the page now shows their decision
    if (e instanceof ApiError && e.status === 409) {
      setOpen(null);
      void message.warning(e.message);
    } else setError(errorMessage(e));
  };
  const show = (which: 'confirm' | 'close') => {
    setError(null);
    setOpen(which);
  };

  return (
    <>
      {canConfirm ? (
        <Button type="primary" block={isMobile} onClick={() => show('confirm')}>
          确认并列入台账
        </Button>
      ) : null}
      {canClose ? (
        <Button block={isMobile} onClick={() => show('close')}>
          核实说明并关闭
        </Button>
      ) : null}
      {!canConfirm && canClose ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, alignSelf: 'center' }}>
          尚未对应到儿童名册中的儿童，请先核实身份
        </Typography.Text>
      ) : null}
      <ConfirmModal
        open={open === 'confirm'}
        title={`确认并列入台账：${finding.name}`}
        submitting={confirm.isPending}
        error={error}
        onClose={() => setOpen(null)}
        onSubmit={(input) =>
          confirm.mutate(input, {
            onSuccess: () => {
              setOpen(null);
              void message.success(input.ledger === 'dropout' ? '已列入辍学学生台账' : '已列入疑似辍学台账');
            },
            onError,
          })
        }
      />
      <CloseModal
        open={open === 'close'}
        title={`核实说明并关闭：${finding.name}`}
        submitting={close.isPending}
        error={error}
        onClose={() => setOpen(null)}
        onSubmit={(input) =>
          close.mutate(input, {
            onSuccess: () => {
              setOpen(null);
              void message.success('已核实关闭');
            },
            onError,
          })
        }
      />
    </>
  );
}
