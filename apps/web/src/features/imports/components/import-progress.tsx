import type { ImportJob, SnapshotDetail } from '@notoneless/shared';
import { Card, Progress, Steps, Typography } from 'antd';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { PHASE_LABELS, progressPercent, progressText } from '../labels';

type Props = { detail: SnapshotDetail; job: ImportJob };

/**
 * A running job: reading the file for the preview, or, after 确认导入, 写入数据 then 更新儿童名册 (a roster feeds no
 * children, so it has no second step).
 */
export function ImportProgress({ detail, job }: Props) {
  const isMobile = useIsMobile();
  const committing = job.phase === 'loading' || job.phase === 'feeding';
  const phases: ImportJob['phase'][] = detail.kind === 'roster' ? ['loading', 'done'] : ['loading', 'feeding', 'done'];
  const title = committing ? '正在导入' : '正在读取文件';
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      {committing ? (
        <Steps
          size="small"
          orientation={isMobile ? 'vertical' : 'horizontal'}
          current={Math.max(0, phases.indexOf(job.phase))}
          items={phases.map((phase) => ({ title: PHASE_LABELS[phase] }))}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Progress percent={progressPercent(job)} status="active" aria-label={`${title}进度`} />
      <Typography.Text type="secondary" data-testid="import-progress-text">
        {progressText(job)}
      </Typography.Text>
    </Card>
  );
}
