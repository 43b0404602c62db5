import { FolderOpenOutlined } from '@ant-design/icons';
import { isCaseOpen, LEDGER_KIND_LABELS, type CaseStatus } from '@notoneless/shared';
import { Alert, Button, Flex } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useMe } from '../app/auth-context';
import { BackLink } from '../components/back-link';
import { FullPageSpin } from '../components/full-page-spin';
import { NotFoundResult } from '../components/not-found-result';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { useChildCases } from '../features/cases/api';
import { useLedgerEntry, type LedgerEntryDetail } from '../features/ledgers/api';
import { EntryStateTag, EntrySummary } from '../features/ledgers/components/entry-summary';
import { EntryTimeline } from '../features/ledgers/components/entry-timeline';
import { LEDGER_PAGES } from '../features/ledgers/labels';
import { ApiError } from '../lib/api';
import { useIsMobile } from '../lib/use-is-mobile';

/** One 疑似辍学 / 辍学 entry: the child and its history; the work itself is done on the child's case (「查看个案」). */
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
  const me = useMe();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const meta = LEDGER_PAGES[entry.ledger];
  const cases = useChildCases(entry.childId, me.can.cases === true);
  // 认定辍学 and 销号 happen on the child's case now: the open one, else the latest
  const theCase = cases.data?.find((c) => isCaseOpen(c.status as CaseStatus)) ?? cases.data?.[0];

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
          theCase ? (
            <Button
              type="primary"
              icon={<FolderOpenOutlined />}
              block={isMobile}
              href={`/cases/${theCase.id}`}
              onClick={(event) => {
                event.preventDefault();
                void navigate(`/cases/${theCase.id}`);
              }}
            >
              查看个案
            </Button>
          ) : null
        }
      />
      {me.can.cases && !entry.closedAt ? (
        <Alert
          type="info"
          showIcon
          title="核实、认定辍学、劝返和销号都在该儿童的个案中办理，台账随个案状态自动更新。"
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <EntrySummary entry={entry} />
      <EntryTimeline events={entry.events} />
    </>
  );
}
