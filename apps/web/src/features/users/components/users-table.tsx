import type { User } from '@notoneless/shared';
import { App, Button, Flex, Table, Tag, Tooltip, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { ToggleActiveButton } from '../../../components/toggle-active-button';
import { errorMessage } from '../../../lib/api';
import { formatDateTime, orDash } from '../../../lib/format';
import { roleScopeText } from '../../../lib/labels';
import { useUnlockUser, useUpdateUser } from '../api';

type Props = {
  users: User[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  canManage: boolean;
  /** the signed-in user: cannot 停用 themself */
  meId: string;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
};

type ActionProps = { user: User; isSelf: boolean; onEdit: (user: User) => void; onResetPassword: (user: User) => void };

function UserActions({ user, isSelf, onEdit, onResetPassword }: ActionProps) {
  const update = useUpdateUser();
  const unlock = useUnlockUser();
  const { message } = App.useApp();
  const fail = (e: unknown) => message.error(errorMessage(e));
  return (
    <Flex wrap>
      <Button type="link" size="small" onClick={() => onEdit(user)}>
        编辑
      </Button>
      <Button type="link" size="small" onClick={() => onResetPassword(user)}>
        重置密码
      </Button>
      {user.locked ? (
        <Button
          type="link"
          size="small"
          loading={unlock.isPending}
          onClick={() => unlock.mutate(user.id, { onSuccess: () => message.success('已解锁'), onError: fail })}
        >
          解锁
        </Button>
      ) : null}
      {isSelf ? null : (
        <ToggleActiveButton
          active={user.active}
          name={user.displayName}
          loading={update.isPending}
          onToggle={(active) =>
            update.mutate(
              { id: user.id, input: { active } },
              { onSuccess: () => message.success(active ? '已启用' : '已停用'), onError: fail },
            )
          }
        />
      )}
    </Flex>
  );
}

function StatusTags({ user }: { user: User }) {
  return (
    <Flex gap={4} wrap>
      {user.active ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>}
      {user.locked ? (
        <Tooltip title="连续输错密码，账号已锁定">
          <Tag color="red">已锁定</Tag>
        </Tooltip>
      ) : null}
    </Flex>
  );
}

export function UsersTable({ users, loading, pagination, canManage, meId, onEdit, onResetPassword }: Props) {
  const columns: TableColumnsType<User> = [
    { title: '姓名', dataIndex: 'displayName', fixed: 'left', width: 100 },
    { title: '用户名', dataIndex: 'username', width: 130 },
    { title: '手机号', dataIndex: 'phone', width: 120, render: (_, u) => orDash(u.phone) },
    {
      title: '角色与范围',
      key: 'roles',
      render: (_, u) => (
        <Flex gap={4} wrap>
          {u.roles.map((r, i) => (
            <Tag key={i}>{roleScopeText(r)}</Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: '审批权限',
      key: 'rights',
      width: 90,
      render: (_, u) => (u.approvalRights.length > 0 ? `${u.approvalRights.length} 项` : '—'),
    },
    { title: '状态', key: 'status', width: 120, render: (_, u) => <StatusTags user={u} /> },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 150, render: (_, u) => formatDateTime(u.lastLoginAt) },
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 200,
            render: (_: unknown, u: User) => (
              <UserActions user={u} isSelf={u.id === meId} onEdit={onEdit} onResetPassword={onResetPassword} />
            ),
          },
        ]
      : []),
  ];
  return (
    <Table<User>
      rowKey="id"
      columns={columns}
      dataSource={users}
      loading={loading}
      scroll={{ x: true }}
      pagination={pagination}
      locale={{ emptyText: '没有符合条件的用户' }}
    />
  );
}
