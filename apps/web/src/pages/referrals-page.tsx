import { DEPARTMENTS, REFERRAL_STATUS_LABELS, type ReferralListItem } from '@notoneless/shared';
import { Empty, Select, Spin } from 'antd';
import { useMe } from '../app/auth-context';
import { FilterBar } from '../components/filter-bar';
import { PageHeader } from '../components/page-header';
import { CardPager } from '../components/card-pager';
import { ExportButton } from '../components/export-button';
import { QueryError } from '../components/query-error';
import { RequireCan } from '../features/inbox/components/require-can';
import { useReferrals, type ReferralStatusFilter } from '../features/referrals/api';
import { ReferralCard } from '../features/referrals/components/referral-card';
import { RespondModal } from '../features/referrals/components/respond-modal';
import { todayInShanghai } from '../lib/format';
import { oneOf } from '../lib/select';
import { useEditor } from '../lib/use-editor';
import { useUrlFilters } from '../lib/use-url-filters';

const KEYS = ['status', 'department'] as const;
const STATUSES: readonly ReferralStatusFilter[] = ['open', 'sent', 'accepted', 'done', 'declined'];
const STATUS_OPTIONS = [
  { value: 'open', label: '未办结（待接收、办理中）' },
  ...(['sent', 'accepted', 'done', 'declined'] as const).map((s) => ({ value: s, label: REFERRAL_STATUS_LABELS[s] })),
  { value: 'all', label: '全部' },
];

export function ReferralsPage() {
  return (
    <RequireCan can="referrals" what="转介">
      <Referrals />
    </RequireCan>
  );
}

/**
 * 转介办理: a department liaison answers the referrals sent to the department (公安 户籍, 残联 安置, 民政 救助, 司法文书…);
 * others follow the referrals of their cases.
 */
function Referrals() {
  const me = useMe();
  const liaison = me.roles.some((r) => r.role === 'dept_liaison');
  const { filters, page, pageSize, setFilters, setPage, reset } = useUrlFilters(KEYS);
  // the open ones by default: that is the work
  const status = filters.status === 'all' ? undefined : (oneOf(STATUSES, filters.status) ?? 'open');
  const department = oneOf(DEPARTMENTS, filters.department);
  const query = useReferrals({ status, department, page, pageSize });
  const responder = useEditor<ReferralListItem>();
  const items = query.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={liaison ? '转介办理' : '转介'}
        subtitle={liaison ? '本部门收到的转介：接收后办理，办结或不予办理的须写明情况' : '个案转介相关部门的办理情况'}
        extra={<ExportButton path="/api/referrals/export" query={{ status, department }} fileName={`转介办理-${todayInShanghai()}.xlsx`} />}
      />
      <FilterBar onReset={reset}>
        <Select
          value={filters.status === 'all' ? 'all' : (status ?? 'open')}
          onChange={(v: string) => setFilters({ status: v === 'open' ? undefined : v })}
          options={STATUS_OPTIONS}
          style={{ width: '100%' }}
          aria-label="办理状态"
        />
        {liaison ? null : (
          <Select
            allowClear
            placeholder="部门"
            value={department}
            onChange={(v: string | undefined) => setFilters({ department: v })}
            options={DEPARTMENTS.map((d) => ({ value: d, label: d }))}
            style={{ width: '100%' }}
          />
        )}
      </FilterBar>
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Spin spinning={query.isFetching}>
        {items.length === 0 && !query.isPending ? (
          <Empty description="没有符合条件的转介" />
        ) : (
          items.map((r) => <ReferralCard key={r.id} referral={r} onRespond={responder.open} />)
        )}
      </Spin>
      <CardPager total={query.data?.total} page={page} pageSize={pageSize} onChange={setPage} />
      {responder.target ? <RespondModal key={responder.key} referral={responder.target} onClose={responder.close} /> : null}
    </>
  );
}
