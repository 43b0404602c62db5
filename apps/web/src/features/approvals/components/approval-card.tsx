import { APPROVAL_STATUS_LABELS } from '@notoneless/shared';
import { App, Button, Card, Col, Flex, Popconfirm, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../../../lib/api';
import { can } from '../../../lib/abilities';
import { formatDateTime, orDash } from '../../../lib/format';
import { useWithdrawApproval, type ApprovalItem } from '../api';
import { ApprovalApplication } from './approval-application';
import { ApprovalSteps } from './approval-steps';

const STATUS_COLORS: Record<ApprovalItem['status'], string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

type Props = { approval: ApprovalItem; onDecide: (a: ApprovalItem, decision: 'approve' | 'reject') => void };

/** One application: whose case, what is asked with its conditions and documents, the steps, and the user's buttons. */
export function ApprovalCard({ approval: a, onDecide }: Props) {
  const { message } = App.useApp();
  const withdraw = useWithdrawApproval();
  const mayDecide = can(a.abilities, 'decide', false);
  const mayWithdraw = can(a.abilities, 'withdraw', false);
  const where = [a.townshipName, a.schoolName].filter(Boolean).join(' · ');

  const onWithdraw = () =>
    withdraw.mutate(
      { id: a.id, version: a.version },
      {
        onSuccess: () => message.success('申请已撤回'),
        onError: (e) => message.error(e instanceof ApiError && e.status === 409 ? `${e.message}，已刷新列表` : errorMessage(e)),
      },
    );

  return (
    <Card
      size="small"
      title={
        <Flex wrap gap={6} align="center" style={{ whiteSpace: 'normal', padding: '4px 0' }}>
          <Tag color={STATUS_COLORS[a.status]} style={{ marginInlineEnd: 0 }}>
            {APPROVAL_STATUS_LABELS[a.status]}
          </Tag>
          <span>{a.typeLabel}</span>
          <Link to={`/cases/${a.caseId}`}>{a.childName}</Link>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
            {a.idNumberMasked}
          </Typography.Text>
        </Flex>
      }
      style={{ marginBottom: 12 }}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8, fontSize: 12 }}>
        {orDash(where)} · 个案{a.caseStatusLabel} · {a.requesterName} 申请于 {formatDateTime(a.createdAt)}
      </Typography.Paragraph>
      <Row gutter={[16, 8]}>
        <Col xs={24} lg={14}>
          <ApprovalApplication approval={a} />
        </Col>
        <Col xs={24} lg={10}>
          <ApprovalSteps approval={a} />
        </Col>
      </Row>
      {mayDecide || mayWithdraw ? (
        <Flex gap={8} wrap justify="flex-end" style={{ marginTop: 8 }}>
          {mayWithdraw ? (
            <Popconfirm title="撤回这份申请？" okText="撤回" cancelText="取消" onConfirm={onWithdraw}>
              <Button loading={withdraw.isPending}>撤回申请</Button>
            </Popconfirm>
          ) : null}
          {mayDecide ? (
            <>
              <Button danger onClick={() => onDecide(a, 'reject')}>
                不同意
              </Button>
              <Button type="primary" onClick={() => onDecide(a, 'approve')}>
                同意
              </Button>
            </>
          ) : null}
        </Flex>
      ) : null}
    </Card>
  );
}
