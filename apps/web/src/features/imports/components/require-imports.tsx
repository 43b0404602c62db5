import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useMe } from '../../../app/auth-context';

/** The 数据导入 pages: for whoever `me.can.imports` lets in (county staff, school admins). */
export function RequireImports({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.can.imports !== true) {
    return <Result status="403" title="无权访问" subTitle="您的角色不能导入登记数据。如需权限，请联系县级管理员。" />;
  }
  return <>{children}</>;
}
