import type { Division } from '@notoneless/shared';
import { Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { serverPagination } from '../../../lib/table';
import { useDivisions } from '../api';
import { DivisionActions } from './division-actions';
import { DivisionTags } from './division-tags';
import { VillagesTable } from './villages-table';

type Props = {
  includeInactive: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  canManage: boolean;
  onEdit: (division: Division) => void;
  onAddVillage: (township: Division) => void;
};

/** Townships of the county; expand a row for its villages. */
export function TownshipsTable(props: Props) {
  const { includeInactive, page, pageSize, onPage, canManage, onEdit, onAddVillage } = props;
  const query = useDivisions({ level: 'township', includeInactive, page, pageSize });
  const columns: TableColumnsType<Division> = [
    { title: '区划代码', dataIndex: 'code', width: 130 },
    {
      title: '乡镇（街道）',
      dataIndex: 'name',
      render: (_, d) => (
        <>
          {d.name} <DivisionTags division={d} />
        </>
      ),
    },
    {
      title: '学校 / 儿童',
      key: 'links',
      width: 130,
      render: (_, d) => (
        <>
          <Link to={`/schools?townshipCode=${d.code}`}>学校</Link> · <Link to={`/children?townshipCode=${d.code}`}>儿童</Link>
        </>
      ),
    },
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 200,
            render: (_: unknown, d: Division) => <DivisionActions division={d} onEdit={onEdit} onAddChild={onAddVillage} />,
          },
        ]
      : []),
  ];
  return (
    <>
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Table<Division>
        rowKey="code"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        scroll={{ x: true }}
        pagination={serverPagination(page, pageSize, query.data?.total, onPage)}
        expandable={{
          expandedRowRender: (d) => (
            <VillagesTable townshipCode={d.code} includeInactive={includeInactive} canManage={canManage} onEdit={onEdit} />
          ),
        }}
        locale={{ emptyText: '暂无乡镇，可新增或导入' }}
      />
    </>
  );
}
