import { CASE_STATUS_LABELS, type CaseStatus } from '@notoneless/shared';
import { Tag } from 'antd';
import { STATUS_COLORS } from '../labels';

export function CaseStatusTag({ status, label }: { status: string; label?: string }) {
  const known = status in STATUS_COLORS ? (status as CaseStatus) : null;
  return (
    <Tag color={known ? STATUS_COLORS[known] : 'default'} style={{ marginInlineEnd: 0 }}>
      {label ?? (known ? CASE_STATUS_LABELS[known] : status)}
    </Tag>
  );
}
