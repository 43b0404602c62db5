import type { ChildListItem } from '@notoneless/shared';
import { Table, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import { formatDate, orDash } from '../../../lib/format';
import { gradeLabel } from '../../../lib/labels';
import { ChildStatusTag } from './child-status-tag';
import { KeyGroupTags } from './key-group-tags';

type Props = {
  items: ChildListItem[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
};

const columns: TableColumnsType<ChildListItem> = [
  {
    title: '姓名',
    dataIndex: 'name',
    fixed: 'left',
    width: 90,
    render: (_, c) => <Link to={`/children/${c.id}`}>{c.name}</Link>,
  },
  { title: '性别', dataIndex: 'gender', width: 60 },
  { title: '出生日期', dataIndex: 'birthDate', width: 110, render: (_, c) => formatDate(c.birthDate) },
  { title: '身份证号', dataIndex: 'idNumberMasked', width: 180 },
  { title: '学籍号', dataIndex: 'studentNo', width: 150, render: (_, c) => orDash(c.studentNo) },
  { title: '学校', dataIndex: 'schoolName', width: 160, render: (_, c) => orDash(c.schoolName) },
  { title: '年级', dataIndex: 'grade', width: 80, render: (_, c) => gradeLabel(c.grade) },
  { title: '班级', dataIndex: 'className', width: 100, render: (_, c) => orDash(c.className) },
  { title: '乡镇', dataIndex: 'townshipName', width: 100, render: (_, c) => orDash(c.townshipName) },
  { title: '户籍村', dataIndex: 'villageName', width: 110, render: (_, c) => orDash(c.villageName) },
  { title: '状态', dataIndex: 'status', width: 100, render: (_, c) => <ChildStatusTag status={c.status} /> },
  { title: '重点群体', dataIndex: 'keyGroups', render: (_, c) => <KeyGroupTags groups={c.keyGroups} /> },
];

export function ChildrenTable({ items, loading, pagination }: Props) {
  return (
    <Table<ChildListItem>
      rowKey="id"
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
