import { DROPOUT_CAUSES, ledgerConfirmDropoutSchema } from '@notoneless/shared';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../lib/api';
import { applyServerError, parseForm, zodRules } from '../../../lib/zod-form';
import { useConfirmDropout, type LedgerEntryDetail } from '../api';

type Props = {
  entry: LedgerEntryDetail;
  open: boolean;
  onClose: () => void;
  /** the NEW 辍学学生台账 entry */
  onConfirmed: (dropout: LedgerEntryDetail) => void;
  onConflict: (message: string) => void;
};

const CAUSE_OPTIONS = DROPOUT_CAUSES.map((c) => ({ value: c, label: c }));
const toInput = (values: Record<string, unknown>) => ({
  ...values,
  note: typeof values.note === 'string' && values.note.trim() ? values.note : undefined,
});

/** 认定辍学: the suspected entry is closed (转入辍学台账) and the child enters the 辍学学生台账 with a cause. */
export function ConfirmDropoutModal({ entry, open, onClose, onConfirmed, onConflict }: Props) {
  const [form] = Form.useForm();
  const confirm = useConfirmDropout(entry.id);
  const [error, setError] = useState<string | null>(null);
  const rules = zodRules(form, ledgerConfirmDropoutSchema, toInput);

  const submit = async () => {
    setError(null);
    const input = await parseForm(form, ledgerConfirmDropoutSchema, toInput, setError);
    if (!input) return;
    confirm.mutate(input, {
      onSuccess: onConfirmed,
      onError: (e) => {
        if (e instanceof ApiError && e.status === 409) {
          onConflict(e.message);
          return;
        }
        setError(applyServerError(form, e));
      },
    });
  };

  return (
    <Modal
      open={open}
      title={`认定辍学：${entry.name}`}
      okText="认定辍学"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={confirm.isPending}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Typography.Paragraph type="secondary">
        认定后，这条疑似辍学记录以「转入辍学台账」销号，{entry.name}列入辍学学生台账，开始劝返；复学后再动态销号。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="cause" label="辍学原因" required rules={rules('cause')}>
          <Select options={CAUSE_OPTIONS} placeholder="选择辍学原因" />
        </Form.Item>
        <Form.Item name="note" label="情况说明" rules={rules('note')}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：家访了解到该生因成绩落后不愿上学，家长外出务工" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
