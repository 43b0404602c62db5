import type { LeaveDto } from '@notoneless/shared';
import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api';
import { todayInShanghai } from '../../../lib/format';
import { useCloseLeave } from '../api';

type Props = { leave: LeaveDto; onClose: () => void };

/** 销假: the day the child came back (today by default). */
export function LeaveCloseModal({ leave, onClose }: Props) {
  const { message } = App.useApp();
  const close = useCloseLeave(leave.id);
  const today = todayInShanghai();
  const [returnedOn, setReturnedOn] = useState<Dayjs>(dayjs(today));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ok = () =>
    close.mutate(
      { returnedOn: returnedOn.format('YYYY-MM-DD'), note: note.trim() || undefined },
      {
        onSuccess: () => {
          message.success(`${leave.name} 已销假`);
          onClose();
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );
  return (
    <Modal
      open
      title={`销假：${leave.name}`}
      okText="确认销假"
      cancelText="取消"
      onOk={ok}
      onCancel={onClose}
      confirmLoading={close.isPending}
    >
      <Form layout="vertical">
        <Form.Item label="返校日期" required extra={`请假 ${leave.from} 至 ${leave.to}`}>
          <DatePicker
            inputReadOnly
            allowClear={false}
            value={returnedOn}
            disabledDate={(d) => d.format('YYYY-MM-DD') > today}
            onChange={(d) => d && setReturnedOn(d)}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item label="备注">
          <Input.TextArea rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder="选填" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
