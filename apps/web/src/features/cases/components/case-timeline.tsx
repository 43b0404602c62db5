import { ROLE_LABELS, type Role } from '@notoneless/shared';
import { Card, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format';
import { AttachmentList } from '../../attachments/components/attachment-list';
import type { CaseEventDto } from '../api';
import { eventDetails, eventSentence, statusChange } from '../event-story';

const COLORS: Record<string, string> = {
  verify: 'orange',
  return: 'green',
  closure_confirm: 'green',
  relapse: 'red',
  notice_issued: 'red',
  correction_order: 'red',
  referral: 'purple',
};

const roleName = (r: string | null) => (r && r in ROLE_LABELS ? ROLE_LABELS[r as Role] : r);

/** The case as a story, newest first: the day, who, what in a sentence, the details, photos, the signature line. */
export function CaseTimeline({ events }: { events: CaseEventDto[] }) {
  const sorted = [...events].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.at.localeCompare(a.at));
  return (
    <Card size="small" title="办理经过" style={{ marginBottom: 16 }}>
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />
      ) : (
        <Timeline
          items={sorted.map((e) => {
            const change = statusChange(e);
            return {
              key: e.id,
              color: COLORS[e.type] ?? 'blue',
              content: (
                <Flex vertical gap={4} style={{ minWidth: 0 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.occurredOn} · {e.actorName}
                    {e.actorRole ? `（${roleName(e.actorRole)}）` : ''}
                  </Typography.Text>
                  <Flex gap={6} wrap align="center">
                    <Typography.Text strong style={{ wordBreak: 'break-word' }}>
                      {eventSentence(e)}
                    </Typography.Text>
                    {change ? <Tag style={{ marginInlineEnd: 0 }}>{change}</Tag> : null}
                  </Flex>
                  {eventDetails(e).map((line) => (
                    <Typography.Text key={line.label} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                      <Typography.Text type="secondary">{line.label}：</Typography.Text>
                      {line.value}
                    </Typography.Text>
                  ))}
                  <AttachmentList items={e.attachments} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    签名：{e.signedBy ?? '＿＿＿＿'} · 记录于 {formatDateTime(e.at)}
                  </Typography.Text>
                </Flex>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}
