import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { errorMessage, type QueryParams } from '../lib/api';
import { downloadFile } from '../lib/download';

type Props = {
  /** the export route, e.g. /api/leaves/export */
  path: string;
  /** the filters on screen (the export applies the same ones) */
  query?: QueryParams;
  /** the file name when the server sends none */
  fileName: string;
  label?: string;
};

/** 导出 XLSX of a list with the filters on screen (product.md: every list exports to XLSX; the server audits it). */
export function ExportButton({ path, query = {}, fileName, label = '导出 XLSX' }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await downloadFile(path, query, fileName);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void onClick()}>
      {label}
    </Button>
  );
}
