import { Col, Row } from 'antd';
import { useMe } from '../app/auth-context';
import { FullPageSpin } from '../components/full-page-spin';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { useHomeSummary } from '../features/home/api';
import { InboxCard } from '../features/inbox/components/inbox-card';
import { ChildrenChart } from '../features/home/components/children-chart';
import { HomeStatCards } from '../features/home/components/home-stat-cards';
import { KeyGroupCounts } from '../features/home/components/key-group-counts';
import { RecentActivity } from '../features/home/components/recent-activity';
import { canOpen } from '../lib/abilities';
import { formatDate } from '../lib/format';

export function HomePage() {
  const me = useMe();
  const query = useHomeSummary();
  const summary = query.data;
  const childrenLinks = canOpen(me, 'children');

  return (
    <>
      <PageHeader title="工作台" subtitle={summary ? `${summary.scopeLabel} · 今天 ${formatDate(summary.today)}` : undefined} />
      {me.can.inbox ? <InboxCard /> : null}
      {query.isPending ? <FullPageSpin /> : null}
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {summary ? (
        <>
          <HomeStatCards counts={summary.counts} me={me} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <ChildrenChart summary={summary} clickable={childrenLinks} />
            </Col>
            <Col xs={24} xl={10}>
              <KeyGroupCounts keyGroups={summary.keyGroups} clickable={childrenLinks} />
            </Col>
            <Col xs={24}>
              <RecentActivity activity={summary.recentActivity} />
            </Col>
          </Row>
        </>
      ) : null}
    </>
  );
}
