import { DownloadOutlined } from '@ant-design/icons';
import type { ImportProblemDto, SnapshotDetail } from '@notoneless/shared';
import { App, Button, Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api';
import { formatNumber } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { downloadProblems } from '../api';

const SEVERITY = {
  rejected: { label: '拒绝', color: 'red' },
  warning: { label: '警告', color: 'orange' },
} as const;

type Row = ImportProblemDto & { seq: number };

const columns: TableColumnsType<Row> = [
  { title: '行', dataIndex: 'row', width: 90, render: (_, p) => `第 ${formatNumber(p.row)} 行` },
  { title: '列', dataIndex: 'column', width: 130 },
  {
    title: '类型',
    dataIndex: 'severity',
    width: 80,
    filters: [
      { text: '拒绝', value: 'rejected' },
      { text: '警告', value: 'warning' },
    ],
    onFilter: (value, p) => p.severity === value,
    render: (_, p) => <Tag color={SEVERITY[p.severity].color}>{SEVERITY[p.severity].label}</Tag>,
  },
  { title: '说明', dataIndex: 'message' },
];

/**
 * Rejected rows (not imported: no 姓名, no 学校标识码…) and warnings (imported, compared, may become findings), with
 * the file's row number and column; the full list as XLSX (the original sheet with a column of problems).
 */
export function ProblemsTable({ detail }: { detail: SnapshotDetail }) {
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [downloading, setDownloading] = useState(false);
  const rows = detail.problems.map((p, seq) => ({ ...p, seq }));
  const shown = detail.problems.length;

  const onDownload = async () => {
    setDownloading(true);
    try {
      await downloadProblems(detail);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Card
      size="small"
      title={`问题（${formatNumber(detail.problemsTotal)} 条）`}
      extra={
        detail.abilities.downloadProblems && !isMobile ? (
          <Button size="small" icon={<DownloadOutlined />} loading={downloading} onClick={() => void onDownload()}>
            下载问题清单（XLSX）
          </Button>
        ) : null
      }
      style={{ marginBottom: 16 }}
    >
      {detail.problemsTotal === 0 ? (
        <Typography.Text type="secondary">没有发现问题。</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            「拒绝」的行无法描述一名儿童（如缺少姓名），不会导入；「警告」的行照常导入并参与比对，可能成为比对发现。
            {detail.problemsTotal > shown ? `这里列出前 ${formatNumber(shown)} 条，完整清单请下载。` : null}
          </Typography.Paragraph>
          {detail.abilities.downloadProblems && isMobile ? (
            <Button block icon={<DownloadOutlined />} loading={downloading} onClick={() => void onDownload()} style={{ marginBottom: 12 }}>
              下载问题清单（XLSX）
            </Button>
          ) : null}
          <Table<Row>
            rowKey="seq"
            size="small"
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 10, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
            scroll={{ x: true }}
          />
        </>
      )}
    </Card>
  );
}
