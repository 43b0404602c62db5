import { homeTeachingBodySchema } from '@notoneless/shared';
import { App, DatePicker, Form, Input, InputNumber } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { FormDrawer } from '../../../components/form-drawer';
import { todayInShanghai } from '../../../lib/format';
import { applyServerError, parseForm, zodRules } from '../../../lib/zod-form';
import { AttachmentField } from '../../approvals/components/attachment-field';
import { useRecordHomeTeaching } from '../api';

type Props = { caseId: string; defaultHours: number; onClose: () => void };

const newKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `ht-${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** One 送教上门 session: the day, class hours, who taught, what, and photos (from the phone's camera). */
export function HomeTeachingSessionDrawer({ caseId, defaultHours, onClose }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const record = useRecordHomeTeaching(caseId);
  const [error, setError] = useState<string | null>(null);
  // one key per opening: a resend after a dropped answer is recorded once
  const [clientKey] = useState(newKey);
  const toInput = (v: Record<string, unknown>) => ({
    taughtOn: dayjs.isDayjs(v.taughtOn) ? v.taughtOn.format('YYYY-MM-DD') : '',
    hours: v.hours,
    teacherName: v.teacherName ?? '',
    content: v.content ?? '',
    attachmentIds: v.attachmentIds ?? [],
    clientKey,
  });
  const rules = zodRules(form, homeTeachingBodySchema, toInput);

  const submit = async () => {
    setError(null);
    const input = await parseForm(form, homeTeachingBodySchema, toInput, setError);
    if (!input) return;
    if (input.taughtOn > todayInShanghai()) {
      form.setFields([{ name: 'taughtOn', errors: ['送教日期不能晚于今天'] }]);
      return;
    }
    record.mutate(input, {
      onSuccess: () => {
        message.success('送教记录已保存');
        onClose();
      },
      onError: (e) => setError(applyServerError(form, e)),
    });
  };

  return (
    <FormDrawer open title="记录送教上门" onClose={onClose} onSubmit={() => void submit()} submitting={record.isPending} error={error}>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ taughtOn: dayjs(todayInShanghai()), hours: defaultHours, attachmentIds: [] }}
      >
        <Form.Item name="taughtOn" label="送教日期" required rules={rules('taughtOn')}>
          <DatePicker inputReadOnly style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="hours" label="课时" required rules={rules('hours')}>
          <InputNumber min={0.5} max={8} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="teacherName" label="送教教师" required rules={rules('teacherName')}>
          <Input maxLength={40} placeholder="如：李老师、王老师" />
        </Form.Item>
        <Form.Item name="content" label="送教内容" required rules={rules('content')}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder="如：生活语文《认识水果》，康复训练（手部精细动作）20 分钟" />
        </Form.Item>
        <Form.Item name="attachmentIds" label="照片" extra="可直接用手机拍照上传">
          <AttachmentField caseId={caseId} accept="image/*" buttonText="拍照 / 上传照片" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
