import type { SnapshotDetail } from '@notoneless/shared';
import { Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';

type PreviewRow = { rowNo: number; cells: Record<string, string> };

/** The first rows of the file as written (header → cell); columns not imported are marked. */
export function PreviewTable({ detail }: { detail: SnapshotDetail }) {
  const columns = useMemo<TableColumnsType<PreviewRow>>(() => {
    const keyOf = new Map(detail.columns.map((c) => [c.header, c.key]));
    const headers = detail.columns.map((c) => c.header);
    for (const row of detail.previewRows) for (const h of Object.keys(row)) if (!headers.includes(h)) headers.push(h);
    return [
      { title: '行', dataIndex: 'rowNo', width: 56, fixed: 'left' },
      ...headers.map((h) => ({
        key: h,
        title: keyOf.get(h) ? (
          h
        ) : (
          <span>
            {h} <Tag style={{ marginInlineEnd: 0 }}>不导入</Tag>
          </span>
        ),
        render: (_: unknown, r: PreviewRow) => r.cells[h] ?? '',
      })),
    ];
  }, [detail.columns, detail.previewRows]);
  const rows = detail.previewRows.map((cells, i) => ({ rowNo: i + 1, cells }));

  return (
    <Card size="small" title="数据预览" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">文件的前 {rows.length} 行，按原样显示（行号从表头下第一行记为第 1 行）。</Typography.Paragraph>
      <Table<PreviewRow> rowKey="rowNo" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} />
    </Card>
  );
}
