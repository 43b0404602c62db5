import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../app/auth-context';
import { ActiveTag } from '../components/active-tag';
import { BackLink } from '../components/back-link';
import { FullPageSpin } from '../components/full-page-spin';
import { NotFoundResult } from '../components/not-found-result';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { ClassFormDrawer, type ClassFormTarget } from '../features/classes/components/class-form-drawer';
import { ClassesList } from '../features/classes/components/classes-list';
import { useSchool } from '../features/schools/api';
import { SchoolFormDrawer } from '../features/schools/components/school-form-drawer';
import { can, canManage, canOpen } from '../lib/abilities';
import { ApiError } from '../lib/api';
import { formatNumber, orDash } from '../lib/format';
import { useEditor } from '../lib/use-editor';
import { useIsMobile } from '../lib/use-is-mobile';

export function SchoolDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const isMobile = useIsMobile();
  const query = useSchool(id);
  const schoolEditor = useEditor<true>();
  const classEditor = useEditor<ClassFormTarget>();
  const [classPage, setClassPage] = useState({ page: 1, pageSize: 20 });

  if (query.isPending) return <FullPageSpin />;
  if (query.error instanceof ApiError && query.error.status === 404) {
    return <NotFoundResult title="未找到该学校" subtitle="该学校不存在，或不在您的管理范围内。" />;
  }
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;

  const school = query.data;
  const mayEdit = can(school.abilities, 'update', canManage(me, 'schools'));
  const mayManageClasses = can(school.abilities, 'manageClasses', canManage(me, 'classes'));

  return (
    <>
      <PageHeader
        back={<BackLink to="/schools" label="学校" />}
        title={school.name}
        subtitle={<ActiveTag active={school.active} />}
        extra={
          mayEdit ? (
            <Button icon={<EditOutlined />} onClick={() => schoolEditor.open(true)}>
              编辑
            </Button>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          column={isMobile ? 1 : 3}
          size="small"
          items={[
            { key: 'code', label: '学校标识码', children: school.code },
            { key: 'type', label: '类型', children: school.type },
            { key: 'township', label: '乡镇', children: school.townshipName },
            { key: 'unit', label: '管理单位', children: orDash(school.unitName) },
            { key: 'classes', label: '班级', children: formatNumber(school.classCount) },
            {
              key: 'students',
              label: '学生',
              children: canOpen(me, 'children') ? (
                <Link to={`/children?schoolId=${school.id}`}>{formatNumber(school.studentCount)}</Link>
              ) : (
                formatNumber(school.studentCount)
              ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title="班级"
        extra={
          mayManageClasses ? (
            <Flex gap={8}>
              <Button
                size="small"
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => classEditor.open({ mode: 'create', schoolId: school.id })}
              >
                新增班级
              </Button>
            </Flex>
          ) : null
        }
      >
        <ClassesList
          query={{ schoolId: school.id, ...classPage }}
          onPage={(page, pageSize) => setClassPage({ page, pageSize })}
          canManage={mayManageClasses}
          showSchool={false}
          onEdit={(schoolClass) => classEditor.open({ mode: 'edit', schoolClass })}
        />
      </Card>
      <SchoolFormDrawer key={schoolEditor.key} school={schoolEditor.target ? school : undefined} onClose={schoolEditor.close} />
      <ClassFormDrawer key={`class-${classEditor.key}`} target={classEditor.target ?? null} onClose={classEditor.close} />
    </>
  );
}
