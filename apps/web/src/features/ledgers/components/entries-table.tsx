import type { LedgerEntryDto } from '@notoneless/shared';
import { Table, Tag, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import { formatDate, orDash } from '../../../lib/format';
import { gradeLabel } from '../../../lib/labels';
import { KeyGroupTags } from '../../children/components/key-group-tags';
import type { EntryState } from '../api';

type Props = {
  items: LedgerEntryDto[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  state: EntryState;
};

const joined = (...parts: (string | null | undefined)[]) => orDash(parts.filter(Boolean).join(' '));

const BASE: TableColumnsType<LedgerEntryDto> = [
  {
    title: '姓名',
    dataIndex: 'name',
    fixed: 'left',
    width: 90,
    render: (_, e) => <Link to={`/ledgers/entries/${e.id}`}>{e.name}</Link>,
  },
  {
    title: '学校年级',
    dataIndex: 'schoolName',
    width: 210,
    render: (_, e) => joined(e.schoolName, e.grade ? gradeLabel(e.grade) : null),
  },
  { title: '户籍村', dataIndex: 'villageName', width: 170, render: (_, e) => joined(e.townshipName, e.villageName) },
  { title: '重点群体', dataIndex: 'keyGroups', width: 150, render: (_, e) => <KeyGroupTags groups={e.keyGroups} /> },
  { title: '线索来源', dataIndex: 'sourceLabel', width: 100 },
  {
    title: '原因',
    dataIndex: 'cause',
    width: 160,
    render: (_, e) =>
      e.cause ? (
        e.cause
      ) : e.note ? (
        <Typography.Text type="secondary" ellipsis={{ tooltip: e.note }} style={{ maxWidth: 150 }}>
          {e.note}
        </Typography.Text>
      ) : (
        '—'
      ),
  },
  { title: '列入日期', dataIndex: 'openedAt', width: 110, render: (_, e) => formatDate(e.openedAt) },
  { title: '登记人', dataIndex: 'openedByName', width: 100, render: (_, e) => orDash(e.openedByName) },
];

const CLOSED: TableColumnsType<LedgerEntryDto>[number] = {
  title: '销号日期/原因',
  dataIndex: 'closedAt',
  width: 180,
  render: (_, e) =>
    e.closedAt ? (
      <>
        {formatDate(e.closedAt)} <Tag style={{ marginInlineEnd: 0 }}>{orDash(e.closeReason)}</Tag>
      </>
    ) : (
      <Tag color="processing">在册</Tag>
    ),
};

/** A 疑似辍学 or 辍学学生 ledger; the 销号 column appears on the 已销号 and 全部 tabs. */
export function EntriesTable({ items, loading, pagination, state }: Props) {
  return (
    <Table<LedgerEntryDto>
      rowKey="id"
      size="middle"
      columns={state === 'open' ? BASE : [...BASE, CLOSED]}
      dataSource={items}
      loading={loading}
      scroll={{ x: true }}
      pagination={pagination}
      locale={{ emptyText: state === 'closed' ? '没有已销号的记录' : '没有符合条件的记录' }}
    />
  );
}
