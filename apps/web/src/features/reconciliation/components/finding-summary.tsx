import { Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth-context';
import { formatDateTime, orDash } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { KeyGroupTags } from '../../children/components/key-group-tags';
import type { FindingDetail } from '../api';
import { usePlaceNames } from '../hooks/use-place-names';
import { percentText } from '../labels';
import { CategoryTag, FindingStatusTag } from './finding-tags';

/** What the comparison found about this child, and how sure the match is. */
export function FindingSummary({ finding }: { finding: FindingDetail }) {
  const me = useMe();
  const isMobile = useIsMobile();
  const placeName = usePlaceNames([finding]);
  return (
    <Descriptions
      size="small"
      bordered
      column={isMobile ? 1 : 3}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      style={{ marginBottom: 16 }}
      items={[
        { key: 'category', label: '类别', children: <CategoryTag category={finding.category} /> },
        { key: 'status', label: '状态', children: <FindingStatusTag status={finding.status} /> },
        {
          key: 'name',
          label: '姓名',
          children: finding.childId && me.can.children ? <Link to={`/children/${finding.childId}`}>{finding.name}</Link> : finding.name,
        },
        { key: 'id', label: '身份证号', children: orDash(finding.idNumberMasked) },
        { key: 'place', label: finding.schoolName ? '学校' : '户籍地', children: placeName(finding) },
        { key: 'groups', label: '重点群体', children: <KeyGroupTags groups={finding.keyGroups} /> },
        { key: 'method', label: '匹配方式', children: orDash(finding.method) },
        { key: 'confidence', label: '置信度', children: percentText(finding.confidence) },
        { key: 'updated', label: '更新时间', children: formatDateTime(finding.updatedAt) },
        {
          key: 'explanation',
          label: '说明',
          span: isMobile ? 1 : 3,
          children: <Typography.Text style={{ whiteSpace: 'normal' }}>{finding.explanation}</Typography.Text>,
        },
      ]}
    />
  );
}
