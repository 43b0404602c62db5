import { Flex, Table, Tooltip, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import type { Key } from 'react';
import { Link } from 'react-router';
import { orDash } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { KeyGroupTags } from '../../children/components/key-group-tags';
import type { Finding } from '../api';
import { usePlaceNames } from '../hooks/use-place-names';
import { percentText } from '../labels';
import { CategoryTag, FindingStatusTag } from './finding-tags';

type Props = {
  items: Finding[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  /** row selection for bulk actions (only 待核实 rows can be chosen); undefined = none */
  selection?: { ids: string[]; onChange: (ids: string[], rows: Finding[]) => void };
};

const WRAP = () => ({ style: { whiteSpace: 'normal' as const } });

function Explanation({ text, lines = 1 }: { text: string; lines?: number }) {
  return (
    <Typography.Paragraph ellipsis={{ rows: lines, tooltip: { title: text, placement: 'topLeft' } }} style={{ margin: 0 }}>
      {text}
    </Typography.Paragraph>
  );
}

/** 比对结果: one row per finding, the name opening it side by side. */
export function FindingsTable({ items, loading, pagination, selection }: Props) {
  const isMobile = useIsMobile();
  const placeName = usePlaceNames(items);

  const columns: TableColumnsType<Finding> = [
    { title: '类别', dataIndex: 'category', width: 110, render: (_, f) => <CategoryTag category={f.category} /> },
    {
      title: '姓名',
      dataIndex: 'name',
      width: 100,
      render: (_, f) => <Link to={`/findings/${f.id}`}>{f.name}</Link>,
    },
    { title: '身份证号', dataIndex: 'idNumberMasked', width: 170, render: (_, f) => orDash(f.idNumberMasked) },
    { title: '学校/村', key: 'place', width: 170, render: (_, f) => placeName(f) },
    { title: '匹配方式', dataIndex: 'method', width: 110, render: (_, f) => orDash(f.method) },
    { title: '置信度', dataIndex: 'confidence', width: 76, align: 'right', render: (_, f) => percentText(f.confidence) },
    {
      title: '说明',
      dataIndex: 'explanation',
      width: 280,
      render: (_, f) => <Explanation text={f.explanation} />,
    },
    { title: '重点群体', dataIndex: 'keyGroups', width: 120, onCell: WRAP, render: (_, f) => <KeyGroupTags groups={f.keyGroups} /> },
    // the state of the work stays in view while the row scrolls sideways
    { title: '状态', dataIndex: 'status', width: 100, fixed: 'right', render: (_, f) => <FindingStatusTag status={f.status} /> },
  ];

  const mobileColumns: TableColumnsType<Finding> = [
    {
      title: '比对结果',
      key: 'finding',
      onCell: WRAP,
      render: (_, f) => (
        <Flex vertical gap={4}>
          <Flex justify="space-between" align="center" gap={8}>
            <CategoryTag category={f.category} />
            <FindingStatusTag status={f.status} />
          </Flex>
          <span>
            <Link to={`/findings/${f.id}`} style={{ fontWeight: 500 }}>
              {f.name}
            </Link>{' '}
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {f.idNumberMasked}
            </Typography.Text>
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {placeName(f)} · {orDash(f.method)} ·{' '}
            <Tooltip title="置信度">
              <span>{percentText(f.confidence)}</span>
            </Tooltip>
          </Typography.Text>
          <Explanation text={f.explanation} lines={2} />
          {f.keyGroups.length > 0 ? <KeyGroupTags groups={f.keyGroups} /> : null}
        </Flex>
      ),
    },
  ];

  return (
    <Table<Finding>
      rowKey="id"
      size="middle"
      columns={isMobile ? mobileColumns : columns}
      dataSource={items}
      loading={loading}
      scroll={isMobile ? undefined : { x: 'max-content' }}
      pagination={pagination}
      locale={{ emptyText: '没有符合条件的比对结果' }}
      rowSelection={
        selection
          ? {
              selectedRowKeys: selection.ids,
              preserveSelectedRowKeys: true,
              getCheckboxProps: (f) => ({ disabled: f.status !== 'open', 'aria-label': `选择${f.name}` }),
              onChange: (keys: Key[], rows: Finding[]) => selection.onChange(keys.map(String), rows),
            }
          : undefined
      }
    />
  );
}
