import type { AbsenceAlertDto } from '@notoneless/shared';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../../lib/format';

type Props = {
  alert: AbsenceAlertDto;
  childLink: boolean;
  onDecide: (alert: AbsenceAlertDto, decision: 'confirm' | 'dismiss') => void;
};

const STATUS_COLORS = { open: 'error', case_opened: 'processing', dismissed: 'default' } as const;

/** One absence alert (连续 N 天 / 本月 M 天): the school confirms (a 疑似辍学 case opens) or dismisses with a reason. */
export function AlertCard({ alert, childLink, onDecide }: Props) {
  return (
    <Card size="small" data-testid="alert-card" style={{ marginBottom: 12 }}>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {childLink ? <Link to={`/children/${alert.childId}`}>{alert.name}</Link> : alert.name}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8, fontSize: 13 }}>
              {[alert.schoolName, alert.className].filter(Boolean).join(' ')}
            </Typography.Text>
          </Typography.Text>
          <Typography.Text type="danger">{alert.label}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            最近一次：{formatDate(alert.lastDate)} · 预警于 {formatDateTime(alert.createdAt)}
          </Typography.Text>
        </Flex>
        <Flex gap={4} wrap>
          <Tag>{alert.ruleLabel}</Tag>
          <Tag color={STATUS_COLORS[alert.status]}>{alert.statusLabel}</Tag>
        </Flex>
      </Flex>
      {alert.status !== 'open' ? (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
          {alert.decidedByName ?? ''} {alert.decidedAt ? formatDateTime(alert.decidedAt) : ''}
          {alert.reason ? ` · 理由：${alert.reason}` : ''}
          {alert.caseId ? (
            <>
              {' · '}
              <Link to={`/cases/${alert.caseId}`}>查看个案</Link>
            </>
          ) : null}
        </Typography.Paragraph>
      ) : null}
      {alert.abilities.decide ? (
        <Flex gap={8} justify="flex-end" wrap style={{ marginTop: 12 }}>
          <Button onClick={() => onDecide(alert, 'dismiss')}>排除</Button>
          <Button type="primary" danger onClick={() => onDecide(alert, 'confirm')}>
            确认疑似辍学
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}
