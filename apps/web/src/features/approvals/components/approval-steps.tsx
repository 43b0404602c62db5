import { APPROVAL_RIGHT_LABELS, DEFERRAL_APPROVAL_STEPS, type ApprovalRight } from '@notoneless/shared';
import { Steps, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format';
import type { ApprovalItem } from '../api';
import { DECISION_LABELS } from '../labels';

const CLOSURE_STEPS: readonly { stepNo: number; right: ApprovalRight; label: string }[] = [
  { stepNo: 1, right: 'case_closure_confirm', label: '中心校确认销号' },
];

/** The approval's steps (seed 002: 县教育局核实 → 县乡村振兴领导小组同意; 销号: 中心校确认): who decided what, and what waits. */
export function ApprovalSteps({ approval }: { approval: ApprovalItem }) {
  const plan = approval.type === 'closure' ? CLOSURE_STEPS : DEFERRAL_APPROVAL_STEPS;
  const current = approval.steps.length;
  return (
    <Steps
      orientation="vertical"
      size="small"
      current={current}
      status={
        approval.status === 'rejected'
          ? 'error'
          : approval.status === 'approved'
            ? 'finish'
            : approval.status === 'withdrawn'
              ? 'wait'
              : 'process'
      }
      items={plan.map((p, i) => {
        const done = approval.steps.find((s) => s.stepNo === p.stepNo);
        const waiting = !done && i === current && approval.status === 'pending';
        return {
          title: p.label,
          content: done ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {done.deciderName}：{DECISION_LABELS[done.decision] ?? done.decision}
              {done.comment ? `（${done.comment}）` : ''} · {formatDateTime(done.at)}
            </Typography.Text>
          ) : waiting ? (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              待「{APPROVAL_RIGHT_LABELS[p.right]}」审批
            </Typography.Text>
          ) : null,
        };
      })}
    />
  );
}
