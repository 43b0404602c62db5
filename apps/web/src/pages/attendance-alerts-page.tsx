import { ABSENCE_ALERT_STATUS_LABELS, type AbsenceAlertDto, type AbsenceAlertStatus } from '@notoneless/shared';
import { Empty, Spin, Tabs } from 'antd';
import { useMe } from '../app/auth-context';
import { PageHeader } from '../components/page-header';
import { CardPager } from '../components/card-pager';
import { ExportButton } from '../components/export-button';
import { QueryError } from '../components/query-error';
import { useAbsenceAlerts } from '../features/attendance/api';
import { AlertCard } from '../features/attendance/components/alert-card';
import { AlertDecisionModal } from '../features/attendance/components/alert-decision-modal';
import { RequireCan } from '../features/inbox/components/require-can';
import { canOpen } from '../lib/abilities';
import { formatNumber, todayInShanghai } from '../lib/format';
import { oneOf } from '../lib/select';
import { useEditor } from '../lib/use-editor';
import { useUrlFilters } from '../lib/use-url-filters';

const KEYS = ['status'] as const;
const STATUSES = Object.keys(ABSENCE_ALERT_STATUS_LABELS) as AbsenceAlertStatus[];

export function AttendanceAlertsPage() {
  return (
    <RequireCan can="attendance" what="缺勤预警">
      <AttendanceAlerts />
    </RequireCan>
  );
}

/** 缺勤预警 (早发现早帮扶早杜绝): 连续 N 天 or 本月 M 天 unexplained absence; the school confirms or dismisses. */
function AttendanceAlerts() {
  const me = useMe();
  const { filters, page, pageSize, setFilters, setPage } = useUrlFilters(KEYS);
  const status = oneOf(STATUSES, filters.status) ?? 'open';
  const query = useAbsenceAlerts({ status, page, pageSize });
  const decider = useEditor<{ alert: AbsenceAlertDto; decision: 'confirm' | 'dismiss' }>();
  const items = query.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="缺勤预警"
        subtitle="连续无故缺勤或当月累计无故缺勤达到县级设置的天数时预警；学校确认后转为疑似辍学个案"
        extra={<ExportButton path="/api/absence-alerts/export" query={{ status }} fileName={`缺勤预警-${todayInShanghai()}.xlsx`} />}
      />
      <Tabs
        activeKey={status}
        onChange={(key) => setFilters({ status: key === 'open' ? undefined : key })}
        items={STATUSES.map((s) => ({
          key: s,
          label:
            s === status && query.data
              ? `${ABSENCE_ALERT_STATUS_LABELS[s]}（${formatNumber(query.data.total)}）`
              : ABSENCE_ALERT_STATUS_LABELS[s],
        }))}
        style={{ marginBottom: 4 }}
      />
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Spin spinning={query.isFetching}>
        {items.length === 0 && !query.isPending ? (
          <Empty description={status === 'open' ? '没有待处理的缺勤预警' : '没有记录'} />
        ) : (
          items.map((a) => (
            <AlertCard
              key={a.id}
              alert={a}
              childLink={canOpen(me, 'children')}
              onDecide={(alert, decision) => decider.open({ alert, decision })}
            />
          ))
        )}
      </Spin>
      <CardPager total={query.data?.total} page={page} pageSize={pageSize} onChange={setPage} />
      {decider.target ? (
        <AlertDecisionModal key={decider.key} alert={decider.target.alert} decision={decider.target.decision} onClose={decider.close} />
      ) : null}
    </>
  );
}
