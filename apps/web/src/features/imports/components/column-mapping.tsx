import type { SnapshotDetail } from '@notoneless/shared';
import { Button, Card, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useIsMobile } from '../../../lib/use-is-mobile';
import type { MappingOverrides } from '../api';

const SKIP = '__skip__';

type Row = { header: string; key: string | null; label: string | null; sample: string };

type Props = {
  detail: SnapshotDetail;
  /** the uploader (or the county) may still change the mapping */
  editable: boolean;
  applying: boolean;
  onApply: (overrides: MappingOverrides) => void;
};

/**
 * Each header as written in the file → the column it was recognised as. Unrecognised headers (kept aside, not imported)
 * and, while a required column is missing, every header can be pointed at a column; 「应用列对应」 re-reads the file.
 * Give it `key` = the mapping, so a new mapping from the server starts a fresh draft.
 */
export function ColumnMapping({ detail, editable, applying, onApply }: Props) {
  const isMobile = useIsMobile();
  const original = useMemo(() => Object.fromEntries(detail.columns.map((c) => [c.header, c.key])), [detail.columns]);
  const [draft, setDraft] = useState<MappingOverrides>(original);
  const changed = Object.fromEntries(Object.entries(draft).filter(([header, key]) => original[header] !== key));
  const anyChanged = Object.keys(changed).length > 0;
  const missing = detail.missingColumns.length > 0;
  const options = useMemo(
    () => [{ value: SKIP, label: '不导入' }, ...detail.availableColumns.map((c) => ({ value: c.key, label: c.label }))],
    [detail.availableColumns],
  );
  const labelOf = useMemo(() => new Map(detail.availableColumns.map((c) => [c.key, c.label])), [detail.availableColumns]);
  const first = detail.previewRows[0] ?? {};
  const rows: Row[] = detail.columns.map((c) => ({ ...c, sample: first[c.header] ?? '' }));
  const selectable = (row: Row) => editable && (row.key === null || missing || original[row.header] !== draft[row.header]);
  const used = new Map<string, string[]>();
  for (const [header, key] of Object.entries(draft)) if (key) used.set(key, [...(used.get(key) ?? []), header]);

  const columns: TableColumnsType<Row> = [
    { title: '文件中的列', dataIndex: 'header', render: (_, r) => <Typography.Text strong>{r.header}</Typography.Text> },
    {
      title: '对应为',
      dataIndex: 'key',
      width: 220,
      render: (_, r) => {
        const key = draft[r.header] ?? null;
        if (selectable(r)) {
          const duplicate = key !== null && (used.get(key)?.length ?? 0) > 1;
          return (
            <Select
              aria-label={`「${r.header}」对应的列`}
              style={{ width: 180 }}
              value={key ?? SKIP}
              options={options}
              status={duplicate ? 'warning' : undefined}
              onChange={(value: string) => setDraft((d) => ({ ...d, [r.header]: value === SKIP ? null : value }))}
            />
          );
        }
        return key ? <Tag color="green">{labelOf.get(key) ?? r.label ?? key}</Tag> : <Tag>不导入</Tag>;
      },
    },
    {
      title: '第 1 行的值',
      dataIndex: 'sample',
      render: (_, r) => <Typography.Text type="secondary">{r.sample || '（空）'}</Typography.Text>,
    },
  ];

  const canEdit = rows.some(selectable);
  const duplicates = [...used.entries()].filter(([, headers]) => headers.length > 1);
  return (
    <Card size="small" title="列对应" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        按表头识别各列；未识别的列不导入（保留在原文件中）。
        {canEdit ? '请在「对应为」中选择文件里的列对应哪一项，然后点击「应用列对应」，系统将按新的对应重新读取文件。' : null}
      </Typography.Paragraph>
      <Table<Row> rowKey="header" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: true }} />
      {canEdit ? (
        <Flex gap={12} align="center" wrap style={{ marginTop: 12 }} vertical={isMobile}>
          <Button
            type="primary"
            block={isMobile}
            disabled={!anyChanged || duplicates.length > 0}
            loading={applying}
            onClick={() => onApply(changed)}
          >
            应用列对应
          </Button>
          {anyChanged ? (
            <Button block={isMobile} disabled={applying} onClick={() => setDraft(original)}>
              撤销修改
            </Button>
          ) : null}
          {duplicates.length > 0 ? (
            <Typography.Text type="warning">
              {duplicates
                .map(([key, headers]) => `${headers.map((h) => `「${h}」`).join('、')}都对应为「${labelOf.get(key) ?? key}」`)
                .join('；')}
              ，每列只能对应一次
            </Typography.Text>
          ) : null}
        </Flex>
      ) : null}
    </Card>
  );
}
