import { Badge, Button, Card, Flex, Segmented, Skeleton } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { useInbox } from '../api';
import { filterInbox, sortInbox, type InboxFilter } from '../order';
import { InboxList } from './inbox-list';

const SHOWN = 8;

/** The 工作台's 待办: overdue first, then due within 3 days, then waiting approvals and referrals (issue 5 item 7). */
export function InboxCard() {
  const inbox = useInbox();
  const [filter, setFilter] = useState<InboxFilter>('all');
  const items = sortInbox(inbox.data?.items ?? []);
  const count = (state: InboxFilter) => filterInbox(items, state).length;
  const shown = filterInbox(items, filter);

  return (
    <Card
      title={
        <Flex align="center" gap={8}>
          待办{' '}
          <Badge count={inbox.data?.count ?? items.length} overflowCount={999} showZero color={count('overdue') > 0 ? 'red' : 'blue'} />
        </Flex>
      }
      extra={<Link to="/inbox">全部待办</Link>}
      style={{ marginBottom: 16 }}
      styles={{ body: { paddingTop: 8 } }}
    >
      {inbox.error ? <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
      {inbox.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <>
          {items.length > 0 ? (
            <Segmented<InboxFilter>
              size="small"
              value={filter}
              onChange={setFilter}
              options={[
                { value: 'all', label: `全部 ${items.length}` },
                { value: 'overdue', label: `逾期 ${count('overdue')}` },
                { value: 'due_soon', label: `3天内 ${count('due_soon')}` },
                { value: 'waiting', label: `待办理 ${count('waiting')}` },
              ]}
              style={{ marginBottom: 4, maxWidth: '100%', overflowX: 'auto' }}
            />
          ) : null}
          <InboxList items={shown.slice(0, SHOWN)} emptyText={items.length === 0 ? '暂无待办，做得好！' : '没有这类待办'} />
          {shown.length > SHOWN ? (
            <Link to={filter === 'all' ? '/inbox' : `/inbox?state=${filter}`}>
              <Button type="link" block>
                还有 {shown.length - SHOWN} 项，查看全部
              </Button>
            </Link>
          ) : null}
        </>
      )}
    </Card>
  );
}
