import { PlusOutlined } from '@ant-design/icons';
import { LEAVE_STATUS_LABELS, type LeaveDto, type LeaveStatus } from '@notoneless/shared';
import { Button, Empty, Select, Spin, Tabs } from 'antd';
import { useMe } from '../app/auth-context';
import { FilterBar } from '../components/filter-bar';
import { PageHeader } from '../components/page-header';
import { CardPager } from '../components/card-pager';
import { ExportButton } from '../components/export-button';
import { QueryError } from '../components/query-error';
import { RequireCan } from '../features/inbox/components/require-can';
import { useLeaves } from '../features/leave/api';
import { LeaveCard } from '../features/leave/components/leave-card';
import { LeaveCloseModal } from '../features/leave/components/leave-close-modal';
import { LeaveFormDrawer } from '../features/leave/components/leave-form-drawer';
import { LeaveSlip } from '../features/leave/components/leave-slip';
import { LeaveStepModal } from '../features/leave/components/leave-step-modal';
import { canOpen } from '../lib/abilities';
import { formatNumber, todayInShanghai } from '../lib/format';
import { oneOf } from '../lib/select';
import { useEditor } from '../lib/use-editor';
import { useUrlFilters } from '../lib/use-url-filters';

const KEYS = ['tab', 'status'] as const;
const TABS = ['todo', 'overdue', 'all'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABELS: Record<Tab, string> = { todo: '待我处理', overdue: '到期未销假', all: '全部请假' };
const STATUSES = Object.keys(LEAVE_STATUS_LABELS) as LeaveStatus[];

export function LeavePage() {
  return (
    <RequireCan can="leave" what="请假管理">
      <Leaves />
    </RequireCan>
  );
}

type Action = { kind: 'decide' | 'close' | 'slip'; leave: LeaveDto };

/** 请假管理 (seed 002: 请假原因充分、安全提醒到位、销假及时): enter ahead, approve or file per step, 销假 on return. */
function Leaves() {
  const me = useMe();
  const { filters, page, pageSize, setFilters, setPage, reset } = useUrlFilters(KEYS);
  const tab = oneOf(TABS, filters.tab) ?? 'todo';
  const status = tab === 'overdue' ? 'overdue' : tab === 'all' ? oneOf(STATUSES, filters.status) : undefined;
  const query = useLeaves({ status, waitingForMe: tab === 'todo', page, pageSize });
  const creator = useEditor<true>();
  const action = useEditor<Action>();
  const items = query.data?.items ?? [];
  const t = action.target;

  return (
    <>
      <PageHeader
        title="请假管理"
        subtitle="3 天以内班主任审批，超过 3 天报校长审核同意；脱贫户、监测户学生另报中心校、县基础教育股备案"
        extra={
          <>
            {me.can['leave.enter'] ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => creator.open(true)}>
                新建请假
              </Button>
            ) : null}
            <ExportButton
              path="/api/leaves/export"
              query={{ status, waitingForMe: tab === 'todo' || undefined }}
              fileName={`请假-${todayInShanghai()}.xlsx`}
            />
          </>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setFilters({ tab: key === 'todo' ? undefined : key, status: undefined })}
        items={TABS.map((k) => ({
          key: k,
          label: k === tab && query.data ? `${TAB_LABELS[k]}（${formatNumber(query.data.total)}）` : TAB_LABELS[k],
        }))}
        style={{ marginBottom: 4 }}
      />
      {tab === 'all' ? (
        <FilterBar onReset={reset}>
          <Select
            allowClear
            placeholder="请假状态"
            value={status}
            onChange={(v: string | undefined) => setFilters({ status: v })}
            options={STATUSES.map((s) => ({ value: s, label: LEAVE_STATUS_LABELS[s] }))}
            style={{ width: '100%' }}
          />
        </FilterBar>
      ) : null}
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Spin spinning={query.isFetching}>
        {items.length === 0 && !query.isPending ? (
          <Empty
            description={tab === 'todo' ? '没有等待您处理的请假' : tab === 'overdue' ? '没有到期未销假的请假' : '没有符合条件的请假'}
          />
        ) : (
          items.map((l) => (
            <LeaveCard
              key={l.id}
              leave={l}
              childLink={canOpen(me, 'children')}
              onDecide={(leave) => action.open({ kind: 'decide', leave })}
              onClose={(leave) => action.open({ kind: 'close', leave })}
              onSlip={(leave) => action.open({ kind: 'slip', leave })}
            />
          ))
        )}
      </Spin>
      <CardPager total={query.data?.total} page={page} pageSize={pageSize} onChange={setPage} />
      {creator.target && me.can['leave.enter'] ? (
        <LeaveFormDrawer
          key={creator.key}
          onClose={creator.close}
          onCreated={(leave) => {
            creator.close();
            if (leave.status === 'pending' && tab !== 'all') setFilters({ tab: 'all' });
            action.open({ kind: 'slip', leave });
          }}
        />
      ) : null}
      {t?.kind === 'decide' ? <LeaveStepModal key={action.key} leave={t.leave} onClose={action.close} /> : null}
      {t?.kind === 'close' ? <LeaveCloseModal key={action.key} leave={t.leave} onClose={action.close} /> : null}
      {t?.kind === 'slip' ? <LeaveSlip key={action.key} leave={t.leave} onClose={action.close} /> : null}
    </>
  );
}
