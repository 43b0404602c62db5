import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../../lib/api';
import { attachmentUrl, type AttachmentRef } from '../../attachments/api';

/** The server's limit (attachments.service: 10 MB). */
const MAX_BYTES = 10 * 1024 * 1024;
/** Photos and PDF scans, the kinds the server accepts. */
export const DOCUMENT_ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,application/pdf';

/** Upload one file (multipart: `caseId` first when known, then `file`). */
function upload(file: File, caseId: string | undefined): Promise<AttachmentRef> {
  const form = new FormData();
  if (caseId) form.append('caseId', caseId);
  form.append('file', file, file.name);
  return api.upload<AttachmentRef>('/api/attachments', form);
}

type Props = {
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** how many files at most (1 for a single document) */
  max?: number;
  /** e.g. image/* to open the phone's camera or gallery */
  accept?: string;
  buttonText?: string;
  /** the case the files belong to (kept with them, and checked to be in scope) */
  caseId?: string;
};

/**
 * Attachments of a form (photos, scans): each file is uploaded at once and the form keeps only the ids.
 * A form field: `value` / `onChange` carry the ids.
 */
export function AttachmentField({ value, onChange, max = 20, accept = DOCUMENT_ACCEPT, buttonText = '上传附件', caseId }: Props) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<AttachmentRef[]>([]);
  const [uploading, setUploading] = useState(false);
  const ids = value ?? [];
  const shown = files.filter((f) => ids.includes(f.id));

  const add = async (file: File) => {
    if (file.size > MAX_BYTES) {
      message.error(`「${file.name}」超过 10 MB，请压缩后再上传`);
      return;
    }
    setUploading(true);
    try {
      const uploaded = await upload(file, caseId);
      setFiles((prev) => [...prev, uploaded]);
      onChange?.(max === 1 ? [uploaded.id] : [...ids, uploaded.id].slice(0, max));
    } catch (e) {
      message.error(`「${file.name}」上传失败：${errorMessage(e)}`);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Flex vertical gap={4}>
      <Upload
        accept={accept}
        multiple={max > 1}
        showUploadList={false}
        beforeUpload={(file) => {
          void add(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={uploading} disabled={max > 1 && ids.length >= max}>
          {buttonText}
        </Button>
      </Upload>
      {shown.map((f) => (
        <Flex key={f.id} gap={8} align="center" style={{ minWidth: 0 }}>
          <PaperClipOutlined />
          <Typography.Link href={attachmentUrl(f.id)} target="_blank" ellipsis style={{ maxWidth: 220 }}>
            {f.fileName}
          </Typography.Link>
          <Button type="link" size="small" danger onClick={() => onChange?.(ids.filter((id) => id !== f.id))}>
            移除
          </Button>
        </Flex>
      ))}
      {ids.length > shown.length ? <Typography.Text type="secondary">另有 {ids.length - shown.length} 个已上传文件</Typography.Text> : null}
    </Flex>
  );
}

type SingleProps = Omit<Props, 'value' | 'onChange' | 'max'> & { value?: string; onChange?: (id: string | undefined) => void };

/** One document (a court ruling, a guardian's application): the field holds one id or nothing. */
export function SingleAttachmentField({ value, onChange, ...rest }: SingleProps) {
  return <AttachmentField {...rest} max={1} value={value ? [value] : []} onChange={(ids) => onChange?.(ids[0])} />;
}
