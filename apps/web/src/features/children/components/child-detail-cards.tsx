import { ChildRegistryCards } from './child-registry-cards';
import type { ChildDetail } from '@notoneless/shared';
import { Card, Col, Descriptions, Row, type DescriptionsProps } from 'antd';
import { Link } from 'react-router';
import { formatDate, orDash } from '../../../lib/format';
import { gradeLabel } from '../../../lib/labels';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { ChildStatusTag } from './child-status-tag';
import { KeyGroupTags } from './key-group-tags';
import { RevealableValue } from './revealable-value';

type Props = { child: ChildDetail; canOpenSchools: boolean };

function Section({ title, items }: { title: string; items: DescriptionsProps['items'] }) {
  const isMobile = useIsMobile();
  return (
    <Card size="small" title={title} style={{ height: '100%' }}>
      <Descriptions column={1} size="small" items={items} styles={isMobile ? undefined : { label: { width: 96 } }} />
    </Card>
  );
}

/** The child's page, part one: identity, household, school, guardian, key groups. */
export function ChildDetailCards({ child, canOpenSchools }: Props) {
  const canReveal = child.abilities.reveal === true;
  const school =
    child.schoolId && child.schoolName && canOpenSchools ? (
      <Link to={`/schools/${child.schoolId}`}>{child.schoolName}</Link>
    ) : (
      orDash(child.schoolName)
    );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Section
          title="身份信息"
          items={[
            { key: 'name', label: '姓名', children: child.name },
            { key: 'gender', label: '性别', children: orDash(child.gender) },
            { key: 'birth', label: '出生日期', children: formatDate(child.birthDate) },
            { key: 'nation', label: '民族', children: orDash(child.nation) },
            {
              key: 'id',
              label: '身份证号',
              children: <RevealableValue childId={child.id} field="idNumber" masked={child.idNumberMasked} canReveal={canReveal} />,
            },
            { key: 'status', label: '就读状态', children: <ChildStatusTag status={child.status} /> },
          ]}
        />
      </Col>
      <Col xs={24} lg={12}>
        <Section
          title="就读"
          items={[
            { key: 'school', label: '学校', children: school },
            { key: 'grade', label: '年级', children: gradeLabel(child.grade) },
            { key: 'class', label: '班级', children: orDash(child.className) },
            { key: 'studentNo', label: '学籍号', children: orDash(child.studentNo) },
          ]}
        />
      </Col>
      <Col xs={24} lg={12}>
        <Section
          title="户籍"
          items={[
            { key: 'township', label: '乡镇', children: orDash(child.townshipName) },
            { key: 'village', label: '村（社区）', children: orDash(child.villageName) },
            { key: 'address', label: '户籍地址', children: orDash(child.householdAddress) },
          ]}
        />
      </Col>
      <Col xs={24} lg={12}>
        <Section
          title="监护人"
          items={[
            { key: 'guardian', label: '姓名', children: orDash(child.guardianName) },
            { key: 'relation', label: '关系', children: orDash(child.guardianRelation) },
            {
              key: 'phone',
              label: '联系电话',
              children: (
                <RevealableValue childId={child.id} field="guardianPhone" masked={child.guardianPhoneMasked} canReveal={canReveal} />
              ),
            },
          ]}
        />
      </Col>
      <Col xs={24}>
        <Card size="small" title="重点群体">
          <KeyGroupTags groups={child.keyGroupFlags} />
        </Card>
      </Col>
      <ChildRegistryCards child={child} />
    </Row>
  );
}
