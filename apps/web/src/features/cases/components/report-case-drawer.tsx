import { caseOpenBodySchema } from '@notoneless/shared';
import { App, DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDrawer } from '../../../components/form-drawer';
import { todayInShanghai } from '../../../lib/format';
import { applyServerError, parseForm, zodRules } from '../../../lib/zod-form';
import { ChildPicker } from '../../ledgers/components/child-picker';
import { useOpenCase, type CaseReportResult } from '../api';

type Props = {
  open: boolean;
  onClose: () => void;
  /** the child's page opens the form for its child */
  child?: { id: string; name: string };
  /** the new case (the drawer has closed) */
  onOpened: (detail: CaseReportResult) => void;
};

const toInput = (values: Record<string, unknown>) => ({
  childId: values.childId || undefined,
  source: 'report',
  reportedOn: dayjs.isDayjs(values.reportedOn) ? (values.reportedOn as Dayjs).format('YYYY-MM-DD') : '',
  text: values.text ?? '',
});

/** 报告疑似辍学: a teacher's report opens a case (一生一表一档案) for a child of the user's scope. */
export function ReportCaseDrawer({ open, onClose, child, onOpened }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const openCase = useOpenCase();
  const [error, setError] = useState<string | null>(null);
  const rules = zodRules(form, caseOpenBodySchema, toInput);

  const close = () => {
    setError(null);
    onClose();
  };

  const submit = async () => {
    setError(null);
    const input = await parseForm(form, caseOpenBodySchema, toInput, setError);
    if (!input) return;
    openCase.mutate(input, {
      onSuccess: (detail) => {
        if (detail.created) message.success(`已为「${detail.name}」建立个案，请尽快核实`);
        else message.info(detail.notice ?? `「${detail.name}」已有未结个案，报告已记入该个案`);
        close();
        onOpened(detail);
      },
      onError: (e) => setError(applyServerError(form, e)),
    });
  };

  return (
    <FormDrawer
      open={open}
      title={child ? `报告疑似辍学：${child.name}` : '报告疑似辍学'}
      onClose={close}
      onSubmit={() => void submit()}
      submitting={openCase.isPending}
      submitText="报告"
      error={error}
    >
      <Typography.Paragraph type="secondary">
        发现学生无故未到校、失学或有辍学迹象时报告，系统为其建立个案（一生一表一档案），学校应在期限内逐一核实。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ childId: child?.id, reportedOn: dayjs(todayInShanghai()) }}>
        {child ? (
          <Form.Item label="儿童">
            <Typography.Text strong>{child.name}</Typography.Text>
          </Form.Item>
        ) : null}
        <Form.Item name="childId" label="儿童" required rules={rules('childId')} hidden={Boolean(child)}>
          <ChildPicker />
        </Form.Item>
        <Form.Item name="reportedOn" label="发现日期" required rules={rules('reportedOn')}>
          <DatePicker inputReadOnly style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(todayInShanghai()), 'day')} />
        </Form.Item>
        <Form.Item name="text" label="已了解的情况" required rules={rules('text')}>
          <Input.TextArea
            rows={5}
            maxLength={2000}
            showCount
            placeholder="如：自 9 月 2 日起未到校，电话联系不上家长，听邻居说随父母外出"
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
