import { Card, Flex, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { FullPageSpin } from '../components/full-page-spin';
import { useMeQuery } from '../features/auth/api';
import { LoginForm } from '../features/auth/components/login-form';
import { PLATFORM_NAME, PLATFORM_SUBTITLE, usePageTitle } from '../lib/use-page-title';

/** Only same-site paths: never leave the platform after logging in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  usePageTitle('登录');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMeQuery();
  const next = safeNext(params.get('next'));

  if (me.isPending) return <FullPageSpin />;
  if (me.data) return <Navigate to={next} replace />;

  return (
    <Flex
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(180deg, #e8f1fc 0%, #f5f7fa 60%)' }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: '32px 24px' } }}>
        <Flex vertical align="center" style={{ marginBottom: 24 }}>
          <Typography.Title level={2} style={{ margin: 0, letterSpacing: 4 }}>
            {PLATFORM_NAME}
          </Typography.Title>
          <Typography.Text type="secondary">{PLATFORM_SUBTITLE}</Typography.Text>
        </Flex>
        <LoginForm onLoggedIn={() => navigate(next, { replace: true })} />
      </Card>
    </Flex>
  );
}
