import type { ReferralListItem } from '@notoneless/shared';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { can } from '../../../lib/abilities';
import { formatDateTime, orDash } from '../../../lib/format';

const STATUS_COLORS: Record<ReferralListItem['status'], string> = {
  sent: 'warning',
  accepted: 'processing',
  done: 'success',
  declined: 'default',
};

type Props = { referral: ReferralListItem; onRespond: (r: ReferralListItem) => void };

/** One referral: which department, what is asked, for whom, and the department's answer. */
export function ReferralCard({ referral: r, onRespond }: Props) {
  const where = [r.townshipName, r.villageName, r.schoolName].filter(Boolean).join(' · ');
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 260px' }}>
          <Flex wrap gap={6} align="center">
            <Tag color={STATUS_COLORS[r.status]} style={{ marginInlineEnd: 0 }}>
              {r.statusLabel}
            </Tag>
            <Tag style={{ marginInlineEnd: 0 }}>{r.department}</Tag>
            <Typography.Text strong>{r.subject}</Typography.Text>
          </Flex>
          <Typography.Text>
            <Link to={`/cases/${r.caseId}`}>{r.childName}</Link>
            <Typography.Text type="secondary"> · {orDash(where)}</Typography.Text>
          </Typography.Text>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}>
            {r.request}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {orDash(r.sentByName)} 转介于 {formatDateTime(r.sentAt)}
          </Typography.Text>
          {r.response ? (
            <Typography.Paragraph
              style={{ margin: 0, padding: '6px 8px', background: 'rgba(0,0,0,0.03)', borderRadius: 4, whiteSpace: 'pre-wrap' }}
            >
              <Typography.Text type="secondary">部门答复（{formatDateTime(r.respondedAt)}）：</Typography.Text>
              {r.response}
            </Typography.Paragraph>
          ) : null}
        </Flex>
        {can(r.abilities, 'respond', false) ? (
          <Button type="primary" onClick={() => onRespond(r)}>
            {r.status === 'sent' ? '接收/答复' : '答复办理结果'}
          </Button>
        ) : null}
      </Flex>
    </Card>
  );
}
