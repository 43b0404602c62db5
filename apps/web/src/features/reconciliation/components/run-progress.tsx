import type { ImportJob } from '@notoneless/shared';
import { Card, Progress, Steps, Typography } from 'antd';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { RUN_PHASES, runPercent, runProgressText } from '../labels';

type Props = { scopeName: string; job: ImportJob | null };

/** A run in progress: its steps, a bar and what it is doing now (followed through server-sent events). */
export function RunProgress({ scopeName, job }: Props) {
  const isMobile = useIsMobile();
  const phase = job?.phase ?? 'reading';
  const current = Math.max(
    0,
    RUN_PHASES.findIndex((p) => p.phase === phase),
  );
  return (
    <Card size="small" title={`正在比对：${scopeName}`} style={{ marginBottom: 16 }}>
      <Steps
        size="small"
        orientation={isMobile ? 'vertical' : 'horizontal'}
        current={current}
        status={phase === 'failed' ? 'error' : undefined}
        items={RUN_PHASES.map((p) => ({ title: p.label }))}
        style={{ marginBottom: 16 }}
      />
      <Progress percent={job ? runPercent(job) : 5} status={phase === 'failed' ? 'exception' : 'active'} aria-label="比对进度" />
      <Typography.Text type="secondary" data-testid="run-progress-text">
        {job ? runProgressText(job) : '正在启动…'}
      </Typography.Text>
    </Card>
  );
}
