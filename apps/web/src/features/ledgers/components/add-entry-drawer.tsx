import { ledgerEntryCreateSchema } from '@notoneless/shared';
import { App, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { FormDrawer } from '../../../components/form-drawer';
import { applyServerError, parseForm, zodRules } from '../../../lib/zod-form';
import { useAddLedgerEntry, type LedgerEntryDetail } from '../api';
import { ChildPicker } from './child-picker';

type Props = {
  open: boolean;
  onClose: () => void;
  /** the new entry (the drawer has closed) */
  onAdded: (entry: LedgerEntryDetail) => void;
};

const SOURCE_OPTIONS = [
  { value: 'report', label: '教师报告' },
  { value: 'survey', label: '摸排' },
];

/** Only suspected entries are typed by hand; 辍学 is reached by 认定辍学 from one of them. */
const toInput = (values: Record<string, unknown>) => ({
  ...values,
  // '' rather than nothing, so the schema's own words (请选择儿童) are the message
  childId: values.childId ?? '',
  ledger: 'suspected',
  note: typeof values.note === 'string' && values.note.trim() ? values.note : undefined,
});

/** 登记疑似辍学: a teacher's report or a 摸排 puts a child of the user's scope in the 疑似辍学台账. */
export function AddEntryDrawer({ open, onClose, onAdded }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const add = useAddLedgerEntry();
  const [error, setError] = useState<string | null>(null);
  const rules = zodRules(form, ledgerEntryCreateSchema, toInput);

  const close = () => {
    setError(null);
    onClose();
  };

  const submit = async () => {
    setError(null);
    const input = await parseForm(form, ledgerEntryCreateSchema, toInput, setError);
    if (!input) return;
    add.mutate(input, {
      onSuccess: (entry) => {
        message.success(`已将「${entry.name}」列入疑似辍学台账`);
        close();
        onAdded(entry);
      },
      onError: (e) => setError(applyServerError(form, e)),
    });
  };

  return (
    <FormDrawer
      open={open}
      title="登记疑似辍学"
      onClose={close}
      onSubmit={submit}
      submitting={add.isPending}
      submitText="登记"
      error={error}
    >
      <Typography.Paragraph type="secondary">
        发现学生无故未到校、失学或有辍学迹象时登记：列入疑似辍学台账并建立个案（一生一表），在个案中逐一核实——非辍学的说明原因结案，确属辍学的认定辍学并开展劝返。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ source: 'report' }}>
        <Form.Item name="childId" label="儿童" required rules={rules('childId')}>
          <ChildPicker />
        </Form.Item>
        <Form.Item name="source" label="线索来源" required rules={rules('source')}>
          <Radio.Group options={SOURCE_OPTIONS} optionType="button" buttonStyle="solid" />
        </Form.Item>
        <Form.Item name="note" label="情况说明" rules={rules('note')}>
          <Input.TextArea rows={4} maxLength={500} showCount placeholder="如：自 3 月 2 日起未到校，电话联系不上家长" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
