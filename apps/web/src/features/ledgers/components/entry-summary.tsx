import { LEDGER_KIND_LABELS } from '@notoneless/shared';
import { Card, Descriptions, Tag, type DescriptionsProps } from 'antd';
import { Link } from 'react-router';
import { formatDateTime, orDash } from '../../../lib/format';
import { gradeLabel } from '../../../lib/labels';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { KeyGroupTags } from '../../children/components/key-group-tags';
import type { LedgerEntryDetail } from '../api';

/** Open (在册) or closed (已销号) with its reason. */
export function EntryStateTag({ entry }: { entry: Pick<LedgerEntryDetail, 'closedAt' | 'closeReason'> }) {
  if (!entry.closedAt) return <Tag color="processing">在册</Tag>;
  return <Tag>已销号{entry.closeReason ? `（${entry.closeReason}）` : ''}</Tag>;
}

const joined = (...parts: (string | null | undefined)[]) => orDash(parts.filter(Boolean).join(' '));

/** The entry: whom it is about, which ledger, where the lead came from, and how it was closed. */
export function EntrySummary({ entry }: { entry: LedgerEntryDetail }) {
  const isMobile = useIsMobile();
  const items: DescriptionsProps['items'] = [
    { key: 'child', label: '儿童', children: <Link to={`/children/${entry.childId}`}>{entry.name}</Link> },
    { key: 'gender', label: '性别', children: orDash(entry.gender) },
    { key: 'id', label: '身份证号', children: orDash(entry.idNumberMasked) },
    { key: 'school', label: '学校年级', children: joined(entry.schoolName, entry.grade ? gradeLabel(entry.grade) : null) },
    { key: 'household', label: '户籍', children: joined(entry.townshipName, entry.villageName) },
    { key: 'groups', label: '重点群体', children: <KeyGroupTags groups={entry.keyGroups} /> },
    { key: 'ledger', label: '台账', children: LEDGER_KIND_LABELS[entry.ledger] },
    { key: 'state', label: '状态', children: <EntryStateTag entry={entry} /> },
    { key: 'source', label: '线索来源', children: entry.sourceLabel },
    ...(entry.ledger === 'dropout' || entry.cause ? [{ key: 'cause', label: '辍学原因', children: orDash(entry.cause) }] : []),
    { key: 'note', label: '情况说明', children: orDash(entry.note), span: isMobile ? 1 : 2 },
    { key: 'opened', label: '列入时间', children: formatDateTime(entry.openedAt) },
    { key: 'openedBy', label: '登记人', children: orDash(entry.openedByName) },
    ...(entry.closedAt
      ? [
          { key: 'closed', label: '销号时间', children: formatDateTime(entry.closedAt) },
          { key: 'reason', label: '销号原因', children: orDash(entry.closeReason) },
          { key: 'evidence', label: '销号依据', children: orDash(entry.closeEvidence), span: isMobile ? 1 : 2 },
        ]
      : []),
  ];
  return (
    <Card size="small" title="台账记录" style={{ marginBottom: 16 }}>
      <Descriptions column={isMobile ? 1 : 2} size="small" items={items} styles={isMobile ? undefined : { label: { width: 96 } }} />
    </Card>
  );
}
