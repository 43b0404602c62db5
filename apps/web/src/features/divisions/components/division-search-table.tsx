import { DIVISION_LEVEL_LABELS, type Division } from '@notoneless/shared';
import { Table, type TableColumnsType } from 'antd';
import { QueryError } from '../../../components/query-error';
import { serverPagination } from '../../../lib/table';
import { useDivisions } from '../api';
import { DivisionActions } from './division-actions';
import { DivisionTags } from './division-tags';

type Props = {
  q: string;
  includeInactive: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  canManage: boolean;
  onEdit: (division: Division) => void;
};

/** Search results across townships and villages, flat. */
export function DivisionSearchTable({ q, includeInactive, page, pageSize, onPage, canManage, onEdit }: Props) {
  const query = useDivisions({ q, includeInactive, page, pageSize });
  const columns: TableColumnsType<Division> = [
    { title: '区划代码', dataIndex: 'code', width: 150 },
    {
      title: '名称',
      dataIndex: 'name',
      render: (_, d) => (
        <>
          {d.name} <DivisionTags division={d} />
        </>
      ),
    },
    { title: '级别', dataIndex: 'level', width: 120, render: (_, d) => DIVISION_LEVEL_LABELS[d.level] },
    { title: '上级代码', dataIndex: 'parentCode', width: 150 },
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 150,
            render: (_: unknown, d: Division) => (d.level === 'county' ? null : <DivisionActions division={d} onEdit={onEdit} />),
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
        locale={{ emptyText: '没有找到匹配的区划' }}
      />
    </>
  );
}
