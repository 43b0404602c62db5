import type { CaseDetail } from '@notoneless/shared';
import { Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { orDash, todayInShanghai } from '../../../lib/format';
import { daysBetween, DeadlineText } from './deadline-text';

/** The legal clock: days since the report, the next deadline (red when overdue), and every deadline of the case. */
export function LegalClockCard({ detail }: { detail: CaseDetail }) {
  const today = todayInShanghai();
  const open = detail.deadlines.filter((d) => !d.met).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const next = detail.nextDeadline ?? open[0] ?? null;
  const overdue = (next?.overdueDays ?? 0) > 0;
  const left = next ? daysBetween(today, next.dueOn) : null;
  return (
    <Card size="small" title="法定时限" style={{ marginBottom: 16 }}>
      <Row gutter={[16, 12]}>
        <Col xs={12} md={6}>
          <Statistic title="报告以来" value={detail.daysOpen} suffix="天" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={next ? `${next.label}（${next.dueOn}）` : '下一期限'}
            value={next ? (overdue ? next.overdueDays : Math.max(left ?? 0, 0)) : '—'}
            suffix={next ? (overdue ? '天 已逾期' : '天后到期') : undefined}
            styles={{ content: { color: overdue ? '#cf1322' : undefined } }}
          />
        </Col>
        <Col xs={24} md={12}>
          <Flex vertical gap={2} style={{ fontSize: 13 }}>
            <Typography.Text type="secondary">
              报告 {detail.reportedOn} · 认定 {orDash(detail.confirmedOn)} · 复学 {orDash(detail.returnedOn)}
            </Typography.Text>
            {detail.followUpUntil ? <Typography.Text type="secondary">巩固跟踪至 {detail.followUpUntil}</Typography.Text> : null}
          </Flex>
        </Col>
      </Row>
      {detail.deadlines.length > 0 ? (
        <Flex vertical gap={4} style={{ marginTop: 12 }}>
          {[...detail.deadlines]
            .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
            .map((d) => (
              <Flex key={d.id} gap={8} align="center" wrap>
                {d.met ? (
                  <Tag color="success">已完成</Tag>
                ) : d.overdueDays > 0 ? (
                  <Tag color="error">逾期</Tag>
                ) : (
                  <Tag color="processing">进行中</Tag>
                )}
                {d.met ? (
                  <Typography.Text type="secondary">
                    {d.label} {d.dueOn}
                  </Typography.Text>
                ) : (
                  <DeadlineText deadline={d} today={today} compact />
                )}
              </Flex>
            ))}
        </Flex>
      ) : null}
    </Card>
  );
}
