import type { SchoolClass } from '@notoneless/shared';
import { App, Button, Flex, Table, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import { ActiveTag } from '../../../components/active-tag';
import { ToggleActiveButton } from '../../../components/toggle-active-button';
import { errorMessage } from '../../../lib/api';
import { formatNumber, orDash } from '../../../lib/format';
import { gradeLabel, schoolYearLabel } from '../../../lib/labels';
import { useUpdateClass } from '../api';

type Props = {
  classes: SchoolClass[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig | false;
  canManage: boolean;
  showSchool?: boolean;
  onEdit: (schoolClass: SchoolClass) => void;
};

function ClassActions({ schoolClass, onEdit }: { schoolClass: SchoolClass; onEdit: (c: SchoolClass) => void }) {
  const update = useUpdateClass();
  const { message } = App.useApp();
  return (
    <Flex wrap>
      <Button type="link" size="small" onClick={() => onEdit(schoolClass)}>
        编辑
      </Button>
      <ToggleActiveButton
        active={schoolClass.active}
        name={schoolClass.name}
        loading={update.isPending}
        onToggle={(active) =>
          update.mutate(
            { id: schoolClass.id, input: { active } },
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

export function ClassesTable({ classes, loading, pagination, canManage, showSchool = true, onEdit }: Props) {
  const columns: TableColumnsType<SchoolClass> = [
    { title: '班级', dataIndex: 'name', fixed: 'left' },
    { title: '年级', dataIndex: 'grade', width: 90, render: (_, c) => gradeLabel(c.grade) },
    ...(showSchool
      ? [
          {
            title: '学校',
            dataIndex: 'schoolName',
            render: (_: unknown, c: SchoolClass) => <Link to={`/schools/${c.schoolId}`}>{c.schoolName}</Link>,
          },
        ]
      : []),
    { title: '学年', dataIndex: 'schoolYear', width: 140, render: (_, c) => schoolYearLabel(c.schoolYear) },
    { title: '班主任', dataIndex: 'headTeacherName', width: 110, render: (_, c) => orDash(c.headTeacherName) },
    {
      title: '学生',
      dataIndex: 'studentCount',
      width: 80,
      align: 'right',
      render: (_, c) => <Link to={`/children?schoolId=${c.schoolId}&classId=${c.id}`}>{formatNumber(c.studentCount)}</Link>,
    },
    { title: '状态', dataIndex: 'active', width: 90, render: (_, c) => <ActiveTag active={c.active} /> },
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 130,
            render: (_: unknown, c: SchoolClass) => <ClassActions schoolClass={c} onEdit={onEdit} />,
          },
        ]
      : []),
  ];
  return (
    <Table<SchoolClass>
      rowKey="id"
      columns={columns}
      dataSource={classes}
      loading={loading}
      scroll={{ x: true }}
      pagination={pagination}
      locale={{ emptyText: '没有符合条件的班级' }}
    />
  );
}
