import type { Me } from '@notoneless/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageSpin } from '../components/full-page-spin';
import { authKeys, useMeQuery } from '../features/auth/api';
import { claimOfflineDrafts } from '../features/cases/offline/clear';
import { ChangePasswordModal } from '../features/auth/components/change-password-modal';
import { errorMessage, setUnauthorizedHandler } from '../lib/api';

const MeContext = createContext<Me | null>(null);

/** The signed-in user; only inside <RequireAuth>. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() is only available inside <RequireAuth>');
  return me;
}

/** Any 401 ends the session: forget cached data and let <RequireAuth> send the user to the login page. */
export function useSessionExpiry(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.me[0] });
      queryClient.setQueryData(authKeys.me, null);
    });
  }, [queryClient]);
}

export function loginPath(next: string): string {
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

export function RequireAuth({ children }: { children: ReactNode }) {
  useSessionExpiry();
  const location = useLocation();
  const { data: me, isPending, error, refetch } = useMeQuery();
  const userId = me?.id;
  // offline drafts hold children's data: another user's left on this device are cleared when someone signs in
  useEffect(() => {
    if (userId) void claimOfflineDrafts(userId);
  }, [userId]);

  if (isPending) return <FullPageSpin />;
  if (error) {
    return (
      <Result
        status="warning"
        title="无法连接服务器"
        subTitle={errorMessage(error)}
        extra={
          <Button type="primary" onClick={() => void refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  if (!me) return <Navigate to={loginPath(location.pathname + location.search)} replace />;

  return (
    <MeContext.Provider value={me}>
      {children}
      {me.mustChangePassword ? <ChangePasswordModal open forced onClose={() => undefined} /> : null}
    </MeContext.Provider>
  );
}
