import type { School } from '@notoneless/shared';
import { App, Button, Flex, Table, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import { ActiveTag } from '../../../components/active-tag';
import { ToggleActiveButton } from '../../../components/toggle-active-button';
import { errorMessage } from '../../../lib/api';
import { formatNumber } from '../../../lib/format';
import { useUpdateSchool } from '../api';

type Props = {
  schools: School[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  canManage: boolean;
  onEdit: (school: School) => void;
};

function SchoolActions({ school, onEdit }: { school: School; onEdit: (school: School) => void }) {
  const update = useUpdateSchool();
  const { message } = App.useApp();
  return (
    <Flex wrap>
      <Button type="link" size="small" onClick={() => onEdit(school)}>
        编辑
      </Button>
      <ToggleActiveButton
        active={school.active}
        name={school.name}
        loading={update.isPending}
        onToggle={(active) =>
          update.mutate(
            { id: school.id, input: { active } },
            {
              onSuccess: () => message.success(active ? '已启用' : '已停用'),
              onError: (e) => message.error(errorMessage(e)),
            },
          )
        }
      />
    </Flex>
  );
}

export function SchoolsTable({ schools, loading, pagination, canManage, onEdit }: Props) {
  const columns: TableColumnsType<School> = [
    {
      title: '学校名称',
      dataIndex: 'name',
      fixed: 'left',
      render: (_, s) => <Link to={`/schools/${s.id}`}>{s.name}</Link>,
    },
    { title: '学校标识码', dataIndex: 'code', width: 130 },
    { title: '类型', dataIndex: 'type', width: 110 },
    { title: '乡镇', dataIndex: 'townshipName', width: 120 },
    { title: '管理单位', dataIndex: 'unitName', width: 160 },
    {
      title: '班级',
      dataIndex: 'classCount',
      width: 80,
      align: 'right',
      render: (_, s) => <Link to={`/classes?schoolId=${s.id}`}>{formatNumber(s.classCount)}</Link>,
    },
    {
      title: '学生',
      dataIndex: 'studentCount',
      width: 90,
      align: 'right',
      render: (_, s) => <Link to={`/children?schoolId=${s.id}`}>{formatNumber(s.studentCount)}</Link>,
    },
    { title: '状态', dataIndex: 'active', width: 90, render: (_, s) => <ActiveTag active={s.active} /> },
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 130,
            render: (_: unknown, s: School) => <SchoolActions school={s} onEdit={onEdit} />,
          },
        ]
      : []),
  ];
  return (
    <Table<School>
      rowKey="id"
      columns={columns}
      dataSource={schools}
      loading={loading}
      scroll={{ x: true }}
      pagination={pagination}
      locale={{ emptyText: '没有符合条件的学校' }}
    />
  );
}
