import { REGISTRY_KIND_LABELS, REGISTRY_KINDS, SNAPSHOT_STATUS_LABELS, SNAPSHOT_STATUSES, type Snapshot } from '@notoneless/shared';
import { Select, Table, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import { FilterBar } from '../../../components/filter-bar';
import type { QueryValue } from '../../../lib/api';
import { formatDateTime, formatNumber, orDash } from '../../../lib/format';
import { SnapshotStatusTag } from './snapshot-status-tag';

export const SNAPSHOT_FILTER_KEYS = ['kind', 'status'] as const;
type FilterKey = (typeof SNAPSHOT_FILTER_KEYS)[number];

const KIND_OPTIONS = REGISTRY_KINDS.map((k) => ({ value: k, label: REGISTRY_KIND_LABELS[k] }));
const STATUS_OPTIONS = SNAPSHOT_STATUSES.map((s) => ({ value: s, label: SNAPSHOT_STATUS_LABELS[s] }));
const full = { width: '100%' };

type FilterProps = {
  filters: Partial<Record<FilterKey, string>>;
  setFilters: (patch: Partial<Record<FilterKey, QueryValue>>) => void;
  onReset: () => void;
};

export function SnapshotFilters({ filters, setFilters, onReset }: FilterProps) {
  return (
    <FilterBar onReset={onReset}>
      <Select
        allowClear
        style={full}
        placeholder="全部类别"
        options={KIND_OPTIONS}
        value={filters.kind}
        onChange={(kind?: string) => setFilters({ kind })}
      />
      <Select
        allowClear
        style={full}
        placeholder="全部状态"
        options={STATUS_OPTIONS}
        value={filters.status}
        onChange={(status?: string) => setFilters({ status })}
      />
    </FilterBar>
  );
}

const count = (n: number) => formatNumber(n);

const columns: TableColumnsType<Snapshot> = [
  { title: '类别', dataIndex: 'kindLabel', width: 110 },
  { title: '范围', dataIndex: 'scopeName', width: 140 },
  {
    title: '文件',
    dataIndex: 'fileName',
    render: (_, s) => <Link to={`/imports/${s.id}`}>{s.fileName}</Link>,
  },
  { title: '状态', dataIndex: 'status', width: 100, render: (_, s) => <SnapshotStatusTag status={s.status} /> },
  { title: '总行数', dataIndex: 'rowCount', width: 90, align: 'right', render: (_, s) => count(s.rowCount) },
  { title: '可导入', dataIndex: 'acceptedCount', width: 90, align: 'right', render: (_, s) => count(s.acceptedCount) },
  { title: '拒绝', dataIndex: 'rejectedCount', width: 80, align: 'right', render: (_, s) => count(s.rejectedCount) },
  { title: '有警告', dataIndex: 'warningCount', width: 80, align: 'right', render: (_, s) => count(s.warningCount) },
  { title: '上传人', dataIndex: 'uploadedByName', width: 100, render: (_, s) => orDash(s.uploadedByName) },
  { title: '上传时间', dataIndex: 'uploadedAt', width: 150, render: (_, s) => formatDateTime(s.uploadedAt) },
];

type Props = { items: Snapshot[] | undefined; loading: boolean; pagination: TablePaginationConfig };

/** Import history: every upload, newest first, each opening its preview. */
export function SnapshotsTable({ items, loading, pagination }: Props) {
  return (
    <Table<Snapshot>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: true }}
      pagination={pagination}
      locale={{ emptyText: '还没有导入记录' }}
    />
  );
}
