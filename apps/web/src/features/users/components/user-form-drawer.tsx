import { APPROVAL_RIGHTS, APPROVAL_RIGHT_LABELS, userCreateSchema, userUpdateSchema, type User } from '@notoneless/shared';
import { App, Checkbox, Divider, Form, Input } from 'antd';
import { useState } from 'react';
import { FormDrawer } from '../../../components/form-drawer';
import { QueryError } from '../../../components/query-error';
import { can } from '../../../lib/abilities';
import { applyServerError, parseForm, zodRules } from '../../../lib/zod-form';
import { useCreateUser, useUpdateUser, useUser } from '../api';
import { RoleGrantsField } from './role-grants-field';

/** `userId` null → create; an id → edit (loads the user); undefined → closed. */
type Props = { userId: string | null | undefined; onClose: () => void };

const RIGHT_OPTIONS = APPROVAL_RIGHTS.map((right) => ({ value: right, label: APPROVAL_RIGHT_LABELS[right] }));

function initialValuesOf(user: User | undefined) {
  if (!user) return { roles: [{}], approvalRights: [] };
  return {
    displayName: user.displayName,
    phone: user.phone,
    roles: user.roles.map((r) => ({ role: r.role, scopeKind: r.scopeKind, scopeId: r.scopeId, scopeName: r.scopeName })),
    approvalRights: user.approvalRights,
  };
}

export function UserFormDrawer({ userId, onClose }: Props) {
  const isEdit = typeof userId === 'string';
  const detail = useUser(isEdit ? userId : undefined);
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [error, setError] = useState<string | null>(null);
  const rules = zodRules(form, isEdit ? userUpdateSchema : userCreateSchema);

  const close = () => {
    setError(null);
    onClose();
  };
  const onError = (e: unknown) => setError(applyServerError(form, e));
  const done = (text: string) => () => {
    message.success(text);
    close();
  };

  const submit = async () => {
    setError(null);
    if (isEdit) {
      const input = await parseForm(form, userUpdateSchema, undefined, setError);
      if (input) update.mutate({ id: userId, input }, { onSuccess: done('已保存'), onError });
    } else {
      const input = await parseForm(form, userCreateSchema, undefined, setError);
      if (input) create.mutate(input, { onSuccess: done(`已新增用户「${input.displayName}」`), onError });
    }
  };

  const user = detail.data;
  const ready = !isEdit || Boolean(user);
  const mayGrantRights = can(user?.abilities, 'grantApprovalRights', true);

  return (
    <FormDrawer
      open={userId !== undefined}
      title={isEdit ? `编辑用户${user ? `「${user.displayName}」` : ''}` : '新增用户'}
      onClose={close}
      onSubmit={submit}
      submitting={create.isPending || update.isPending}
      error={error}
      loading={isEdit && detail.isPending}
    >
      {detail.error ? <QueryError error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {ready ? (
        <Form form={form} layout="vertical" preserve={false} initialValues={initialValuesOf(user)}>
          {isEdit ? (
            <Form.Item label="用户名">
              <Input value={user?.username} disabled />
            </Form.Item>
          ) : (
            <Form.Item
              name="username"
              label="用户名"
              required
              rules={rules('username')}
              extra="登录用，3–32 位字母、数字、下划线、点或短横线"
            >
              <Input autoComplete="off" maxLength={32} />
            </Form.Item>
          )}
          <Form.Item name="displayName" label="姓名" required rules={rules('displayName')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="phone" label="手机号" rules={rules('phone')}>
            <Input inputMode="tel" maxLength={11} />
          </Form.Item>
          {isEdit ? null : (
            <Form.Item
              name="password"
              label="初始密码"
              required
              rules={rules('password')}
              extra="至少 8 位，须同时包含字母和数字；用户首次登录后须修改"
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
          <Divider titlePlacement="start">角色与范围</Divider>
          <RoleGrantsField form={form} rules={rules} />
          <Divider titlePlacement="start">审批权限</Divider>
          <Form.Item
            name="approvalRights"
            rules={rules('approvalRights')}
            extra={mayGrantRights ? '审批权限与角色分开授予' : '您不能修改此用户的审批权限'}
          >
            <Checkbox.Group
              options={RIGHT_OPTIONS}
              disabled={!mayGrantRights}
              style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            />
          </Form.Item>
        </Form>
      ) : null}
    </FormDrawer>
  );
}
