import { MenuOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Layout, Menu, theme } from 'antd';
import { useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useInboxBadge, withInboxBadge } from '../features/inbox/components/inbox-badge';
import { useIsMobile } from '../lib/use-is-mobile';
import { useMe } from './auth-context';
import { Brand } from './brand';
import { ALL_GROUP_KEYS, menuItemsFor, selectedNav } from './nav-items';
import { UserMenu } from './user-menu';

/** Sider menu on desktop; under 768 px a hamburger opens the same menu in a drawer. */
export function AppLayout() {
  const me = useMe();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const location = useLocation();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const inboxCount = useInboxBadge(me);
  const items = useMemo(() => withInboxBadge(menuItemsFor(me), inboxCount), [me, inboxCount]);
  const { selected } = selectedNav(location.pathname);

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selected]}
      defaultOpenKeys={ALL_GROUP_KEYS}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isMobile ? null : (
        <Layout.Sider
          theme="light"
          width={224}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          style={{
            position: 'sticky',
            top: 0,
            height: '100vh',
            overflow: 'auto',
            borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <div style={{ height: 64, padding: collapsed ? '0 8px' : '0 20px', display: 'flex', alignItems: 'center' }}>
            <Brand compact={collapsed} />
          </div>
          {menu}
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            padding: isMobile ? '0 8px' : '0 24px',
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          {isMobile ? (
            <>
              <Badge dot={inboxCount > 0} offset={[-6, 6]}>
                <Button type="text" aria-label="打开菜单" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} />
              </Badge>
              <Brand />
            </>
          ) : (
            <span style={{ color: token.colorTextSecondary }}>{me.countyName}</span>
          )}
          <div style={{ flex: 1 }} />
          <UserMenu />
        </Layout.Header>
        <Layout.Content style={{ padding: isMobile ? 8 : 24, minWidth: 0 }}>
          <div
            style={{
              background: token.colorBgContainer,
              borderRadius: token.borderRadiusLG,
              padding: isMobile ? 12 : 24,
              minHeight: 'calc(100vh - 112px)',
            }}
          >
            <Outlet />
          </div>
        </Layout.Content>
      </Layout>
      {isMobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={264}
          title={<Brand />}
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      ) : null}
    </Layout>
  );
}
