import { PlusOutlined } from '@ant-design/icons';
import { homeTeachingWeek } from '@notoneless/shared';
import { Button, Card, Divider, Empty, Flex, Progress, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDate, formatDateTime, todayInShanghai } from '../../lib/format';
import { AttachmentList } from '../attachments/components/attachment-list';
import { useHomeTeachingTarget, type HomeTeachingSession } from './api';
import { HomeTeachingSessionDrawer } from './components/session-drawer';
import { inWeek, weekLabel, weekStart } from './week';

type Props = { caseId: string; sessions: HomeTeachingSession[]; canRecord: boolean };

/**
 * 送教上门 of one case (seed 004): this week against the county's target (每周1次、每次2课时 by default), the
 * session log newest first (date, class hours, teacher, content, photos), and the form to add one.
 */
export function HomeTeachingPanel({ caseId, sessions, canRecord }: Props) {
  const [adding, setAdding] = useState(0);
  const target = useHomeTeachingTarget();
  const monday = weekStart(todayInShanghai());
  const week = homeTeachingWeek(
    sessions.filter((s) => inWeek(s.taughtOn, monday)),
    target,
  );
  const met = week.shortfall.length === 0;
  const sorted = [...sessions].sort((a, b) =>
    a.taughtOn === b.taughtOn ? b.recordedAt.localeCompare(a.recordedAt) : b.taughtOn.localeCompare(a.taughtOn),
  );

  return (
    <Card
      title="送教上门记录"
      size="small"
      extra={
        canRecord ? (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setAdding((n) => n + 1)}>
            记录送教
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={4} style={{ marginBottom: 12 }}>
        <Flex justify="space-between" wrap gap={8}>
          <Typography.Text>
            本周（{weekLabel(monday)}）：{week.sessions} 次、{week.hours} 课时
          </Typography.Text>
          {met ? <Tag color="success">本周已达标</Tag> : <Tag color="warning">本周未达标</Tag>}
        </Flex>
        <Progress
          percent={week.requiredHours > 0 ? Math.min(100, Math.round((week.hours / week.requiredHours) * 100)) : 0}
          size="small"
          showInfo={false}
          status={met ? 'success' : 'active'}
        />
        <Typography.Text type="secondary">
          {met ? `要求：每周 ${week.requiredSessions} 次、共 ${week.requiredHours} 课时（县级设置）` : week.shortfall.join('；')}
        </Typography.Text>
      </Flex>
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有送教记录" />
      ) : (
        sorted.map((s, i) => (
          <div key={s.id}>
            {i > 0 ? <Divider style={{ margin: '10px 0' }} /> : null}
            <Flex justify="space-between" wrap gap={8}>
              <Typography.Text strong>
                {formatDate(s.taughtOn)} · {s.hours} 课时
              </Typography.Text>
              <Typography.Text type="secondary">送教教师：{s.teacherName}</Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>{s.content}</Typography.Paragraph>
            <AttachmentList items={s.attachments} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              记录于 {formatDateTime(s.recordedAt)}
            </Typography.Text>
          </div>
        ))
      )}
      {adding > 0 ? (
        <HomeTeachingSessionDrawer
          key={adding}
          caseId={caseId}
          defaultHours={target.homeTeachingHoursPerSession}
          onClose={() => setAdding(0)}
        />
      ) : null}
    </Card>
  );
}
