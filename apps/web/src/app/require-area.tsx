import { Result } from 'antd';
import type { ReactNode } from 'react';
import { canOpen, type Area } from '../lib/abilities';
import { useMe } from './auth-context';

/** Pages of an area the user may not open show a notice instead of failing requests. */
export function RequireArea({ area, children }: { area: Area; children: ReactNode }) {
  const me = useMe();
  if (!canOpen(me, area)) {
    return <Result status="403" title="无权访问" subTitle="您的角色不能查看此页面。如需权限，请联系县级管理员。" />;
  }
  return <>{children}</>;
}
