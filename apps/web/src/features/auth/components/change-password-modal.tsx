import { changePasswordBodySchema } from '@notoneless/shared';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { applyServerError, parseForm, zodRules } from '../../../lib/zod-form';
import { useChangePassword } from '../api';

type Props = {
  open: boolean;
  /** First login or a reset: the dialog cannot be dismissed until the password is changed. */
  forced?: boolean;
  onClose: () => void;
};

export function ChangePasswordModal({ open, forced = false, onClose }: Props) {
  const [form] = Form.useForm();
  const rules = zodRules(form, changePasswordBodySchema);
  const change = useChangePassword();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    const input = await parseForm(form, changePasswordBodySchema);
    if (!input) return;
    change.mutate(input, {
      onSuccess: () => {
        message.success('密码已修改');
        form.resetFields();
        onClose();
      },
      onError: (e) => setError(applyServerError(form, e)),
    });
  };

  return (
    <Modal
      open={open}
      title={forced ? '请先修改初始密码' : '修改密码'}
      okText="确认修改"
      cancelText="取消"
      onOk={submit}
      onCancel={forced ? undefined : onClose}
      confirmLoading={change.isPending}
      closable={!forced}
      mask={{ closable: !forced }}
      keyboard={!forced}
      cancelButtonProps={forced ? { style: { display: 'none' } } : undefined}
      destroyOnHidden
    >
      {forced ? (
        <Alert type="warning" showIcon title="为保护儿童信息安全，首次登录或密码被重置后须设置新密码。" style={{ marginBottom: 16 }} />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="oldPassword" label="原密码" required rules={rules('oldPassword')}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" required extra="至少 8 位，须同时包含字母和数字" rules={rules('newPassword')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          required
          dependencies={['newPassword']}
          rules={[
            {
              validator: async (_, value: unknown) => {
                if (!value) throw new Error('请再次输入新密码');
                if (value !== form.getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
