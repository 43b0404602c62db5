import { FINDING_STATUS_LABELS } from '@notoneless/shared';
import { Tag, Tooltip } from 'antd';
import type { FindingStatus, Run } from '../api';
import { CATEGORY_COLORS, categoryLabel, isCategory, RUN_STATUS, STATUS_COLORS } from '../labels';

const TAG = { marginInlineEnd: 0 };

/** 类别, colored by priority (脱贫户辍学 red). */
export function CategoryTag({ category, suffix }: { category: string; suffix?: string }) {
  return (
    <Tag color={isCategory(category) ? CATEGORY_COLORS[category] : undefined} style={TAG}>
      {categoryLabel(category)}
      {suffix}
    </Tag>
  );
}

export function FindingStatusTag({ status }: { status: string }) {
  const known = status in FINDING_STATUS_LABELS;
  return (
    <Tag color={known ? STATUS_COLORS[status as FindingStatus] : undefined} style={TAG}>
      {known ? FINDING_STATUS_LABELS[status as FindingStatus] : status}
    </Tag>
  );
}

export function RunStatusTag({ run }: { run: Pick<Run, 'status' | 'message'> }) {
  const { label, color } = RUN_STATUS[run.status];
  const tag = (
    <Tag color={color} style={TAG}>
      {label}
    </Tag>
  );
  return run.status === 'failed' && run.message ? <Tooltip title={run.message}>{tag}</Tooltip> : tag;
}
