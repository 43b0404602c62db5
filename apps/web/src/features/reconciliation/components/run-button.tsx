import { PlayCircleOutlined } from '@ant-design/icons';
import { REGISTRY_KIND_LABELS, REGISTRY_KINDS, type Page, type Snapshot } from '@notoneless/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Popconfirm, Typography } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth-context';
import { api } from '../../../lib/api';
import { formatDate, formatNumber } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { importKeys, type SnapshotQuery } from '../../imports/api';
import type { RunScope } from '../hooks/use-run-scope';

type Props = { scope: RunScope; running: boolean; starting: boolean; onRun: () => void };

/** 「运行比对」 with a confirmation that names what the run will read: the committed snapshots. */
export function RunButton({ scope, running, starting, onRun }: Props) {
  const isMobile = useIsMobile();
  return (
    <Popconfirm
      title={scope.kind === 'county' ? '对全县运行四查三比对？' : `对${scope.name}运行四查三比对？`}
      description={<RunInputs />}
      okText="运行比对"
      cancelText="取消"
      placement={isMobile ? 'bottom' : 'bottomRight'}
      onConfirm={onRun}
      disabled={running}
    >
      <Button type="primary" icon={<PlayCircleOutlined />} loading={starting} disabled={running}>
        {running ? '比对运行中' : '运行比对'}
      </Button>
    </Popconfirm>
  );
}

/** The snapshots in use, one line per registry (the county sees them; others are told who keeps them). */
function RunInputs() {
  const me = useMe();
  const canSee = me.can.imports === true;
  // the imports feature's list (same key, same data), only for those who may read it
  const committed: SnapshotQuery = { status: 'committed', pageSize: 200 };
  const query = useQuery({
    queryKey: importKeys.list(committed),
    queryFn: ({ signal }) => api.get<Page<Snapshot>>('/api/imports', committed, { signal }),
    enabled: canSee,
  });
  const items = canSee ? (query.data?.items ?? []) : [];
  const byKind = (kind: Snapshot['kind']) => items.filter((s) => s.kind === kind);
  const missingCore = canSee && query.data !== undefined && (byKind('hukou').length === 0 || byKind('xueji').length === 0);

  return (
    <Flex vertical gap={4} style={{ maxWidth: 'min(380px, calc(100vw - 72px))' }}>
      <Typography.Text type="secondary">比对使用各类登记数据当前使用的版本：</Typography.Text>
      {canSee ? (
        REGISTRY_KINDS.map((kind) => {
          const list = byKind(kind);
          const newest = list[0];
          return (
            <Typography.Text key={kind} style={{ fontSize: 13 }}>
              {REGISTRY_KIND_LABELS[kind]}：
              {newest === undefined ? (
                <Typography.Text type="warning">未导入</Typography.Text>
              ) : list.length > 1 ? (
                `${formatNumber(list.length)} 份（全县及各校）`
              ) : (
                <span style={{ wordBreak: 'break-all' }}>
                  {newest.fileName}（{formatDate(newest.committedAt ?? newest.uploadedAt)}，{formatNumber(newest.acceptedCount)} 行）
                </span>
              )}
            </Typography.Text>
          );
        })
      ) : (
        <Typography.Text style={{ fontSize: 13 }}>户籍、学籍、在校名册、脱贫户/监测户、残疾人（由县级管理员和各校导入）</Typography.Text>
      )}
      {missingCore ? <Typography.Text type="warning">尚未导入户籍或学籍，比对结果会不完整。</Typography.Text> : null}
      {canSee ? (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          要更新数据，请先到 <Link to="/imports">数据导入</Link> 上传并确认。
        </Typography.Text>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        已作出的核实结论会保留；本次不再出现的待核实结果将标为「数据已一致」。
      </Typography.Text>
    </Flex>
  );
}
