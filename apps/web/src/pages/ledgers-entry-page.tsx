import { CheckCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { LEDGER_KIND_LABELS } from '@notoneless/shared';
import { Alert, App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { BackLink } from '../components/back-link';
import { FullPageSpin } from '../components/full-page-spin';
import { NotFoundResult } from '../components/not-found-result';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { useLedgerEntry, type LedgerEntryDetail } from '../features/ledgers/api';
import { CloseEntryModal } from '../features/ledgers/components/close-entry-modal';
import { ConfirmDropoutModal } from '../features/ledgers/components/confirm-dropout-modal';
import { EntryStateTag, EntrySummary } from '../features/ledgers/components/entry-summary';
import { EntryTimeline } from '../features/ledgers/components/entry-timeline';
import { LEDGER_PAGES } from '../features/ledgers/labels';
import { can } from '../lib/abilities';
import { ApiError } from '../lib/api';
import { useIsMobile } from '../lib/use-is-mobile';

type Dialog = 'close' | 'confirm' | null;

/** One 疑似辍学 / 辍学 entry: the child, its history, and what the user may do with it (from `abilities`). */
export function LedgerEntryPage() {
  const { id = '' } = useParams();
  const query = useLedgerEntry(id);

  if (query.isPending) return <FullPageSpin />;
  if (query.error instanceof ApiError && query.error.status === 404) {
    return <NotFoundResult title="未找到该台账记录" subtitle="该台账记录不存在，或您无权查看。" />;
  }
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  // a new id (认定辍学 leads to the dropout entry) starts with a clean page
  return <EntryView key={query.data.id} entry={query.data} />;
}

function EntryView({ entry }: { entry: LedgerEntryDetail }) {
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const meta = LEDGER_PAGES[entry.ledger];
  const canClose = can(entry.abilities, 'close', false);
  const canConfirm = can(entry.abilities, 'confirmDropout', false);

  const onConflict = (text: string) => {
    setDialog(null);
    setConflict(text);
  };

  return (
    <>
      <PageHeader
        back={<BackLink to={meta.path} label={meta.title} />}
        title={entry.name}
        subtitle={
          <Flex gap={8} align="center" wrap component="span">
            <span>{LEDGER_KIND_LABELS[entry.ledger]}</span>
            <EntryStateTag entry={entry} />
          </Flex>
        }
        extra={
          canConfirm || canClose ? (
            <Flex gap={8} wrap vertical={isMobile} style={isMobile ? { width: '100%' } : undefined}>
              {canConfirm ? (
                <Button danger icon={<ExclamationCircleOutlined />} block={isMobile} onClick={() => setDialog('confirm')}>
                  认定辍学
                </Button>
              ) : null}
              {canClose ? (
                <Button type="primary" icon={<CheckCircleOutlined />} block={isMobile} onClick={() => setDialog('close')}>
                  动态销号
                </Button>
              ) : null}
            </Flex>
          ) : null
        }
      />
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setConflict(null) }}
          title={conflict}
          description="下方已显示这条记录现在的状态和办理记录。"
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <EntrySummary entry={entry} />
      <EntryTimeline events={entry.events} />
      <CloseEntryModal
        entry={entry}
        open={dialog === 'close'}
        onClose={() => setDialog(null)}
        onConflict={onConflict}
        onClosed={(closed) => {
          setDialog(null);
          message.success(`已销号：${closed.closeReason ?? ''}`);
        }}
      />
      {entry.ledger === 'suspected' ? (
        <ConfirmDropoutModal
          entry={entry}
          open={dialog === 'confirm'}
          onClose={() => setDialog(null)}
          onConflict={onConflict}
          onConfirmed={(dropout) => {
            setDialog(null);
            message.success(`已认定辍学，${dropout.name}已列入辍学学生台账`);
            void navigate(`/ledgers/entries/${dropout.id}`);
          }}
        />
      ) : null}
    </>
  );
}
