import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useMe } from '../../../app/auth-context';

type Props = { can: 'reconciliation.runs' | 'findings'; children: ReactNode };

const WHAT: Record<Props['can'], string> = {
  'reconciliation.runs': '您的角色不能查看四查三比对记录。',
  findings: '您的角色不能查看比对结果。',
};

/** The 四查三比对 pages open by `me.can` keys that are not areas of lib/abilities. */
export function RequireCan({ can, children }: Props) {
  const me = useMe();
  if (me.can[can] !== true) {
    return <Result status="403" title="无权访问" subTitle={`${WHAT[can]}如需权限，请联系县级管理员。`} />;
  }
  return <>{children}</>;
}
