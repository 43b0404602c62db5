import type { LeaveDto } from '@notoneless/shared';
import { Alert, App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api';
import { useDecideLeaveStep } from '../api';

type Props = { leave: LeaveDto; onClose: () => void };

/** The current step of a leave: 同意 / 不同意 for an approval, 备案 for a filing. */
export function LeaveStepModal({ leave, onClose }: Props) {
  const { message } = App.useApp();
  const step = leave.steps.find((s) => s.status === 'pending');
  const decide = useDecideLeaveStep(leave.id);
  const [decision, setDecision] = useState<'approve' | 'reject' | 'file'>(step?.kind === 'file' ? 'file' : 'approve');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!step) return null;
  const ok = () => {
    if (decision === 'reject' && !comment.trim()) {
      setError('不同意时请填写意见');
      return;
    }
    decide.mutate(
      { index: step.index, body: { decision, comment: comment.trim() || undefined } },
      {
        onSuccess: (l) => {
          message.success(
            `${step.label}：已${decision === 'approve' ? '同意' : decision === 'reject' ? '不同意' : '备案'}（${l.statusLabel}）`,
          );
          onClose();
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );
  };
  return (
    <Modal
      open
      title={`${step.label}：${leave.name}`}
      okText="确定"
      cancelText="取消"
      onOk={ok}
      onCancel={onClose}
      confirmLoading={decide.isPending}
    >
      <Typography.Paragraph>
        {leave.kind} {leave.from} 至 {leave.to}，共 {leave.schoolDays} 个上学日{leave.povertyGroup ? '（脱贫户/监测户学生）' : ''}。事由：
        {leave.reason}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label="处理结果" required>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            value={decision}
            onChange={(e) => setDecision(e.target.value as typeof decision)}
            options={
              step.kind === 'file'
                ? [{ value: 'file', label: '备案' }]
                : [
                    { value: 'approve', label: '同意' },
                    { value: 'reject', label: '不同意' },
                  ]
            }
          />
        </Form.Item>
        <Form.Item label="意见">
          <Input.TextArea
            rows={3}
            maxLength={500}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder="选填；不同意时必填"
          />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
