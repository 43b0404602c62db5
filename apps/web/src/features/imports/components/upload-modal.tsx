import { InboxOutlined } from '@ant-design/icons';
import { REGISTRY_KIND_LABELS, type RegistryKindName } from '@notoneless/shared';
import { Alert, Button, Flex, Form, Modal, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/api';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useUpload } from '../api';

/** What the dialog opens with: the card's registry and school, or nothing chosen yet. */
export type UploadPreset = { kind?: RegistryKindName; schoolId?: string };

type Props = {
  /** undefined = closed */
  preset: UploadPreset | undefined;
  kinds: RegistryKindName[];
  schools: { id: string; name: string }[];
  onClose: () => void;
};

/**
 * Choose the registry (and, for a school's roster, the school), drop a CSV or XLSX, upload. The server keeps the file
 * aside and reads it; the preview page follows the reading and asks for confirmation.
 */
export function UploadModal({ preset, kinds, schools, onClose }: Props) {
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const upload = useUpload();
  const [kind, setKind] = useState<RegistryKindName | undefined>(preset?.kind ?? (kinds.length === 1 ? kinds[0] : undefined));
  const [schoolId, setSchoolId] = useState<string | undefined>(preset?.schoolId ?? (schools.length === 1 ? schools[0].id : undefined));
  const [file, setFile] = useState<File | null>(null);
  // a school admin's roster belongs to one of their schools; the county loads a county-wide roster
  const needsSchool = kind === 'roster' && schools.length > 0;
  const ready = Boolean(kind && file && (!needsSchool || schoolId));

  const start = () => {
    if (!kind || !file) return;
    upload.mutate(
      { kind, schoolId: needsSchool ? schoolId : undefined, file },
      {
        onSuccess: (detail) => {
          onClose();
          void navigate(`/imports/${detail.id}`);
        },
      },
    );
  };

  return (
    <Modal
      open={preset !== undefined}
      title="上传登记数据"
      onCancel={onClose}
      width={640}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="flex-end" vertical={isMobile}>
          <Button block={isMobile} onClick={onClose}>
            取消
          </Button>
          <Button type="primary" block={isMobile} disabled={!ready} loading={upload.isPending} onClick={start}>
            上传并预览
          </Button>
        </Flex>
      }
    >
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label="数据类别" required>
          <Select<RegistryKindName>
            value={kind}
            placeholder="选择要导入的登记数据"
            options={kinds.map((k) => ({ value: k, label: REGISTRY_KIND_LABELS[k] }))}
            onChange={(value) => {
              setKind(value);
              upload.reset();
            }}
          />
        </Form.Item>
        {needsSchool ? (
          <Form.Item label="学校" required>
            <Select
              value={schoolId}
              placeholder="选择学校"
              options={schools.map((s) => ({ value: s.id, label: s.name }))}
              onChange={(value: string) => setSchoolId(value)}
            />
          </Form.Item>
        ) : null}
        <Form.Item label="文件" required style={{ marginBottom: 8 }}>
          <Upload.Dragger
            accept=".csv,.xlsx"
            maxCount={1}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            beforeUpload={(f) => {
              setFile(f);
              upload.reset();
              return false;
            }}
            onRemove={() => {
              setFile(null);
              upload.reset();
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖拽文件到此处</p>
            <p className="ant-upload-hint">CSV（UTF-8 或 GBK/GB18030）或 XLSX（第一个工作表），第一行为表头</p>
          </Upload.Dragger>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        上传后先预览：可核对列对应、查看有问题的行，确认后才会替换当前使用的版本。
        {kind === 'roster' && needsSchool ? '名册中只能包含本校的学生。' : null}
      </Typography.Paragraph>
      {upload.error ? <Alert type="error" showIcon title={errorMessage(upload.error)} style={{ marginTop: 16 }} /> : null}
    </Modal>
  );
}
