import { LEAVE_KINDS, LEAVE_SAFETY_REMINDER, leaveBodySchema, type ChildListItem, type LeaveDto } from '@notoneless/shared';
import { Alert, App, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDrawer } from '../../../components/form-drawer';
import { todayInShanghai } from '../../../lib/format';
import { applyServerError, parseForm, zodRules } from '../../../lib/zod-form';
import { newClientKey } from '../../attendance/offline-reports';
import { useCreateLeave } from '../api';
import { LeaveChildPicker } from './leave-child-picker';
import { LeaveStepsPreview } from './leave-steps-preview';

type Props = { onClose: () => void; onCreated: (leave: LeaveDto) => void };

const POVERTY = ['脱贫户', '监测户'];
const day = (v: unknown) => (dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : '');

/** 新建请假: the child, the days (future dates allowed), the reason and the guardian; the steps it needs shown first. */
export function LeaveFormDrawer({ onClose, onCreated }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const create = useCreateLeave();
  const [error, setError] = useState<string | null>(null);
  const [child, setChild] = useState<ChildListItem | undefined>();
  const [clientKey] = useState(newClientKey);
  const from = Form.useWatch<Dayjs | undefined>('from', form);
  const to = Form.useWatch<Dayjs | undefined>('to', form);
  const toInput = (v: Record<string, unknown>) => ({
    childId: v.childId ?? '',
    kind: v.kind,
    from: day(v.from),
    to: day(v.to),
    reason: v.reason ?? '',
    guardianName: v.guardianName ?? '',
    guardianPhone: typeof v.guardianPhone === 'string' && v.guardianPhone.trim() ? v.guardianPhone : undefined,
    clientKey,
  });
  const rules = zodRules(form, leaveBodySchema, toInput);

  const submit = async () => {
    setError(null);
    const input = await parseForm(form, leaveBodySchema, toInput, setError);
    if (!input) return;
    create.mutate(input, {
      onSuccess: (leave) => {
        message.success(`已登记 ${leave.name} 的请假（${leave.statusLabel}）`);
        onCreated(leave);
      },
      onError: (e) => setError(applyServerError(form, e)),
    });
  };

  return (
    <FormDrawer
      open
      title="新建请假"
      onClose={onClose}
      onSubmit={() => void submit()}
      submitting={create.isPending}
      submitText="提交请假"
      error={error}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: '事假', from: dayjs(todayInShanghai()), to: dayjs(todayInShanghai()) }}
      >
        <Form.Item name="childId" label="学生" required rules={rules('childId')}>
          <LeaveChildPicker onPick={setChild} />
        </Form.Item>
        <Form.Item name="kind" label="请假类型" required rules={rules('kind')}>
          <Radio.Group optionType="button" buttonStyle="solid" options={LEAVE_KINDS.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="from" label="开始日期" required rules={rules('from')} style={{ flex: 1 }}>
            <DatePicker inputReadOnly style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="to" label="结束日期" required rules={rules('to')} style={{ flex: 1 }}>
            <DatePicker inputReadOnly style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <LeaveStepsPreview
          from={from ? day(from) : undefined}
          to={to ? day(to) : undefined}
          poverty={child?.keyGroups.some((g) => POVERTY.includes(g)) ?? false}
        />
        <Form.Item name="reason" label="请假事由" required rules={rules('reason')}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：发烧就医，医嘱休息；随父母回老家奔丧" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="guardianName" label="监护人" required rules={rules('guardianName')} style={{ flex: '1 1 140px' }}>
            <Input maxLength={40} placeholder="提出请假的监护人姓名" />
          </Form.Item>
          <Form.Item name="guardianPhone" label="监护人电话" rules={rules('guardianPhone')} style={{ flex: '1 1 140px' }}>
            <Input inputMode="tel" maxLength={20} placeholder="选填" />
          </Form.Item>
        </div>
        <Alert type="warning" showIcon title="安全提醒（打印在请假条上）" description={LEAVE_SAFETY_REMINDER} />
      </Form>
    </FormDrawer>
  );
}
