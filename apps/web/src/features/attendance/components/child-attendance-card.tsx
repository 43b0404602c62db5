import { Card, Col, Empty, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import { useChildAttendance } from '../api';
import { formatRate, REASON_COLORS } from '../format';

type Props = { childId: string };

/** 出勤 on the child's page: this term's rate, the current streak of unexplained absence, the last absences, leaves. */
export function ChildAttendanceCard({ childId }: Props) {
  const query = useChildAttendance(childId);
  const a = query.data;
  return (
    <Card
      size="small"
      title={`出勤${a?.termName ? `（${a.termName}）` : ''}`}
      loading={query.isPending}
      style={{ marginBottom: 16 }}
      extra={a && a.openAlerts > 0 ? <Link to="/attendance/alerts">{a.openAlerts} 条缺勤预警待处理</Link> : null}
    >
      {query.error ? (
        <Typography.Text type="secondary">出勤情况暂时无法读取</Typography.Text>
      ) : a ? (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Statistic title="出勤率" value={formatRate(a.rate)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title="当前连续无故缺勤"
                value={`${a.currentStreak} 天`}
                styles={{ content: { color: a.currentStreak > 0 ? '#cf1322' : undefined } }}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="缺勤 / 上报日数" value={`${a.absentDays} / ${a.reportedDays}`} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="无故缺勤 · 迟到" value={`${a.unexplainedDays} · ${a.lateDays}`} />
            </Col>
          </Row>
          <Typography.Text strong style={{ display: 'block', margin: '12px 0 6px' }}>
            最近缺勤
          </Typography.Text>
          {a.lastAbsences.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本学期没有缺勤记录" style={{ margin: 0 }} />
          ) : (
            <Flex vertical gap={4}>
              {a.lastAbsences.map((d) => (
                <Flex key={d.date} gap={8} align="center" wrap>
                  <span>{formatDate(d.date)}</span>
                  <Tag color={REASON_COLORS[d.reason]}>{d.reason}</Tag>
                  {d.contactResult ? <Typography.Text type="secondary">家长{d.contactResult}</Typography.Text> : null}
                  {d.note ? <Typography.Text type="secondary">{d.note}</Typography.Text> : null}
                </Flex>
              ))}
            </Flex>
          )}
          {a.leaves.length > 0 ? (
            <>
              <Typography.Text strong style={{ display: 'block', margin: '12px 0 6px' }}>
                请假
              </Typography.Text>
              <Flex vertical gap={4}>
                {a.leaves.map((l) => (
                  <Flex key={l.id} gap={8} align="center" wrap>
                    <span>
                      {l.kind} {formatDate(l.from)} 至 {formatDate(l.to)}
                    </span>
                    <Tag>{l.statusLabel}</Tag>
                    {l.overdueReturn ? <Tag color="error">已到期未销假</Tag> : null}
                  </Flex>
                ))}
              </Flex>
            </>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
