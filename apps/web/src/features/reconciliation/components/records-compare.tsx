import { Table, Tooltip, Typography, theme, type TableColumnsType } from 'antd';
import type { FindingRecord } from '../api';

/** Headers that name the same field in different registries: one row side by side (the server's `differing` labels). */
const FIELDS: { label: string; headers: string[] }[] = [
  { label: '姓名', headers: ['姓名'] },
  { label: '性别', headers: ['性别'] },
  { label: '出生日期', headers: ['出生日期'] },
  { label: '身份证号', headers: ['公民身份号码', '身份证件号', '身份证号', '身份证号码', '证件号码'] },
  { label: '学籍号', headers: ['学籍号'] },
];
const FIELD_OF = new Map(FIELDS.flatMap((f) => f.headers.map((h) => [h, f.label] as const)));

type Row = { key: string; label: string; values: (string | undefined)[]; differs: boolean };

/** Rows = the compared fields first, then every other header in the order the records show them. */
export function compareRows(records: FindingRecord[], differing: string[]): Row[] {
  const rows: Row[] = FIELDS.map((f) => ({
    key: f.label,
    label: f.label,
    values: records.map((r) => f.headers.map((h) => r.cells[h]).find((v) => v !== undefined && v !== '')),
    differs: differing.includes(f.label),
  })).filter((r) => r.values.some((v) => v !== undefined));
  const seen = new Set<string>();
  for (const record of records) {
    for (const header of Object.keys(record.cells)) {
      if (FIELD_OF.has(header) || seen.has(header)) continue;
      seen.add(header);
      rows.push({ key: `h:${header}`, label: header, values: records.map((r) => r.cells[header]), differs: false });
    }
  }
  return rows;
}

/** The registry rows of a finding side by side, one column per record; fields that differ in orange. */
export function RecordsCompare({ records, differing }: { records: FindingRecord[]; differing: string[] }) {
  const { token } = theme.useToken();
  if (records.length === 0) {
    return <Typography.Text type="secondary">没有可对照的登记记录（原始数据可能已被新导入的版本替代）。</Typography.Text>;
  }
  const highlight = { background: token.colorWarningBg, color: token.colorWarningText, fontWeight: 500 };
  const columns: TableColumnsType<Row> = [
    {
      title: '项目',
      dataIndex: 'label',
      fixed: 'left',
      width: 96,
      onCell: (r) => ({ style: r.differs ? highlight : { color: token.colorTextSecondary } }),
      render: (_, r) => (r.differs ? <Tooltip title="各份数据不一致">{r.label}</Tooltip> : r.label),
    },
    ...records.map((record, i): TableColumnsType<Row>[number] => ({
      key: `r${i}`,
      title: (
        <div>
          <div>{record.kindLabel}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {record.fileName} · 第 {record.rowNo} 行
          </Typography.Text>
        </div>
      ),
      width: 190,
      onCell: (r) => ({ style: r.differs ? highlight : undefined }),
      render: (_, r) => r.values[i] ?? <Typography.Text type="secondary">—</Typography.Text>,
    })),
  ];
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      bordered
      columns={columns}
      dataSource={compareRows(records, differing)}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}
