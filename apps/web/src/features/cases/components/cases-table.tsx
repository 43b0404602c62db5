import type { CaseListItem } from '@notoneless/shared';
import { Card, Empty, Flex, List, Table, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import { orDash } from '../../../lib/format';
import { gradeLabel } from '../../../lib/labels';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { KeyGroupTags } from '../../children/components/key-group-tags';
import { CaseStatusTag } from './case-status-tag';
import { DeadlineText } from './deadline-text';

type Props = {
  items: CaseListItem[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  emptyText: string;
};

const joined = (...parts: (string | number | null | undefined)[]) =>
  orDash(parts.filter((p) => p !== null && p !== undefined && p !== '').join(' '));
export const schoolText = (c: Pick<CaseListItem, 'schoolName' | 'grade' | 'className'>) =>
  joined(c.schoolName, c.grade ? gradeLabel(c.grade) : null, c.className);
export const placeText = (c: Pick<CaseListItem, 'townshipName' | 'villageName'>) => joined(c.townshipName, c.villageName);

const COLUMNS: TableColumnsType<CaseListItem> = [
  {
    title: '姓名',
    dataIndex: 'name',
    fixed: 'left',
    width: 90,
    render: (_, c) => <Link to={`/cases/${c.id}`}>{c.name}</Link>,
  },
  { title: '身份证号', dataIndex: 'idNumberMasked', width: 170 },
  { title: '学校/年级/班级', key: 'school', width: 220, render: (_, c) => schoolText(c) },
  { title: '乡镇/村', key: 'place', width: 170, render: (_, c) => placeText(c) },
  { title: '状态', dataIndex: 'status', width: 130, render: (_, c) => <CaseStatusTag status={c.status} label={c.statusLabel} /> },
  { title: '已立案', dataIndex: 'daysOpen', width: 80, align: 'right', render: (_, c) => `${c.daysOpen} 天` },
  { title: '下一期限', key: 'deadline', width: 250, render: (_, c) => <DeadlineText deadline={c.nextDeadline} /> },
  { title: '重点群体', dataIndex: 'keyGroups', width: 140, render: (_, c) => <KeyGroupTags groups={c.keyGroups} /> },
];

/** 个案列表: a table on desktop, one card per case on phones. */
export function CasesTable({ items, loading, pagination, emptyText }: Props) {
  const isMobile = useIsMobile();
  if (isMobile) {
    return (
      <List<CaseListItem>
        dataSource={items}
        loading={loading}
        pagination={
          items && items.length > 0
            ? {
                current: pagination.current,
                pageSize: pagination.pageSize,
                total: pagination.total,
                showTotal: pagination.showTotal,
                onChange: pagination.onChange,
                size: 'small',
                align: 'center',
              }
            : false
        }
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
        renderItem={(c) => (
          <List.Item key={c.id} style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
            <CaseCard item={c} />
          </List.Item>
        )}
      />
    );
  }
  return (
    <Table<CaseListItem>
      rowKey="id"
      size="middle"
      columns={COLUMNS}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={pagination}
      locale={{ emptyText }}
    />
  );
}

function CaseCard({ item: c }: { item: CaseListItem }) {
  const overdue = (c.nextDeadline?.overdueDays ?? 0) > 0;
  return (
    <Card size="small" style={{ width: '100%', borderColor: overdue ? '#ffa39e' : undefined }}>
      <Flex vertical gap={4}>
        <Flex justify="space-between" align="center" gap={8}>
          <Link to={`/cases/${c.id}`} style={{ fontWeight: 600, fontSize: 16 }}>
            {c.name}
          </Link>
          <CaseStatusTag status={c.status} label={c.statusLabel} />
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {c.idNumberMasked}
        </Typography.Text>
        <Typography.Text style={{ fontSize: 13 }}>{schoolText(c)}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          户籍：{placeText(c)} · 已立案 {c.daysOpen} 天
        </Typography.Text>
        {c.nextDeadline ? <DeadlineText deadline={c.nextDeadline} compact /> : null}
        {c.keyGroups.length > 0 ? <KeyGroupTags groups={c.keyGroups} /> : null}
      </Flex>
    </Card>
  );
}
