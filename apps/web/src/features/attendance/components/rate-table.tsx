import type { AttendanceRateRow } from '@notoneless/shared';
import { Table, Typography } from 'antd';
import { formatNumber } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { formatRate } from '../format';

type Props = { rows: AttendanceRateRow[]; firstColumn: string; onPick?: (row: AttendanceRateRow) => void };

/** Rates as a table: on phones only the name, the rate and the absences (no sideways scrolling). */
export function RateTable({ rows, firstColumn, onPick }: Props) {
  const isMobile = useIsMobile();
  const name = (r: AttendanceRateRow) => (onPick ? <Typography.Link onClick={() => onPick(r)}>{r.label}</Typography.Link> : r.label);
  return (
    <Table<AttendanceRateRow>
      rowKey="key"
      size="small"
      tableLayout={isMobile ? 'fixed' : undefined}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
      locale={{ emptyText: '暂无数据' }}
      columns={
        isMobile
          ? [
              { title: firstColumn, key: 'label', ellipsis: true, render: (_, r) => name(r) },
              { title: '已报', key: 'reported', width: 58, render: (_, r) => `${r.reported}/${r.classes}` },
              { title: '缺勤', dataIndex: 'absent', width: 48, align: 'right' },
              { title: '出勤率', key: 'rate', width: 66, align: 'right', render: (_, r) => formatRate(r.rate) },
            ]
          : [
              { title: firstColumn, key: 'label', render: (_, r) => name(r) },
              { title: '班级数', dataIndex: 'classes', align: 'right' },
              { title: '已上报', dataIndex: 'reported', align: 'right' },
              { title: '应到', dataIndex: 'enrolled', align: 'right', render: (v: number) => formatNumber(v) },
              { title: '实到', dataIndex: 'present', align: 'right', render: (v: number) => formatNumber(v) },
              { title: '缺勤', dataIndex: 'absent', align: 'right' },
              { title: '无故缺勤', dataIndex: 'unexplained', align: 'right' },
              {
                title: '出勤率',
                key: 'rate',
                align: 'right',
                sorter: (a, b) => (a.rate ?? 2) - (b.rate ?? 2),
                render: (_, r) => formatRate(r.rate),
              },
            ]
      }
    />
  );
}
