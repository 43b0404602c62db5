import { Alert, App, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api';

export type ReviewDecision = 'return' | 'accept';

type Props = {
  decision: ReviewDecision;
  /** what is reviewed, e.g. 「某校 2026年10月月报（第 1 版）」 */
  subject: string;
  /** the words of an acceptance: its title, button and success message (a return is always 退回) */
  accept: { title: string; ok: string; done: string; commentLabel: string; placeholder: string };
  returnTitle: string;
  returnDone: string;
  returnPlaceholder: string;
  pending: boolean;
  send: (body: { decision: ReviewDecision; comment: string }) => Promise<unknown>;
  onClose: () => void;
};

/** Return (with a required reason) or accept (with an optional comment) a 月报 — a school's or a 中心校's. */
export function ReviewDecisionModal({
  decision,
  subject,
  accept,
  returnTitle,
  returnDone,
  returnPlaceholder,
  pending,
  send,
  onClose,
}: Props) {
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const returning = decision === 'return';
  return (
    <Modal
      open
      title={returning ? returnTitle : accept.title}
      okText={returning ? '确认退回' : accept.ok}
      okButtonProps={{ danger: returning }}
      cancelText="取消"
      confirmLoading={pending}
      onCancel={onClose}
      onOk={async () => {
        setError(null);
        if (returning && !comment.trim()) {
          setError('退回时请写明原因');
          return;
        }
        try {
          await send({ decision, comment: comment.trim() });
          message.success(returning ? returnDone : accept.done);
          onClose();
        } catch (e) {
          setError(errorMessage(e));
        }
      }}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph>{subject}</Typography.Paragraph>
      <Input.TextArea
        aria-label={returning ? '退回原因' : accept.commentLabel}
        rows={3}
        maxLength={1000}
        placeholder={returning ? returnPlaceholder : accept.placeholder}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
    </Modal>
  );
}
