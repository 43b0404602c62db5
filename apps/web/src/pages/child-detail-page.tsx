import { AuditOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useMe } from '../app/auth-context';
import { BackLink } from '../components/back-link';
import { FullPageSpin } from '../components/full-page-spin';
import { NotFoundResult } from '../components/not-found-result';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { ChildAttendanceCard } from '../features/attendance/components/child-attendance-card';
import { ChildCasesCard } from '../features/cases/components/child-cases-card';
import { useChild } from '../features/children/api';
import { ChildDetailCards } from '../features/children/components/child-detail-cards';
import { canOpen } from '../lib/abilities';
import { ApiError } from '../lib/api';
import { gradeLabel } from '../lib/labels';

export function ChildDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const query = useChild(id);

  if (query.isPending) return <FullPageSpin />;
  if (query.error instanceof ApiError && query.error.status === 404) {
    return <NotFoundResult title="未找到该儿童，或您无权查看" subtitle="请确认链接是否正确，或从儿童名单重新查找。" />;
  }
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;

  const child = query.data;
  const where = [child.schoolName, child.grade ? gradeLabel(child.grade) : null, child.className].filter(Boolean).join(' · ');

  return (
    <>
      <PageHeader
        back={<BackLink to="/children" label="儿童" />}
        title={child.name}
        subtitle={where || undefined}
        extra={
          canOpen(me, 'audit') ? (
            <Button icon={<AuditOutlined />} onClick={() => navigate(`/audit?childId=${child.id}`)}>
              查看日志
            </Button>
          ) : null
        }
      />
      <ChildCasesCard child={child} />
      {me.can.attendance ? <ChildAttendanceCard childId={child.id} /> : null}
      <ChildDetailCards child={child} canOpenSchools={canOpen(me, 'schools')} />
    </>
  );
}
