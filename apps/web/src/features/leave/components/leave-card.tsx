import type { LeaveDto, LeaveStatus } from '@notoneless/shared';
import { Button, Card, Flex, Steps, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';

type Props = {
  leave: LeaveDto;
  childLink: boolean;
  onDecide: (leave: LeaveDto) => void;
  onClose: (leave: LeaveDto) => void;
  onSlip: (leave: LeaveDto) => void;
};

const STATUS_COLORS: Record<LeaveStatus, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  closed: 'default',
  cancelled: 'default',
};

const stepState = (s: LeaveDto['steps'][number]) =>
  s.status === 'approved' || s.status === 'filed'
    ? 'finish'
    : s.status === 'rejected'
      ? 'error'
      : s.status === 'pending'
        ? 'process'
        : 'wait';

/** One leave: who, when, its steps and what this user may do (abilities); one that ended without 销假 stands out. */
export function LeaveCard({ leave, childLink, onDecide, onClose, onSlip }: Props) {
  const current = leave.steps.find((s) => s.status === 'pending');
  return (
    <Card
      size="small"
      data-testid="leave-card"
      style={{
        marginBottom: 12,
        borderColor: leave.overdueReturn ? '#ff4d4f' : undefined,
        background: leave.overdueReturn ? '#fff1f0' : undefined,
      }}
    >
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {childLink ? <Link to={`/children/${leave.childId}`}>{leave.name}</Link> : leave.name}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8, fontSize: 13 }}>
              {[leave.schoolName, leave.className].filter(Boolean).join(' ')}
            </Typography.Text>
          </Typography.Text>
          <Typography.Text>
            {leave.kind} · {formatDate(leave.from)} 至 {formatDate(leave.to)} · {leave.schoolDays} 个上学日
            {leave.povertyGroup ? <Tag style={{ marginInlineStart: 8 }}>脱贫户/监测户</Tag> : null}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            事由：{leave.reason}
          </Typography.Text>
        </Flex>
        <Flex gap={4} wrap>
          {leave.overdueReturn ? <Tag color="error">已到期未销假</Tag> : null}
          <Tag color={STATUS_COLORS[leave.status]}>{leave.statusLabel}</Tag>
          {leave.closedOn ? <Tag>{formatDate(leave.closedOn)} 返校</Tag> : null}
        </Flex>
      </Flex>
      <Steps
        size="small"
        style={{ marginTop: 12 }}
        items={leave.steps.map((s) => ({
          title: s.label,
          status: stepState(s),
          description: s.decidedByName ? `${s.statusLabel} · ${s.decidedByName}` : s.statusLabel,
        }))}
      />
      {leave.overdueReturn ? (
        <Typography.Paragraph type="danger" style={{ margin: '8px 0 0', fontSize: 13 }}>
          请假已于 {formatDate(leave.to)} 结束仍未销假：之后的上学日按无故缺勤计，请联系家长并及时销假。
        </Typography.Paragraph>
      ) : null}
      <Flex gap={8} wrap justify="flex-end" style={{ marginTop: 12 }}>
        <Button onClick={() => onSlip(leave)}>请假条</Button>
        {leave.abilities.close ? <Button onClick={() => onClose(leave)}>销假</Button> : null}
        {leave.abilities.decide && current ? (
          <Button type="primary" onClick={() => onDecide(leave)}>
            {current.kind === 'file' ? `${current.label}` : `审批：${current.label}`}
          </Button>
        ) : null}
      </Flex>
    </Card>
  );
}
