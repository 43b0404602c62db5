import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import type { CaseDetail } from '@notoneless/shared';
import { App, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api';
import { documentPrintUrl, downloadCaseDocument, type CaseDocumentKind } from '../api';
import { CASE_DOCUMENTS } from '../labels';

/** The documents that make sense now: DOCX to download, or the A4 print page in a new tab. */
export function CaseDocumentsCard({ detail }: { detail: CaseDetail }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<CaseDocumentKind | null>(null);
  const docs = CASE_DOCUMENTS.filter((d) => d.when(detail));
  const download = async (kind: CaseDocumentKind, title: string) => {
    setBusy(kind);
    try {
      await downloadCaseDocument(detail.id, kind, `${title}-${detail.name}.docx`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card size="small" title="文书" style={{ marginBottom: 16 }}>
      <Flex vertical gap={8}>
        {docs.map((d) => (
          <Flex key={d.kind} justify="space-between" align="center" gap={8} wrap>
            <Typography.Text>{d.title}</Typography.Text>
            <Flex gap={4}>
              <Button
                size="small"
                icon={<DownloadOutlined />}
                loading={busy === d.kind}
                onClick={() => void download(d.kind, d.title)}
                aria-label={`下载${d.title}`}
              >
                DOCX
              </Button>
              <Button
                size="small"
                icon={<PrinterOutlined />}
                href={documentPrintUrl(detail.id, d.kind)}
                target="_blank"
                rel="noreferrer"
                aria-label={`打印${d.title}`}
              >
                打印
              </Button>
            </Flex>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
