import { ledgerCloseSchema, type LedgerKind } from '@notoneless/shared';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../lib/api';
import { applyServerError, parseForm, zodRules } from '../../../lib/zod-form';
import { useCloseLedgerEntry, type LedgerEntryDetail } from '../api';
import { closeReasonsFor } from '../labels';

type Props = {
  entry: LedgerEntryDetail;
  open: boolean;
  onClose: () => void;
  onClosed: (entry: LedgerEntryDetail) => void;
  /** someone else changed the entry first (409): the page says so */
  onConflict: (message: string) => void;
};

/** '' rather than nothing, so the schema's own words (请选择销号原因, 请填写销号依据) are the messages. */
const toInput = (values: Record<string, unknown>) => ({ reason: values.reason ?? '', evidence: values.evidence ?? '' });

const HINTS: Record<LedgerKind, string> = {
  suspected: '如：经班主任家访核实，该生在郑州市某校就读，已取得对方学校在读证明。',
  dropout: '如：劝返后于 3 月 10 日回校复学，编入七年级 2 班，复学方案已存档。',
};

/** 动态销号: a reason from the ledger's list and the evidence behind it; both required. */
export function CloseEntryModal({ entry, open, onClose, onClosed, onConflict }: Props) {
  const [form] = Form.useForm();
  const close = useCloseLedgerEntry(entry.id);
  const [error, setError] = useState<string | null>(null);
  const rules = zodRules(form, ledgerCloseSchema, toInput);
  const reasons = closeReasonsFor(entry.ledger).map((r) => ({ value: r, label: r }));

  const submit = async () => {
    setError(null);
    const input = await parseForm(form, ledgerCloseSchema, toInput, setError);
    if (!input) return;
    close.mutate(input, {
      onSuccess: onClosed,
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
      title={`动态销号：${entry.name}`}
      okText="确认销号"
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={close.isPending}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Alert type="info" showIcon title="销号须有依据，做到人账相符" style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label="销号原因" required rules={rules('reason')}>
          <Select options={reasons} placeholder="选择销号原因" />
        </Form.Item>
        <Form.Item
          name="evidence"
          label="销号依据"
          required
          rules={rules('evidence')}
          extra="写明核实的方式、时间和证明材料（在读证明、复学登记、户籍迁移证明等）"
        >
          <Input.TextArea rows={4} maxLength={1000} placeholder={HINTS[entry.ledger]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
