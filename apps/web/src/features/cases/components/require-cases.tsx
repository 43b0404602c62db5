import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useMe } from '../../../app/auth-context';

/** The case pages open by `me.can.cases` (not an area of lib/abilities). */
export function RequireCases({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.can.cases !== true) {
    return <Result status="403" title="无权访问" subTitle="您的角色不能查看个案。如需权限，请联系县级管理员。" />;
  }
  return <>{children}</>;
}
