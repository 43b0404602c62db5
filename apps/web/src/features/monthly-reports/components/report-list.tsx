import type { MonthlyReportListItem } from '@notoneless/shared';
import { Card, Empty, Flex, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { CardPager } from '../../../components/card-pager';
import { Link } from 'react-router';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { ReportStatusTag } from './status-tag';

const CARDS = 20;

const reportLink = (r: MonthlyReportListItem) => `/reports/monthly/school/${r.schoolId}/${r.month}`;

const unexplainedText = (value: number | null) =>
  value ? <Typography.Text type="danger">{formatNumber(value)}</Typography.Text> : formatNumber(value);

const COLUMNS: TableColumnsType<MonthlyReportListItem> = [
  {
    title: '学校',
    dataIndex: 'schoolName',
    fixed: 'left',
    width: 200,
    render: (_, r) => <Link to={reportLink(r)}>{r.schoolName}</Link>,
  },
  { title: '乡镇', dataIndex: 'townshipName', width: 110 },
  {
    title: '状态',
    dataIndex: 'status',
    width: 130,
    render: (_, r) => <ReportStatusTag status={r.status} label={r.statusLabel} late={r.late} />,
  },
  { title: '版本', dataIndex: 'version', width: 60, align: 'right', render: (v: number, r) => (r.id ? v : '—') },
  { title: '上报截止', dataIndex: 'dueOn', width: 110 },
  { title: '在籍', dataIndex: 'enrolled', width: 80, align: 'right', render: (v: number | null) => formatNumber(v) },
  { title: '在校', dataIndex: 'attending', width: 80, align: 'right', render: (v: number | null) => formatNumber(v) },
  { title: '人籍差额', dataIndex: 'gap', width: 90, align: 'right', render: (v: number | null) => formatNumber(v) },
  { title: '未说明', dataIndex: 'unexplained', width: 80, align: 'right', render: unexplainedText },
  { title: '上报时间', dataIndex: 'submittedAt', width: 150, render: (v: string | null) => formatDateTime(v) },
];

/** Every school of the month: a table on desktop, cards on phones. */
export function ReportList({ items, loading }: { items: MonthlyReportListItem[] | undefined; loading: boolean }) {
  const isMobile = useIsMobile();
  const [wanted, setPage] = useState(1);
  // a narrower filter may leave fewer pages than the one the user was on
  const page = Math.min(wanted, Math.max(1, Math.ceil((items?.length ?? 0) / CARDS)));
  if (!isMobile) {
    return (
      <Table<MonthlyReportListItem>
        rowKey="schoolId"
        size="middle"
        data-testid="report-list"
        columns={COLUMNS}
        dataSource={items}
        loading={loading}
        scroll={{ x: true }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, size: 'small' }}
        locale={{ emptyText: '没有符合条件的学校' }}
      />
    );
  }
  return (
    <Spin spinning={loading}>
      {items && items.length === 0 ? <Empty description="没有符合条件的学校" /> : null}
      <Flex vertical gap={8} data-testid="report-list">
        {(items ?? []).slice((page - 1) * CARDS, page * CARDS).map((r) => (
          <Card key={r.schoolId} size="small" data-testid="report-card">
            <Flex justify="space-between" align="flex-start" gap={8}>
              <div style={{ minWidth: 0 }}>
                <Link to={reportLink(r)} style={{ fontWeight: 600, wordBreak: 'break-word' }}>
                  {r.schoolName}
                </Link>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.townshipName} · 截止 {r.dueOn}
                    {r.id ? ` · 第 ${r.version} 版` : ''}
                  </Typography.Text>
                </div>
              </div>
              <ReportStatusTag status={r.status} label={r.statusLabel} late={r.late} />
            </Flex>
            {r.enrolled === null ? null : (
              <Flex justify="space-between" style={{ marginTop: 8 }}>
                {[
                  ['在籍', formatNumber(r.enrolled)],
                  ['在校', formatNumber(r.attending)],
                  ['差额', formatNumber(r.gap)],
                ].map(([label, value]) => (
                  <div key={label} style={{ textAlign: 'center' }}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {label}
                    </Typography.Text>
                    <div>{value}</div>
                  </div>
                ))}
                <div style={{ textAlign: 'center' }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    未说明
                  </Typography.Text>
                  <div>{unexplainedText(r.unexplained)}</div>
                </div>
              </Flex>
            )}
          </Card>
        ))}
      </Flex>
      <div style={{ marginTop: 8 }}>
        <CardPager total={items?.length} page={page} pageSize={CARDS} onChange={(p) => setPage(p)} />
      </div>
    </Spin>
  );
}
