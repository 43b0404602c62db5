import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Flex, Typography, type MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import { useLogout } from '../features/auth/api';
import { clearOfflineDrafts, queuedDraftCount } from '../features/cases/offline/clear';
import { clearPendingReports, listPending } from '../features/attendance/offline-reports';
import { ChangePasswordModal } from '../features/auth/components/change-password-modal';
import { roleScopeText } from '../lib/labels';
import { useEditor } from '../lib/use-editor';
import { useIsMobile } from '../lib/use-is-mobile';
import { useMe } from './auth-context';

export function UserMenu() {
  const me = useMe();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const logout = useLogout();
  const { message, modal } = App.useApp();
  const passwordDialog = useEditor<true>();
  const primary = me.roles[0];

  const items: MenuProps['items'] = [
    ...me.roles.map((role, index) => ({
      key: `role-${index}`,
      label: roleScopeText(role),
      disabled: true,
    })),
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
  ];

  // the drafts go first: a logout without a network waits for it, the device should not keep them meanwhile
  const signOut = async () => {
    await clearOfflineDrafts();
    clearPendingReports();
    logout.mutate(undefined, {
      onSettled: () => {
        message.success('已退出登录');
        void navigate('/login', { replace: true });
      },
    });
  };

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') passwordDialog.open(true);
    if (key !== 'logout') return;
    // offline drafts hold children's data and are cleared on logout: unsent ones are lost, so ask first
    const queued = queuedDraftCount(me.id) + listPending(me.id).length;
    if (queued === 0) {
      void signOut();
      return;
    }
    modal.confirm({
      title: '退出登录？',
      content: `有 ${queued} 条离线记录尚未提交，退出后将被清除`,
      okText: '仍然退出',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: signOut,
    });
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button type="text" style={{ height: 'auto', padding: '4px 8px', maxWidth: isMobile ? 160 : 360 }}>
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            <Avatar size="small" icon={<UserOutlined />} />
            <Flex vertical align="flex-start" style={{ lineHeight: 1.3, minWidth: 0 }}>
              <Typography.Text strong ellipsis style={{ maxWidth: isMobile ? 90 : 260 }}>
                {me.displayName}
              </Typography.Text>
              {primary && !isMobile ? (
                <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 260 }}>
                  {roleScopeText(primary)}
                  {me.roles.length > 1 ? ` 等 ${me.roles.length} 个角色` : ''}
                </Typography.Text>
              ) : null}
            </Flex>
            <DownOutlined style={{ fontSize: 10 }} />
          </Flex>
        </Button>
      </Dropdown>
      <ChangePasswordModal key={passwordDialog.key} open={passwordDialog.target === true} onClose={passwordDialog.close} />
    </>
  );
}
