import type { ImportJob } from '@notoneless/shared';
import { Alert, App, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../app/auth-context';
import { PageHeader } from '../components/page-header';
import { useTownshipOptions } from '../features/divisions/api';
import { QueryError } from '../components/query-error';
import { isJobRunning, useRunEvents, useRuns, useStartRun, type Run } from '../features/reconciliation/api';
import { RequireCan } from '../features/reconciliation/components/require-can';
import { RunButton } from '../features/reconciliation/components/run-button';
import { RunProgress } from '../features/reconciliation/components/run-progress';
import { runFindingsLink, RunsTable } from '../features/reconciliation/components/runs-table';
import { useRunScope, type RunScope } from '../features/reconciliation/hooks/use-run-scope';
import { ApiError, errorMessage } from '../lib/api';
import { formatNumber } from '../lib/format';
import { serverPagination } from '../lib/table';
import { useUrlFilters } from '../lib/use-url-filters';

const NO_FILTERS = [] as const;

export function ReconciliationPage() {
  return (
    <RequireCan can="reconciliation.runs">
      <ReconciliationView />
    </RequireCan>
  );
}

const scopeText = (scope: RunScope | null) => (scope?.kind === 'township' ? scope.name : '全县');

function ReconciliationView() {
  const me = useMe();
  const { message } = App.useApp();
  const { scope } = useRunScope(me);
  const townships = useTownshipOptions();
  const { page, pageSize, setPage } = useUrlFilters(NO_FILTERS);
  const runs = useRuns(page, pageSize);
  const start = useStartRun();
  // the run this page started (until the list shows it), else one already running in the county
  const [started, setStarted] = useState<Run | undefined>(undefined);
  const [finished, setFinished] = useState<{ id: string; job: ImportJob } | undefined>(undefined);
  const listedRunning = runs.data?.items.find((r) => r.status === 'running');
  const active = started ?? listedRunning;
  const job = useRunEvents(active?.id, (end) => {
    if (!active) return;
    setFinished({ id: active.id, job: end });
    // a notice for the run started here (a run found running may be one that never recorded its end)
    if (started?.id === active.id) {
      if (end.phase === 'done') void message.success('比对完成');
      else void message.error(end.message ?? '比对失败');
    }
    setStarted(undefined);
  });

  const onRun = () => {
    setFinished(undefined);
    start.mutate(scope?.kind === 'township' ? scope.code : undefined, {
      onSuccess: (run) => setStarted(run),
      onError: (e) => {
        // 409: another run is under way; the refreshed list shows it and the page follows it
        void message.error(errorMessage(e));
        if (e instanceof ApiError && e.status === 409) void runs.refetch();
      },
    });
  };

  const finishedRun = finished ? runs.data?.items.find((r) => r.id === finished.id) : undefined;
  // the stream says the work is over but the run never recorded an end (the server restarted mid-run)
  const stalled =
    active !== undefined &&
    started === undefined &&
    job !== null &&
    !isJobRunning(job) &&
    finished?.id === active.id &&
    listedRunning?.id === active.id &&
    !runs.isFetching;
  const activeScope =
    active?.scopeKind === 'township' ? (townships.options.find((t) => t.value === active.scopeId)?.label ?? '乡镇') : '全县';

  return (
    <>
      <PageHeader
        title="四查三比对"
        subtitle="户籍比学籍，找出适龄失学；学籍比在校名册，找出籍在人不在、人在籍不在；再与脱贫户比对，找出脱贫户辍学（最优先核实）。"
        extra={scope ? <RunButton scope={scope} running={active !== undefined} starting={start.isPending} onRun={onRun} /> : null}
      />
      {scope?.kind === 'township' ? (
        <Typography.Paragraph type="secondary">运行范围：{scopeText(scope)}（只比对本乡镇的儿童和学校）。</Typography.Paragraph>
      ) : null}
      {stalled ? (
        <Alert
          type="warning"
          showIcon
          title="上一次比对没有正常结束"
          description="比对服务可能在运行中重启过，这次比对的记录仍显示「运行中」。请联系系统管理员处理后再运行。"
          style={{ marginBottom: 16 }}
        />
      ) : active ? (
        <RunProgress scopeName={activeScope} job={job ?? active.job} />
      ) : null}
      {finished && !active ? <FinishedAlert job={finished.job} run={finishedRun} onClose={() => setFinished(undefined)} /> : null}
      {runs.error ? <QueryError error={runs.error} onRetry={() => void runs.refetch()} /> : null}
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        比对记录
      </Typography.Title>
      <RunsTable
        items={runs.data?.items}
        loading={runs.isFetching && !runs.data}
        pagination={serverPagination(page, pageSize, runs.data?.total, setPage)}
      />
    </>
  );
}

function FinishedAlert({ job, run, onClose }: { job: ImportJob; run: Run | undefined; onClose: () => void }) {
  if (job.phase === 'failed' || run?.status === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        closable={{ onClose }}
        title="比对失败"
        description={run?.message ?? job.message ?? '比对运行出错，已有的比对结果不受影响。'}
        style={{ marginBottom: 16 }}
      />
    );
  }
  const s = run?.summary;
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      title="比对完成"
      description={
        s ? (
          <Flex gap={8} wrap align="center">
            <span>
              新增 {formatNumber(s.new ?? 0)} 条，再次发现 {formatNumber(s.stillOpen ?? 0)} 条，已解决 {formatNumber(s.resolved ?? 0)} 条。
            </span>
            {(s.new ?? 0) > 0 && run ? <Link to={runFindingsLink(run)}>查看新增的比对结果</Link> : <Link to="/findings">查看比对结果</Link>}
          </Flex>
        ) : (
          '正在读取结果…'
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}
