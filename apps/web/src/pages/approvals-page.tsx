import { Empty, Select, Spin, Tabs } from 'antd';
import { FilterBar } from '../components/filter-bar';
import { PageHeader } from '../components/page-header';
import { CardPager } from '../components/card-pager';
import { ExportButton } from '../components/export-button';
import { QueryError } from '../components/query-error';
import { APPROVAL_STATUS_LABELS } from '@notoneless/shared';
import { useApprovals, type ApprovalItem, type ApprovalStatus } from '../features/approvals/api';
import { ApprovalCard } from '../features/approvals/components/approval-card';
import { DecideModal } from '../features/approvals/components/decide-modal';
import { RequireCan } from '../features/inbox/components/require-can';
import { formatNumber, todayInShanghai } from '../lib/format';
import { oneOf } from '../lib/select';
import { useEditor } from '../lib/use-editor';
import { useUrlFilters } from '../lib/use-url-filters';

const KEYS = ['tab', 'status'] as const;
const TABS = ['todo', 'mine', 'all'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABELS: Record<Tab, string> = { todo: '待我审批', mine: '我的申请', all: '全部记录' };
const STATUSES = Object.keys(APPROVAL_STATUS_LABELS) as ApprovalStatus[];

export function ApprovalsPage() {
  return (
    <RequireCan can="approvals" what="审批">
      <Approvals />
    </RequireCan>
  );
}

/** 审批: 延缓入学/休学 (县教育局核实 → 县乡村振兴领导小组同意) and 销号确认 waiting on this user; their own requests. */
function Approvals() {
  const { filters, page, pageSize, setFilters, setPage, reset } = useUrlFilters(KEYS);
  const tab = oneOf(TABS, filters.tab) ?? 'todo';
  const status = tab === 'todo' ? 'pending' : oneOf(STATUSES, filters.status);
  const query = useApprovals({ status, mine: tab === 'mine', page, pageSize });
  const decider = useEditor<{ approval: ApprovalItem; decision: 'approve' | 'reject' }>();
  const items = query.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="审批"
        subtitle="延缓入学/休学：县教育局核实、县乡村振兴领导小组同意（seed 002）；销号：中心校确认"
        extra={
          <ExportButton
            path="/api/approvals/export"
            query={{ status, mine: tab === 'mine' || undefined }}
            fileName={`延缓入学休学审批-${todayInShanghai()}.xlsx`}
          />
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setFilters({ tab: key === 'todo' ? undefined : key, status: undefined })}
        items={TABS.map((t) => ({
          key: t,
          label: t === tab && query.data ? `${TAB_LABELS[t]}（${formatNumber(query.data.total)}）` : TAB_LABELS[t],
        }))}
        style={{ marginBottom: 4 }}
      />
      {tab !== 'todo' ? (
        <FilterBar onReset={reset}>
          <Select
            allowClear
            placeholder="审批状态"
            value={status}
            onChange={(v: string | undefined) => setFilters({ status: v })}
            options={STATUSES.map((s) => ({ value: s, label: APPROVAL_STATUS_LABELS[s] }))}
            style={{ width: '100%' }}
          />
        </FilterBar>
      ) : null}
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Spin spinning={query.isFetching}>
        {items.length === 0 && !query.isPending ? (
          <Empty description={tab === 'todo' ? '没有等待您审批的申请' : '没有符合条件的申请'} />
        ) : (
          items.map((a) => <ApprovalCard key={a.id} approval={a} onDecide={(approval, decision) => decider.open({ approval, decision })} />)
        )}
      </Spin>
      <CardPager total={query.data?.total} page={page} pageSize={pageSize} onChange={setPage} />
      {decider.target ? (
        <DecideModal key={decider.key} approval={decider.target.approval} decision={decider.target.decision} onClose={decider.close} />
      ) : null}
    </>
  );
}
