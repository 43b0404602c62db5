import { DROPOUT_CAUSES, FINDING_CLOSE_REASONS, findingCloseSchema, findingConfirmSchema } from '@notoneless/shared';
import { Alert, Flex, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { parseForm, zodRules } from '../../../lib/zod-form';
import type { CloseInput, CloseReason, ConfirmInput } from '../api';
import { CLOSE_REASON_EVIDENCE } from '../labels';

type Common = {
  open: boolean;
  title: string;
  /** what the decision applies to, above the form */
  intro?: ReactNode;
  submitting: boolean;
  error: string | null;
  onClose: () => void;
};

const CAUSE_OPTIONS = DROPOUT_CAUSES.map((c) => ({ value: c, label: c }));
const LEDGERS = [
  { value: 'suspected', label: '疑似辍学台账', help: '原因尚未查清、需要继续核实和劝返的' },
  { value: 'dropout', label: '辍学学生台账', help: '已核实确认辍学的，须选择辍学原因' },
] as const;

/**
 * 「确认并列入台账」: the 疑似辍学台账, or the 辍学学生台账 with a cause. With `suspectedOnly` (bulk) the ledger is
 * fixed to 疑似辍学.
 */
export function ConfirmModal({
  suspectedOnly = false,
  onSubmit,
  ...common
}: Common & { suspectedOnly?: boolean; onSubmit: (input: ConfirmInput) => void }) {
  const [form] = Form.useForm();
  const rules = zodRules(form, findingConfirmSchema);
  const ledger = Form.useWatch('ledger', form) as ConfirmInput['ledger'] | undefined;

  const submit = async () => {
    const input = await parseForm(form, findingConfirmSchema);
    if (input) onSubmit({ ...input, note: input.note || undefined });
  };

  return (
    <Modal
      open={common.open}
      title={common.title}
      okText={suspectedOnly ? '列入疑似辍学台账' : '确认列入'}
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={common.onClose}
      confirmLoading={common.submitting}
      destroyOnHidden
    >
      {common.intro}
      {common.error ? <Alert type="error" showIcon title={common.error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ ledger: 'suspected' }}>
        {suspectedOnly ? (
          <Form.Item name="ledger" hidden>
            <Input />
          </Form.Item>
        ) : (
          <Form.Item name="ledger" label="列入" required rules={rules('ledger')}>
            <Radio.Group style={{ width: '100%' }}>
              <Flex vertical gap={8}>
                {LEDGERS.map((l) => (
                  <Radio key={l.value} value={l.value}>
                    {l.label}
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {l.help}
                    </Typography.Text>
                  </Radio>
                ))}
              </Flex>
            </Radio.Group>
          </Form.Item>
        )}
        {ledger === 'dropout' ? (
          <Form.Item
            name="cause"
            label="辍学原因"
            required
            rules={[
              {
                validator: async (_, value: unknown) => {
                  if (!value) throw new Error('认定辍学须选择辍学原因');
                },
              },
            ]}
          >
            <Select placeholder="选择辍学原因" options={CAUSE_OPTIONS} />
          </Form.Item>
        ) : null}
        <Form.Item name="note" label="备注" rules={rules('note')}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="例如：电话联系不上家长，已安排家访" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const REASON_OPTIONS = FINDING_CLOSE_REASONS.map((r) => ({
  value: r,
  label: r,
  hint: CLOSE_REASON_EVIDENCE[r],
}));

/** 「核实说明并关闭」: a reason from the list and the evidence that reason needs. */
export function CloseModal({ onSubmit, ...common }: Common & { onSubmit: (input: CloseInput) => void }) {
  const [form] = Form.useForm();
  const rules = zodRules(form, findingCloseSchema);
  const reason = Form.useWatch('reason', form) as CloseReason | undefined;
  const hint = reason ? CLOSE_REASON_EVIDENCE[reason] : undefined;

  const submit = async () => {
    const input = await parseForm(form, findingCloseSchema);
    if (input) onSubmit(input);
  };

  return (
    <Modal
      open={common.open}
      title={common.title}
      okText="核实关闭"
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={common.onClose}
      confirmLoading={common.submitting}
      destroyOnHidden
    >
      {common.intro}
      {common.error ? <Alert type="error" showIcon title={common.error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ evidence: '' }}>
        <Form.Item name="reason" label="核实结论" required rules={rules('reason')}>
          <Select
            placeholder="选择核实结论"
            options={REASON_OPTIONS}
            virtual={false}
            optionRender={(option) => (
              <Flex vertical>
                <span>{option.data.label}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
                  需提供：{option.data.hint}
                </Typography.Text>
              </Flex>
            )}
          />
        </Form.Item>
        <Form.Item
          name="evidence"
          label="核实依据"
          required
          extra={hint ? `需提供：${hint}` : '先选择核实结论，再按要求填写依据'}
          rules={rules('evidence')}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder={hint ?? '核实依据'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
