import type { SnapshotDetail } from '@notoneless/shared';
import { Button, Card, Flex, Popconfirm, Typography } from 'antd';
import { formatNumber } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';

type Props = {
  detail: SnapshotDetail;
  committing: boolean;
  cancelling: boolean;
  onCommit: () => void;
  onCancel: () => void;
};

/** Why 确认导入 is not offered for a staged file. */
function blockedReason(detail: SnapshotDetail): string | null {
  if (detail.abilities.commit) return null;
  if (detail.missingColumns.length > 0) return '文件还缺少必需的列，请先在「列对应」中指定，再确认导入。';
  if (detail.acceptedCount === 0) return '文件中没有可导入的行，请修正后重新上传。';
  return '只有上传人或县级管理员可以确认这次导入。';
}

/** 确认导入 (the new data replaces the version in use; rejected rows stay out) and 取消导入. */
export function ImportActions({ detail, committing, cancelling, onCommit, onCancel }: Props) {
  const isMobile = useIsMobile();
  const reason = blockedReason(detail);
  const rejected = detail.rejectedCount > 0 ? `；被拒绝的 ${formatNumber(detail.rejectedCount)} 行不会导入` : '';
  const scope = detail.scopeKind === 'school' ? `${detail.scopeName}的` : '';
  if (!detail.abilities.commit && !detail.abilities.cancel && !reason) return null;

  return (
    <Card size="small" title="确认导入" style={{ marginBottom: 16 }}>
      {reason ? null : (
        <Typography.Paragraph style={{ marginBottom: 12 }}>
          请核对下方的列对应、问题和数据预览。确认后，这份文件的 {formatNumber(detail.acceptedCount)} 行将替换当前使用的{scope}
          {detail.kindLabel}数据，之后的比对都按新数据进行{rejected}。
        </Typography.Paragraph>
      )}
      {reason ? (
        <Typography.Paragraph type="warning" style={{ marginBottom: 12 }}>
          {reason}
        </Typography.Paragraph>
      ) : null}
      <Flex gap={8} wrap vertical={isMobile}>
        {detail.abilities.commit ? (
          <Popconfirm
            title="确认导入这份文件？"
            description={
              <div style={{ maxWidth: 320 }}>
                新数据将替换当前使用的{scope}
                {detail.kindLabel}版本，用于之后的比对{detail.kind === 'roster' ? '' : '，并更新儿童名册'}
                {rejected}。
              </div>
            }
            okText="确认导入"
            cancelText="再看看"
            onConfirm={onCommit}
          >
            <Button type="primary" block={isMobile} loading={committing}>
              确认导入
            </Button>
          </Popconfirm>
        ) : null}
        {detail.abilities.cancel ? (
          <Popconfirm
            title="取消这次导入？"
            description="上传的文件将被删除，当前使用的版本不变。"
            okText="取消导入"
            okButtonProps={{ danger: true }}
            cancelText="不取消"
            onConfirm={onCancel}
          >
            <Button block={isMobile} loading={cancelling} disabled={committing}>
              取消导入
            </Button>
          </Popconfirm>
        ) : null}
      </Flex>
    </Card>
  );
}
