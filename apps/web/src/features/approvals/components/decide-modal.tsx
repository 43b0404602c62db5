import { approvalDecisionBodySchema } from '@notoneless/shared';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../lib/api';
import { applyServerError, parseForm } from '../../../lib/zod-form';
import { useDecideApproval, type ApprovalItem } from '../api';

type Props = { approval: ApprovalItem; decision: 'approve' | 'reject'; onClose: () => void };

/** 同意 / 不同意 with a comment (required to refuse). A 409 — someone decided first — closes and reloads the list. */
export function DecideModal({ approval, decision, onClose }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const decide = useDecideApproval();
  const [error, setError] = useState<string | null>(null);
  const reject = decision === 'reject';
  const toInput = (v: Record<string, unknown>) => ({
    decision,
    comment: typeof v.comment === 'string' && v.comment.trim() ? v.comment : undefined,
    version: approval.version,
  });

  const submit = async () => {
    setError(null);
    const input = await parseForm(form, approvalDecisionBodySchema, toInput, setError);
    if (!input) return;
    if (reject && !input.comment) {
      form.setFields([{ name: 'comment', errors: ['不同意的，请填写理由'] }]);
      return;
    }
    decide.mutate(
      { id: approval.id, ...input },
      {
        onSuccess: () => {
          message.success(reject ? '已退回申请' : '已同意');
          onClose();
        },
        onError: (e) => {
          if (e instanceof ApiError && e.status === 409) {
            message.warning(`${e.message}，已刷新列表`);
            onClose();
            return;
          }
          setError(applyServerError(form, e));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={`${reject ? '不同意' : '同意'}：${approval.childName} 的${approval.typeLabel}申请`}
      okText={reject ? '不同意' : '同意'}
      okButtonProps={{ danger: reject }}
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="comment" label={reject ? '不同意的理由' : '审批意见'} required={reject}>
          <Input.TextArea
            rows={4}
            maxLength={1000}
            showCount
            placeholder={reject ? '如：联合劝返记录不全，请补充后重新申请' : '如：经核实，情况属实，同意'}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
