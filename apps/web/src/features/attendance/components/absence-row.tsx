import {
  ABSENCE_REASONS,
  CONTACT_RESULTS,
  maskStudentNo,
  type AbsenceReason,
  type ClassDayChild,
  type ContactResult,
} from '@notoneless/shared';
import { Button, Flex, Tag, Typography, theme } from 'antd';
import { memo } from 'react';
import { REASON_COLORS } from '../format';
import { markProblem, type Mark } from '../marks';

type Props = {
  child: ClassDayChild;
  mark: Mark | undefined;
  readOnly: boolean;
  /** show the problems of incomplete marks (after a submit that stopped on them) */
  showProblems: boolean;
  onToggle: (childId: string) => void;
  onChange: (childId: string, mark: Mark) => void;
};

/** One child of the class list: tap to mark absent (and back); the reason and, for 无故缺勤, the family contact. */
export const AbsenceRow = memo(function AbsenceRow({ child, mark, readOnly, showProblems, onToggle, onChange }: Props) {
  const { token } = theme.useToken();
  const absent = mark !== undefined;
  const problem = absent ? markProblem(mark) : null;
  const leave = child.onLeave;
  const setReason = (reason: AbsenceReason) =>
    onChange(child.childId, { ...mark, reason, contactResult: reason === '无故缺勤' ? mark?.contactResult : undefined });
  const setContact = (contactResult: ContactResult) => onChange(child.childId, { ...mark, contactResult });

  return (
    <div
      data-testid="roster-row"
      style={{
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        background: absent ? (mark.reason === '迟到' ? token.colorWarningBg : token.colorErrorBg) : undefined,
      }}
    >
      <button
        type="button"
        aria-pressed={absent}
        disabled={readOnly}
        onClick={() => onToggle(child.childId)}
        style={{
          display: 'flex',
          width: '100%',
          minHeight: 52,
          alignItems: 'center',
          gap: 8,
          padding: '6px 8px',
          border: 'none',
          background: 'transparent',
          cursor: readOnly ? 'default' : 'pointer',
          textAlign: 'left',
          font: 'inherit',
          color: 'inherit',
        }}
      >
        <Flex vertical style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {child.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {[child.gender, child.studentNo ? maskStudentNo(child.studentNo) : null].filter(Boolean).join(' · ')}
            {leave ? ` · ${leave.kind} ${leave.from.slice(5)}至${leave.to.slice(5)}（${leave.statusLabel}）` : ''}
          </Typography.Text>
        </Flex>
        {absent ? (
          <Tag color={mark.reason ? REASON_COLORS[mark.reason] : 'red'} style={{ marginInlineEnd: 0 }}>
            {mark.reason ?? '缺勤'}
            {mark.contactResult ? `·${mark.contactResult}` : ''}
          </Tag>
        ) : (
          <Typography.Text type="secondary">到校</Typography.Text>
        )}
      </button>
      {absent && !readOnly ? (
        <Flex vertical gap={6} style={{ padding: '0 8px 10px' }}>
          <Flex gap={6}>
            {ABSENCE_REASONS.map((r) => (
              <Button
                key={r}
                size="large"
                type={mark.reason === r ? 'primary' : 'default'}
                danger={r === '无故缺勤' && mark.reason === r}
                disabled={r === '事假' && !leave && mark.reason !== r}
                onClick={() => setReason(r)}
                style={{ flex: 1, paddingInline: 4 }}
              >
                {r}
              </Button>
            ))}
          </Flex>
          {leave && (mark.reason === '事假' || mark.reason === '病假') ? (
            <Typography.Text type={leave.status === 'approved' ? 'success' : 'warning'} style={{ fontSize: 12 }}>
              请假：{leave.kind} {leave.from} 至 {leave.to}（{leave.statusLabel}）
            </Typography.Text>
          ) : !leave && (!mark.reason || mark.reason === '事假') ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {mark.reason ? '当天没有请假记录，事假须先登记请假（请假管理）' : '当天没有请假记录（事假须先登记请假）'}
            </Typography.Text>
          ) : null}
          {mark.reason === '无故缺勤' ? (
            <Flex gap={6} align="center">
              <Typography.Text style={{ fontSize: 13, whiteSpace: 'nowrap' }}>家长联系：</Typography.Text>
              {CONTACT_RESULTS.map((c) => (
                <Button
                  key={c}
                  size="large"
                  type={mark.contactResult === c ? 'primary' : 'default'}
                  onClick={() => setContact(c)}
                  style={{ flex: 1, paddingInline: 4 }}
                >
                  {c}
                </Button>
              ))}
            </Flex>
          ) : null}
          {showProblems && problem ? (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {problem}
            </Typography.Text>
          ) : null}
        </Flex>
      ) : null}
    </div>
  );
});
