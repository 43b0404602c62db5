import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useMe } from '../../../app/auth-context';

/** Pages opened by a `me.can` key that is not an area of lib/abilities (待办, 审批, 转介, 送教上门, 入学通知书). */
export function RequireCan({ can, what, children }: { can: string; what: string; children: ReactNode }) {
  const me = useMe();
  if (me.can[can] !== true) {
    return <Result status="403" title="无权访问" subTitle={`您的角色不能查看${what}。如需权限，请联系县级管理员。`} />;
  }
  return <>{children}</>;
}
