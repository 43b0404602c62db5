import { Alert, App, Modal, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../../lib/api';

type Props = {
  /** e.g. 「上报2026年10月月报」 */
  title: string;
  /** what is submitted: its unit and figures, and any warning */
  children: ReactNode;
  /** what the submission means (the figures are frozen…), shown last in grey */
  note: string;
  /** the success message */
  done: string;
  pending: boolean;
  send: () => Promise<unknown>;
  onClose: () => void;
};

/** Submit (上报) a 月报 — a school's to its 中心校, or a 中心校's 乡镇月报 to the county; a refusal is shown in the dialog. */
export function SubmitReportModal({ title, children, note, done, pending, send, onClose }: Props) {
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      open
      title={title}
      okText="确认上报"
      cancelText="取消"
      confirmLoading={pending}
      onCancel={onClose}
      onOk={async () => {
        setError(null);
        try {
          await send();
          message.success(done);
          onClose();
        } catch (e) {
          setError(errorMessage(e));
        }
      }}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {children}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {note}
      </Typography.Paragraph>
    </Modal>
  );
}
