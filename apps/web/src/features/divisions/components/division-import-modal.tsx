import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../lib/api';
import { formatNumber } from '../../../lib/format';
import { useImportDivisions, type DivisionImportResult, type ImportProblem } from '../api';

type Props = { open: boolean; onClose: () => void };

/** Upload a CSV/XLSX of 区划代码, 名称, 上级代码; show what was created, updated, and each problem row. */
export function DivisionImportModal({ open, onClose }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<DivisionImportResult | null>(null);
  const importer = useImportDivisions();

  const close = () => {
    setFile(null);
    setResult(null);
    importer.reset();
    onClose();
  };

  const start = () => {
    if (!file) return;
    setResult(null);
    importer.mutate(file, { onSuccess: setResult });
  };

  return (
    <Modal
      open={open}
      title="导入行政区划"
      onCancel={close}
      width={720}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={close}>
          {result ? '完成' : '取消'}
        </Button>,
        <Button key="go" type="primary" disabled={!file} loading={importer.isPending} onClick={start}>
          开始导入
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">
        支持 CSV 或 XLSX，第一行为表头，须包含列：<Typography.Text code>区划代码</Typography.Text>
        <Typography.Text code>名称</Typography.Text>
        <Typography.Text code>上级代码</Typography.Text>，可选列 <Typography.Text code>官方代码</Typography.Text>
        （填“否”或“自编”表示自编代码）。已存在的代码将更新名称；文件有任何问题时整份不导入。
      </Typography.Paragraph>
      <Upload.Dragger
        accept=".csv,.xlsx"
        maxCount={1}
        fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
        beforeUpload={(f) => {
          setFile(f);
          setResult(null);
          return false;
        }}
        onRemove={() => {
          setFile(null);
          setResult(null);
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或拖拽文件到此处</p>
      </Upload.Dragger>
      {importer.error ? (
        <>
          <Alert type="error" showIcon title={errorMessage(importer.error)} style={{ marginTop: 16, marginBottom: 12 }} />
          <ProblemsTable problems={problemsOf(importer.error)} />
        </>
      ) : null}
      {result ? <ImportResultView result={result} /> : null}
    </Modal>
  );
}

function ImportResultView({ result }: { result: DivisionImportResult }) {
  const summary = `新增 ${formatNumber(result.created)} 条，更新 ${formatNumber(result.updated)} 条`;
  return (
    <div style={{ marginTop: 16 }}>
      <Alert
        type={result.problems.length > 0 ? 'warning' : 'success'}
        showIcon
        title={result.problems.length > 0 ? `${summary}；${result.problems.length} 处问题未导入` : `导入完成：${summary}`}
        style={{ marginBottom: 12 }}
      />
      <ProblemsTable problems={result.problems} />
    </div>
  );
}

/** A refused file: the server names every problem row in `details.problems`. */
function problemsOf(error: unknown): ImportProblem[] {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return [];
  const problems = (error.details as { problems?: unknown }).problems;
  return Array.isArray(problems) ? (problems as ImportProblem[]) : [];
}

function ProblemsTable({ problems }: { problems: ImportProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <Table<ImportProblem>
      size="small"
      rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
      dataSource={problems}
      pagination={{ pageSize: 10, size: 'small' }}
      scroll={{ x: true }}
      columns={[
        { title: '行', dataIndex: 'row', width: 70 },
        { title: '列', dataIndex: 'column', width: 110 },
        { title: '问题', dataIndex: 'message' },
      ]}
    />
  );
}
