import type { Division } from '@notoneless/shared';
import { Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { useDivisions } from '../api';
import { DivisionActions } from './division-actions';
import { DivisionTags } from './division-tags';

type Props = {
  townshipCode: string;
  includeInactive: boolean;
  canManage: boolean;
  onEdit: (division: Division) => void;
};

/** The villages of one township, shown when its row is expanded. */
export function VillagesTable({ townshipCode, includeInactive, canManage, onEdit }: Props) {
  const query = useDivisions({ level: 'village', parentCode: townshipCode, includeInactive, pageSize: 200 });
  const columns: TableColumnsType<Division> = [
    { title: '区划代码', dataIndex: 'code', width: 150 },
    {
      title: '村（社区）',
      dataIndex: 'name',
      render: (_, d) => (
        <>
          {d.name} <DivisionTags division={d} />
        </>
      ),
    },
    {
      title: '儿童',
      key: 'children',
      width: 90,
      render: (_, d) => <Link to={`/children?townshipCode=${townshipCode}&villageCode=${d.code}`}>查看</Link>,
    },
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 150,
            render: (_: unknown, d: Division) => <DivisionActions division={d} onEdit={onEdit} />,
          },
        ]
      : []),
  ];
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<Division>
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={query.data?.items}
      loading={query.isFetching}
      pagination={false}
      scroll={{ x: true }}
      locale={{ emptyText: '暂无村（社区）' }}
    />
  );
}
