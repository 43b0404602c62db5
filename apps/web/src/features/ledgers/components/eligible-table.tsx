import { Table, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import { formatDate, orDash } from '../../../lib/format';
import { gradeLabel } from '../../../lib/labels';
import { KeyGroupTags } from '../../children/components/key-group-tags';
import type { EligibleRow } from '../api';
import { CategoryTag } from './category-tag';

type Props = {
  items: EligibleRow[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
};

const joined = (...parts: (string | null | undefined)[]) => orDash(parts.filter(Boolean).join(' '));

const columns: TableColumnsType<EligibleRow> = [
  {
    title: '姓名',
    dataIndex: 'name',
    fixed: 'left',
    width: 90,
    render: (_, r) => <Link to={`/children/${r.childId}`}>{r.name}</Link>,
  },
  { title: '性别', dataIndex: 'gender', width: 60 },
  { title: '出生日期', dataIndex: 'birthDate', width: 110, render: (_, r) => formatDate(r.birthDate) },
  { title: '身份证号', dataIndex: 'idNumberMasked', width: 180, render: (_, r) => orDash(r.idNumberMasked) },
  { title: '户籍乡镇/村', dataIndex: 'villageName', width: 170, render: (_, r) => joined(r.townshipName, r.villageName) },
  { title: '就读状态', dataIndex: 'category', width: 110, render: (_, r) => <CategoryTag category={r.category} status={r.status} /> },
  {
    title: '学校/年级/班级',
    dataIndex: 'schoolName',
    width: 240,
    render: (_, r) => joined(r.schoolName, r.grade ? gradeLabel(r.grade) : null, r.className),
  },
  { title: '重点群体', dataIndex: 'keyGroups', render: (_, r) => <KeyGroupTags groups={r.keyGroups} /> },
];

/** The 适龄儿童台账: one row per age-eligible child, with the category that accounts for them. */
export function EligibleTable({ items, loading, pagination }: Props) {
  return (
    <Table<EligibleRow>
      rowKey="childId"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: true }}
      pagination={pagination}
      locale={{ emptyText: '没有符合条件的儿童' }}
    />
  );
}
