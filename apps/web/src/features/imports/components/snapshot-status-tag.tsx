import { SNAPSHOT_STATUS_LABELS } from '@notoneless/shared';
import { Tag } from 'antd';
import type { SnapshotStatus } from '../api';
import { STATUS_COLORS } from '../labels';

/** 待确认 · 导入中 · 当前使用 · 历史版本 · 已取消 · 导入失败 */
export function SnapshotStatusTag({ status }: { status: SnapshotStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{SNAPSHOT_STATUS_LABELS[status]}</Tag>;
}
