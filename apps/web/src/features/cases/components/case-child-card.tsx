import type { CaseDetail } from '@notoneless/shared';
import { Card, Descriptions, type DescriptionsProps } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth-context';
import { can } from '../../../lib/abilities';
import { orDash } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { KeyGroupTags } from '../../children/components/key-group-tags';
import { RevealableValue } from '../../children/components/revealable-value';
import { placeText, schoolText } from './cases-table';

/** 一生一表's first part: the child (masked; 「显示」 is logged), school, household and guardian. */
export function CaseChildCard({ detail }: { detail: CaseDetail }) {
  const me = useMe();
  const isMobile = useIsMobile();
  const canReveal = can(detail.abilities, 'reveal', me.can.children === true);
  const items: DescriptionsProps['items'] = [
    {
      key: 'name',
      label: '姓名',
      children: me.can.children ? <Link to={`/children/${detail.childId}`}>{detail.name}</Link> : detail.name,
    },
    { key: 'gender', label: '性别', children: orDash(detail.gender) },
    {
      key: 'id',
      label: '身份证号',
      children: <RevealableValue childId={detail.childId} field="idNumber" masked={detail.idNumberMasked} canReveal={canReveal} />,
    },
    { key: 'birth', label: '出生日期', children: orDash(detail.birthDate) },
    { key: 'studentNo', label: '学籍号', children: orDash(detail.studentNoMasked) },
    { key: 'school', label: '学校年级', children: schoolText(detail) },
    { key: 'place', label: '户籍', children: placeText(detail) },
    { key: 'address', label: '户籍地址', children: orDash(detail.householdAddress) },
    {
      key: 'guardian',
      label: '监护人',
      children: orDash([detail.guardianName, detail.guardianRelation ? `（${detail.guardianRelation}）` : ''].join('')),
    },
    {
      key: 'phone',
      label: '监护人电话',
      children: (
        <RevealableValue childId={detail.childId} field="guardianPhone" masked={detail.guardianPhoneMasked} canReveal={canReveal} />
      ),
    },
    { key: 'groups', label: '重点群体', children: <KeyGroupTags groups={detail.keyGroups} /> },
  ];
  return (
    <Card size="small" title="儿童信息" style={{ marginBottom: 16 }}>
      <Descriptions column={1} size="small" items={items} styles={isMobile ? undefined : { label: { width: 96 } }} />
    </Card>
  );
}
