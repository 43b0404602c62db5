import { Card, Input, Select, Tabs } from 'antd';
import { FilterBar } from '../components/filter-bar';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { useInbox } from '../features/inbox/api';
import { InboxList } from '../features/inbox/components/inbox-list';
import { RequireCan } from '../features/inbox/components/require-can';
import { filterInbox, sortInbox, type InboxFilter } from '../features/inbox/order';
import { oneOf } from '../lib/select';
import { useUrlFilters } from '../lib/use-url-filters';

const KEYS = ['state', 'school', 'q'] as const;
const STATES: readonly InboxFilter[] = ['all', 'overdue', 'due_soon', 'waiting', 'escalated'];
const LABELS: Record<InboxFilter, string> = {
  all: '全部',
  overdue: '已逾期',
  due_soon: '3天内到期',
  waiting: '待审批/转介',
  escalated: '已升级',
};

export function InboxPage() {
  return (
    <RequireCan can="inbox" what="待办">
      <AllInbox />
    </RequireCan>
  );
}

/** 待办 in full: every item waiting on the user, overdue first, filterable by kind, school and child. */
function AllInbox() {
  const inbox = useInbox();
  const { filters, setFilters, reset } = useUrlFilters(KEYS);
  const state = oneOf(STATES, filters.state) ?? 'all';
  const all = sortInbox(inbox.data?.items ?? []);
  const schools = [...new Set(all.map((i) => i.schoolName).filter((s): s is string => Boolean(s)))].sort();
  const q = filters.q?.trim() ?? '';
  const rest = all.filter(
    (i) => (!filters.school || i.schoolName === filters.school) && (!q || i.childName.includes(q) || i.label.includes(q)),
  );
  const shown = filterInbox(rest, state);

  return (
    <>
      <PageHeader title="待办" subtitle="逾期的在前，其次是3天内到期的，然后是等待您审批或办理的" />
      <Tabs
        activeKey={state}
        onChange={(key) => setFilters({ state: key === 'all' ? undefined : key })}
        items={STATES.map((s) => ({ key: s, label: `${LABELS[s]}（${filterInbox(rest, s).length}）` }))}
        style={{ marginBottom: 4 }}
      />
      <FilterBar onReset={reset}>
        <Input.Search allowClear placeholder="儿童姓名或事项" defaultValue={filters.q} onSearch={(v) => setFilters({ q: v })} />
        {schools.length > 1 ? (
          <Select
            allowClear
            placeholder="学校"
            value={filters.school}
            onChange={(v: string | undefined) => setFilters({ school: v })}
            options={schools.map((s) => ({ value: s, label: s }))}
            style={{ width: '100%' }}
          />
        ) : null}
      </FilterBar>
      {inbox.error ? <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
      <Card loading={inbox.isPending} styles={{ body: { paddingTop: 4, paddingBottom: 4 } }}>
        <InboxList items={shown} emptyText={all.length === 0 ? '暂无待办，做得好！' : '没有符合条件的待办'} />
      </Card>
    </>
  );
}
