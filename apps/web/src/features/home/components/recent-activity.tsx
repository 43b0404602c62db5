import type { HomeSummary } from '@notoneless/shared';
import { Card, Empty, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format';

type Props = { activity: HomeSummary['recentActivity'] };

export function RecentActivity({ activity }: Props) {
  return (
    <Card size="small" title="最近动态" style={{ height: '100%' }}>
      {activity.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无动态" />
      ) : (
        <Timeline
          style={{ marginTop: 8 }}
          items={activity.map((a, i) => ({
            key: `${a.at}-${i}`,
            content: (
              <>
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 8 }}>
                  {formatDateTime(a.at)}
                </Typography.Text>
                {a.actorName ? <Typography.Text strong>{a.actorName}</Typography.Text> : null} {a.actionLabel}
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
