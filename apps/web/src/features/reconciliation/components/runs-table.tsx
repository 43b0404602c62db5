import type { Page, School } from '@notoneless/shared';
import { useQuery } from '@tanstack/react-query';
import { Flex, Table, Tooltip, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import { api } from '../../../lib/api';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useTownshipOptions } from '../../divisions/api';
import { schoolKeys } from '../../schools/api';
import type { Run } from '../api';
import { CATEGORY_ORDER, durationText } from '../labels';
import { CategoryTag, RunStatusTag } from './finding-tags';

type Props = { items: Run[] | undefined; loading: boolean; pagination: TablePaginationConfig };

const WRAP = () => ({ style: { whiteSpace: 'normal' as const } });

/** The findings a run found first: the list behind its 新增 number (all statuses, so later decisions show too). */
export const runFindingsLink = (run: Pick<Run, 'id'>) => `/findings?runId=${run.id}&status=all`;

function CategoryCounts({ run }: { run: Run }) {
  const counts = run.summary.counts ?? {};
  const found = CATEGORY_ORDER.filter((c) => (counts[c] ?? 0) > 0);
  if (run.status !== 'done') return <>—</>;
  if (found.length === 0) return <Typography.Text type="secondary">未发现问题</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {found.map((c) => (
        <CategoryTag key={c} category={c} suffix={` ${formatNumber(counts[c] ?? 0)}`} />
      ))}
    </Flex>
  );
}

function NewCount({ run }: { run: Run }) {
  if (run.status !== 'done') return <>—</>;
  const n = run.summary.new ?? 0;
  return n > 0 ? <Link to={runFindingsLink(run)}>{formatNumber(n)} 条</Link> : <>0</>;
}

function MissingRosters({ codes, schoolName }: { codes: string[] | undefined; schoolName: (code: string) => string }) {
  if (!codes || codes.length === 0) return <>—</>;
  const names = codes.map(schoolName);
  return (
    <Tooltip title={`以下学校未交在校名册，其学生未按「籍在人不在」比对：${names.join('、')}`}>
      <Typography.Text type="warning" style={{ cursor: 'help' }}>
        {codes.length} 所{codes.length === 1 ? `（${names[0]}）` : ''}
      </Typography.Text>
    </Tooltip>
  );
}

const runMs = (run: Run) =>
  run.summary.ms ?? (run.finishedAt ? new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime() : undefined);

/** The run history: when, where, what it found, what changed since the run before. */
export function RunsTable({ items, loading, pagination }: Props) {
  const isMobile = useIsMobile();
  const townships = useTownshipOptions();
  const schools = useQuery({
    queryKey: schoolKeys.list({ pageSize: 200 }),
    queryFn: ({ signal }) => api.get<Page<School>>('/api/schools', { pageSize: 200 }, { signal }),
    staleTime: 60_000,
  });
  const scopeName = (run: Run) =>
    run.scopeKind === 'county' ? '全县' : (townships.options.find((t) => t.value === run.scopeId)?.label ?? run.scopeId);
  const schoolName = (code: string) => schools.data?.items.find((s) => s.code === code)?.name ?? code;

  const columns: TableColumnsType<Run> = [
    { title: '开始时间', dataIndex: 'startedAt', width: 150, render: (_, r) => formatDateTime(r.startedAt) },
    { title: '范围', dataIndex: 'scopeId', width: 110, render: (_, r) => scopeName(r) },
    { title: '状态', dataIndex: 'status', width: 80, render: (_, r) => <RunStatusTag run={r} /> },
    { title: '比对结果', key: 'counts', width: 300, onCell: WRAP, render: (_, r) => <CategoryCounts run={r} /> },
    { title: '新增', key: 'new', width: 80, align: 'right', render: (_, r) => <NewCount run={r} /> },
    {
      title: <Tooltip title="以往已发现、本次再次出现的（含已处理的）">再次发现</Tooltip>,
      key: 'stillOpen',
      width: 90,
      align: 'right',
      render: (_, r) => (r.status === 'done' ? formatNumber(r.summary.stillOpen ?? 0) : '—'),
    },
    {
      title: <Tooltip title="以往待核实、本次不再出现的（数据已一致）">已解决</Tooltip>,
      key: 'resolved',
      width: 80,
      align: 'right',
      render: (_, r) => (r.status === 'done' ? formatNumber(r.summary.resolved ?? 0) : '—'),
    },
    {
      title: '名册缺失',
      key: 'missingRosters',
      width: 120,
      render: (_, r) => <MissingRosters codes={r.summary.missingRosters} schoolName={schoolName} />,
    },
    { title: '用时', key: 'ms', width: 90, render: (_, r) => (r.status === 'running' ? '—' : durationText(runMs(r))) },
  ];

  const mobileColumns: TableColumnsType<Run> = [
    {
      title: '比对记录',
      key: 'run',
      onCell: WRAP,
      render: (_, r) => (
        <Flex vertical gap={6}>
          <Flex justify="space-between" align="center" gap={8}>
            <span>
              {formatDateTime(r.startedAt)} · {scopeName(r)}
            </span>
            <RunStatusTag run={r} />
          </Flex>
          {r.status === 'done' ? <CategoryCounts run={r} /> : null}
          {r.status === 'done' ? (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              新增 <NewCount run={r} /> · 再次发现 {formatNumber(r.summary.stillOpen ?? 0)} · 已解决 {formatNumber(r.summary.resolved ?? 0)}{' '}
              · 用时 {durationText(runMs(r))}
            </Typography.Text>
          ) : null}
          {r.summary.missingRosters?.length ? (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              名册缺失：
              <MissingRosters codes={r.summary.missingRosters} schoolName={schoolName} />
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <Table<Run>
      rowKey="id"
      size="middle"
      columns={isMobile ? mobileColumns : columns}
      dataSource={items}
      loading={loading}
      scroll={isMobile ? undefined : { x: true }}
      pagination={pagination}
      locale={{ emptyText: '还没有运行过比对' }}
    />
  );
}
