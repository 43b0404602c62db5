import { resetPasswordBodySchema, type User } from '@notoneless/shared';
import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { applyServerError, parseForm, zodRules } from '../../../lib/zod-form';
import { useResetPassword } from '../api';

type Props = { user: User | null; onClose: () => void };

const LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/** 10 characters, letters and digits both present, no look-alikes (0/O, 1/l/I). */
function generatePassword(): string {
  const pool = LETTERS + DIGITS;
  const bytes = crypto.getRandomValues(new Uint32Array(10));
  const chars = Array.from(bytes, (b) => pool[b % pool.length]);
  chars[bytes[0] % 8] = DIGITS[bytes[1] % DIGITS.length];
  chars[8 + (bytes[2] % 2)] = LETTERS[bytes[3] % LETTERS.length];
  return chars.join('');
}

export function ResetPasswordModal({ user, onClose }: Props) {
  const [form] = Form.useForm();
  const rules = zodRules(form, resetPasswordBodySchema);
  const reset = useResetPassword();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setError(null);
    onClose();
  };

  const submit = async () => {
    if (!user) return;
    setError(null);
    const input = await parseForm(form, resetPasswordBodySchema);
    if (!input) return;
    reset.mutate(
      { id: user.id, input },
      {
        onSuccess: () => {
          message.success(`已重置「${user.displayName}」的密码`);
          close();
        },
        onError: (e) => setError(applyServerError(form, e)),
      },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={user ? `重置密码：${user.displayName}（${user.username}）` : ''}
      okText="重置密码"
      cancelText="取消"
      onOk={submit}
      onCancel={close}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">重置后请把新密码当面或电话告知本人；对方下次登录时须修改密码。</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item label="新密码" required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="newPassword" noStyle rules={rules('newPassword')}>
              <Input autoComplete="off" />
            </Form.Item>
            <Button onClick={() => form.setFieldValue('newPassword', generatePassword())}>随机生成</Button>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}
