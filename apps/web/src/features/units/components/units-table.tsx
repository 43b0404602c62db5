import { UNIT_KIND_LABELS, type Unit } from '@notoneless/shared';
import { App, Button, Flex, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { ActiveTag } from '../../../components/active-tag';
import { ToggleActiveButton } from '../../../components/toggle-active-button';
import { errorMessage } from '../../../lib/api';
import { formatNumber, orDash } from '../../../lib/format';
import { useUpdateUnit } from '../api';

type Props = {
  units: Unit[] | undefined;
  loading: boolean;
  canManage: boolean;
  onEdit: (unit: Unit) => void;
};

function UnitActions({ unit, onEdit }: { unit: Unit; onEdit: (unit: Unit) => void }) {
  const update = useUpdateUnit();
  const { message } = App.useApp();
  return (
    <Flex wrap>
      <Button type="link" size="small" onClick={() => onEdit(unit)}>
        编辑
      </Button>
      {unit.kind === 'bureau' ? null : (
        <ToggleActiveButton
          active={unit.active}
          name={unit.name}
          loading={update.isPending}
          onToggle={(active) =>
            update.mutate(
              { id: unit.id, input: { active } },
              {
                onSuccess: () => message.success(active ? '已启用' : '已停用'),
                onError: (e) => message.error(errorMessage(e)),
              },
            )
          }
        />
      )}
    </Flex>
  );
}

export function UnitsTable({ units, loading, canManage, onEdit }: Props) {
  const columns: TableColumnsType<Unit> = [
    { title: '名称', dataIndex: 'name' },
    { title: '类型', dataIndex: 'kind', width: 170, render: (_, u) => UNIT_KIND_LABELS[u.kind] },
    { title: '所在乡镇', dataIndex: 'townshipName', width: 140, render: (_, u) => orDash(u.townshipName) },
    {
      title: '学校数',
      dataIndex: 'schoolCount',
      width: 90,
      align: 'right',
      render: (_, u) => <Link to={`/schools?unitId=${u.id}`}>{formatNumber(u.schoolCount)}</Link>,
    },
    { title: '状态', dataIndex: 'active', width: 90, render: (_, u) => <ActiveTag active={u.active} /> },
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 140,
            render: (_: unknown, u: Unit) => <UnitActions unit={u} onEdit={onEdit} />,
          },
        ]
      : []),
  ];
  return (
    <Table<Unit>
      rowKey="id"
      columns={columns}
      dataSource={units}
      loading={loading}
      scroll={{ x: true }}
      pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (n) => `共 ${formatNumber(n)} 个`, size: 'small' }}
    />
  );
}
