import { REFERRAL_STATUS_LABELS, referralResponseBodySchema, type ReferralListItem } from '@notoneless/shared';
import { Alert, App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../lib/api';
import { applyServerError, parseForm, zodRules } from '../../../lib/zod-form';
import { useRespondReferral } from '../api';

type Props = { referral: ReferralListItem; onClose: () => void };

const PLACEHOLDERS = {
  accepted: '如：已接收，安排户籍民警于本周入户核实',
  done: '如：已为该儿童办理户籍登记，户口簿已交监护人',
  declined: '如：不属于本部门职责，建议转民政部门',
} as const;

/** The liaison's answer: 已接收 (still working), 已办结, or 不予办理 — each with what was done. */
export function RespondModal({ referral, onClose }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const respond = useRespondReferral();
  const [error, setError] = useState<string | null>(null);
  const status = (Form.useWatch('status', form) as keyof typeof PLACEHOLDERS | undefined) ?? 'accepted';
  const choices = (referral.status === 'accepted' ? (['done', 'declined'] as const) : (['accepted', 'done', 'declined'] as const)).map(
    (s) => ({
      value: s,
      label: s === 'accepted' ? '接收办理' : REFERRAL_STATUS_LABELS[s],
    }),
  );
  const toInput = (v: Record<string, unknown>) => ({ status: v.status, response: v.response ?? '', version: referral.version });
  const rules = zodRules(form, referralResponseBodySchema, toInput);

  const submit = async () => {
    setError(null);
    const input = await parseForm(form, referralResponseBodySchema, toInput, setError);
    if (!input) return;
    respond.mutate(
      { id: referral.id, ...input },
      {
        onSuccess: () => {
          message.success('已答复');
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
      title={`办理转介：${referral.childName}`}
      okText="提交"
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={respond.isPending}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Typography.Paragraph>
        <Typography.Text strong>{referral.subject}</Typography.Text>
        <br />
        <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {referral.request}
        </Typography.Text>
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ status: choices[0].value }}>
        <Form.Item name="status" label="办理结果" required rules={rules('status')}>
          <Radio.Group options={choices} optionType="button" buttonStyle="solid" />
        </Form.Item>
        <Form.Item name="response" label="办理情况" required rules={rules('response')}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={PLACEHOLDERS[status]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
