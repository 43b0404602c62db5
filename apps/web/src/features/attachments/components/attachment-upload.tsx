import { CameraOutlined, PlusOutlined } from '@ant-design/icons';
import { Flex, Typography, Upload, type UploadFile } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api';
import { attachmentUrl, isImage, uploadAttachment } from '../api';
import { blobStore, hasBlobStore } from '../blob-store';
import { forget, isNetworkError, keepLocally, randomKey, type LocalAttachment } from '../local-attachments';

type Props = {
  /** injected by Form.Item */
  id?: string;
  value?: LocalAttachment[];
  onChange?: (value: LocalAttachment[]) => void;
  /** open the phone's camera directly (home visits) */
  camera?: boolean;
  /** the case the files belong to (the server scopes them by it) */
  caseId?: string;
  max?: number;
};

const MAX_BYTES = 10 * 1024 * 1024;
const STATUS: Record<LocalAttachment['state'], UploadFile['status']> = {
  uploading: 'uploading',
  done: 'done',
  pending: 'done',
  error: 'error',
};

/**
 * Photos and scans of an action. Each file is uploaded as soon as it is chosen; without a network it stays on the
 * phone (IndexedDB) marked 「待上传」 and is sent with the form later.
 */
export function AttachmentUpload({ id, value = [], onChange, camera = false, caseId, max = 20 }: Props) {
  const latest = useRef(value);
  latest.current = value;
  const [previews, setPreviews] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);

  const set = (next: LocalAttachment[]) => {
    latest.current = next;
    onChange?.(next);
  };
  const patch = (uid: string, change: Partial<LocalAttachment>) =>
    set(latest.current.map((item) => (item.uid === uid ? { ...item, ...change } : item)));

  // files kept on the phone from an earlier visit of the form: show them again
  const pendingKey = value
    .filter((i) => i.state === 'pending')
    .map((i) => i.uid)
    .join(',');
  useEffect(() => {
    if (!pendingKey || !hasBlobStore()) return;
    let cancelled = false;
    const made: string[] = [];
    void (async () => {
      for (const uid of pendingKey.split(',')) {
        const stored = await blobStore.get(uid).catch(() => undefined);
        if (cancelled || !stored) continue;
        const url = URL.createObjectURL(stored.blob);
        made.push(url);
        setPreviews((p) => (p[uid] ? p : { ...p, [uid]: url }));
      }
    })();
    return () => {
      cancelled = true;
      made.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [pendingKey]);

  const add = async (file: File) => {
    setNotice(null);
    if (file.size > MAX_BYTES) {
      setNotice(`「${file.name}」超过 10 MB，请压缩后再上传`);
      return;
    }
    const uid = randomKey(8);
    const name = file.name || `照片-${uid}.jpg`;
    setPreviews((p) => ({ ...p, [uid]: URL.createObjectURL(file) }));
    set([...latest.current, { uid, name, mime: file.type, size: file.size, state: 'uploading' }]);
    const kept = await keepLocally(uid, file, name);
    try {
      const ref = await uploadAttachment(file, name, caseId);
      await forget(uid);
      patch(uid, { id: ref.id, state: 'done' });
    } catch (e) {
      if (isNetworkError(e) && kept) {
        patch(uid, { state: 'pending' });
        setNotice('网络不通：照片已保存在本机，提交时自动上传');
      } else if (isNetworkError(e)) {
        patch(uid, { state: 'error', error: '网络不通，且本机无法暂存照片：请恢复网络后重新添加' });
      } else {
        await forget(uid);
        patch(uid, { state: 'error', error: e instanceof ApiError ? e.message : '上传失败' });
      }
    }
  };

  const fileList: UploadFile[] = value.map((item) => {
    const url = item.id ? attachmentUrl(item.id) : previews[item.uid];
    return {
      uid: item.uid,
      name: item.state === 'pending' ? `待上传：${item.name}` : item.name,
      status: STATUS[item.state],
      type: item.mime,
      url,
      thumbUrl: isImage(item.mime) ? (previews[item.uid] ?? url) : undefined,
      response: item.error,
      error: item.error ? new Error(item.error) : undefined,
    };
  });

  return (
    <Flex vertical gap={4}>
      <Upload
        id={id}
        listType="picture-card"
        multiple={!camera}
        accept={camera ? 'image/*' : 'image/jpeg,image/png,image/webp,image/heic,application/pdf'}
        capture={camera ? 'environment' : undefined}
        fileList={fileList}
        beforeUpload={(file) => {
          void add(file);
          return Upload.LIST_IGNORE;
        }}
        onRemove={(file) => {
          void forget(file.uid);
          set(latest.current.filter((i) => i.uid !== file.uid));
          return true;
        }}
        showUploadList={{ showPreviewIcon: false }}
      >
        {value.length >= max ? null : (
          <Flex vertical align="center" gap={4}>
            {camera ? <CameraOutlined style={{ fontSize: 20 }} /> : <PlusOutlined />}
            <span style={{ fontSize: 12 }}>{camera ? '拍照' : '添加照片/扫描件'}</span>
          </Flex>
        )}
      </Upload>
      {notice ? (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {notice}
        </Typography.Text>
      ) : null}
      {value.some((i) => i.state === 'error') ? (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {value
            .filter((i) => i.state === 'error')
            .map((i) => `${i.name}：${i.error ?? '上传失败'}`)
            .join('；')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
