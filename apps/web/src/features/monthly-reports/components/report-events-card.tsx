import type { MonthlyReport } from '@notoneless/shared';
import { Card, Empty, Flex, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format';

const COLORS: Record<string, string> = { submit: 'blue', return: 'red', accept: 'green', correct: 'orange' };

/** The report's history, newest first: who did what, when, with their comment. */
export function ReportEventsCard({ report }: { report: MonthlyReport }) {
  const events = [...report.events].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Card size="small" title="办理记录" style={{ marginBottom: 16 }} data-testid="report-events">
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无记录" />
      ) : (
        <Timeline
          items={events.map((e, i) => ({
            key: `${e.at}-${i}`,
            color: COLORS[e.action] ?? 'gray',
            content: (
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Typography.Text strong>{e.actionLabel}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.actorName} · {formatDateTime(e.at)}
                </Typography.Text>
                {e.comment ? (
                  <Typography.Text style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{e.comment}</Typography.Text>
                ) : null}
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}
