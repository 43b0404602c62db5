import type { CaseDetail } from '@notoneless/shared';
import { Card, Flex, Steps, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format';

const APPROVAL_STATUS: Record<string, { label: string; color: string }> = {
  pending: { label: '审批中', color: 'processing' },
  approved: { label: '已批准', color: 'success' },
  rejected: { label: '未批准', color: 'error' },
  withdrawn: { label: '已撤回', color: 'default' },
};
const REFERRAL_STATUS: Record<string, { label: string; color: string }> = {
  sent: { label: '已转介，待接收', color: 'processing' },
  accepted: { label: '已接收办理', color: 'blue' },
  done: { label: '已办结', color: 'success' },
  declined: { label: '不予办理', color: 'error' },
};
const DECISIONS: Record<string, string> = { approve: '同意', approved: '同意', reject: '不同意', rejected: '不同意' };

/** 延缓入学/休学 and 销号 approvals of the case, read-only: status and each step with its decider. */
export function CaseApprovalsCard({ detail }: { detail: CaseDetail }) {
  if (detail.approvals.length === 0) return null;
  return (
    <Card size="small" title="审批" style={{ marginBottom: 16 }}>
      <Flex vertical gap={16}>
        {detail.approvals.map((a) => {
          const status = APPROVAL_STATUS[a.status] ?? { label: a.status, color: 'default' };
          return (
            <Flex key={a.id} vertical gap={6}>
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{a.typeLabel}</Typography.Text>
                <Tag color={status.color}>{status.label}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a.requesterName} 申请于 {formatDateTime(a.createdAt)}
                </Typography.Text>
              </Flex>
              {a.steps.length > 0 ? (
                <Steps
                  orientation="vertical"
                  size="small"
                  current={a.steps.length}
                  items={a.steps.map((s) => ({
                    title: `${s.rightLabel}：${DECISIONS[s.decision] ?? s.decision}`,
                    status: s.decision.startsWith('reject') ? 'error' : 'finish',
                    content: `${s.deciderName} · ${formatDateTime(s.at)}${s.comment ? ` · ${s.comment}` : ''}`,
                  }))}
                />
              ) : null}
              {a.status === 'pending' && a.nextRight ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  等待：{a.nextRight}
                </Typography.Text>
              ) : null}
            </Flex>
          );
        })}
      </Flex>
    </Card>
  );
}

/** Referrals to other departments, read-only: what was asked and what the liaison answered. */
export function CaseReferralsCard({ detail }: { detail: CaseDetail }) {
  if (detail.referrals.length === 0) return null;
  return (
    <Card size="small" title="部门转介" style={{ marginBottom: 16 }}>
      <Flex vertical gap={12}>
        {detail.referrals.map((r) => {
          const status = REFERRAL_STATUS[r.status] ?? { label: r.status, color: 'default' };
          return (
            <Flex key={r.id} vertical gap={2}>
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>
                  {r.department}：{r.subject}
                </Typography.Text>
                <Tag color={status.color}>{status.label}</Tag>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                转介于 {formatDateTime(r.sentAt)}
                {r.respondedAt ? ` · 答复于 ${formatDateTime(r.respondedAt)}` : ''}
              </Typography.Text>
              <Typography.Text style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{r.request}</Typography.Text>
              {r.response ? (
                <Typography.Text style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  <Typography.Text type="secondary">答复：</Typography.Text>
                  {r.response}
                </Typography.Text>
              ) : null}
            </Flex>
          );
        })}
      </Flex>
    </Card>
  );
}
