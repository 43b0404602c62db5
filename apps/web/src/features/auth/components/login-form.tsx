import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { loginBodySchema, type Me } from '@notoneless/shared';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../lib/api';
import { parseForm, zodRules } from '../../../lib/zod-form';
import { useLogin } from '../api';

/** The server's message, plus the minutes left when an account is locked and the message does not say so. */
function loginErrorText(error: unknown): string {
  if (!(error instanceof ApiError)) return '登录失败，请稍后重试';
  if (/\d/.test(error.message) || typeof error.details !== 'object' || error.details === null) return error.message;
  const details = error.details as { minutes?: unknown; retryAfterMinutes?: unknown; lockedUntil?: unknown };
  let minutes = Number(details.minutes ?? details.retryAfterMinutes);
  if (!Number.isFinite(minutes) && typeof details.lockedUntil === 'string') {
    minutes = Math.ceil((new Date(details.lockedUntil).getTime() - Date.now()) / 60_000);
  }
  return Number.isFinite(minutes) && minutes > 0 ? `${error.message}（约 ${minutes} 分钟后可再试）` : error.message;
}

type Props = { onLoggedIn: (me: Me) => void };

export function LoginForm({ onLoggedIn }: Props) {
  const [form] = Form.useForm();
  const rules = zodRules(form, loginBodySchema);
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    const input = await parseForm(form, loginBodySchema);
    if (!input) return;
    login.mutate(input, {
      onSuccess: ({ user }) => onLoggedIn(user),
      onError: (e) => {
        setError(loginErrorText(e));
        form.setFieldValue('password', '');
      },
    });
  };

  return (
    <Form form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false} autoComplete="on">
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form.Item name="username" label="用户名" rules={rules('username')}>
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus placeholder="请输入用户名" />
      </Form.Item>
      <Form.Item name="password" label="密码" rules={rules('password')}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="请输入密码" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={login.isPending}>
        登录
      </Button>
    </Form>
  );
}
