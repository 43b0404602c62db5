import type { AuditEvent } from '@notoneless/shared';
import { Table, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import { JsonView } from '../../../components/json-view';
import { formatDateTime, orDash } from '../../../lib/format';

type Props = { events: AuditEvent[] | undefined; loading: boolean; pagination: TablePaginationConfig };

function Target({ event }: { event: AuditEvent }) {
  const target = [event.targetType, event.targetId].filter(Boolean).join(' ');
  return (
    <>
      {target ? <Typography.Text style={{ fontSize: 12 }}>{target}</Typography.Text> : '—'}
      {event.childId ? (
        <div>
          <Link to={`/children/${event.childId}`}>查看儿童</Link>
        </div>
      ) : null}
    </>
  );
}

const columns: TableColumnsType<AuditEvent> = [
  { title: '时间', dataIndex: 'at', width: 170, render: (_, e) => formatDateTime(e.at, { withSeconds: true }) },
  { title: '操作人', dataIndex: 'actorName', width: 110, render: (_, e) => orDash(e.actorName) },
  { title: 'IP', dataIndex: 'ip', width: 130, render: (_, e) => orDash(e.ip) },
  {
    title: '操作',
    dataIndex: 'actionLabel',
    render: (_, e) => (
      <>
        {e.actionLabel}
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.action}
          </Typography.Text>
        </div>
      </>
    ),
  },
  { title: '对象', key: 'target', render: (_, e) => <Target event={e} /> },
];

export function AuditTable({ events, loading, pagination }: Props) {
  return (
    <Table<AuditEvent>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={events}
      loading={loading}
      scroll={{ x: true }}
      pagination={pagination}
      expandable={{ expandedRowRender: (e) => <JsonView value={e.data} /> }}
      locale={{ emptyText: '没有符合条件的日志' }}
    />
  );
}
