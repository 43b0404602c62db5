import type { Figure } from '@notoneless/shared';
import { Alert, Drawer, Empty, List, Typography } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth-context';
import { canOpen } from '../../../lib/abilities';
import { errorMessage } from '../../../lib/api';
import { formatNumber, orDash } from '../../../lib/format';
import { gradeLabel } from '../../../lib/labels';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useConsolidatedDrillDown, useDrillDown, type ConsolidatedScope } from '../api';

const PAGE = 50;

type Props = {
  /** a school report's drill-down id (see drillIdOf), or the unit of a consolidated figure */
  drillId?: string;
  consolidated?: ConsolidatedScope;
  /** shown under the title: whose figure it is (a township, a school, 合计) */
  unitName?: string;
  figure: Figure | undefined;
  onClose: () => void;
};

/** The children behind one figure of a report or of the consolidated table, each with why they are counted there. */
export function DrillDownDrawer({ drillId, consolidated, unitName, figure, onClose }: Props) {
  const me = useMe();
  const isMobile = useIsMobile();
  const open = figure !== undefined;
  const ofReport = useDrillDown(drillId ?? '', figure?.key, open && !consolidated);
  const ofTable = useConsolidatedDrillDown(consolidated ?? { month: '' }, figure?.key, open && Boolean(consolidated));
  const query = consolidated ? ofTable : ofReport;
  const data = query.data;
  const childLinks = canOpen(me, 'children');
  return (
    <Drawer
      open={figure !== undefined}
      title={figure ? `${unitName ? `${unitName} · ` : ''}${figure.label}（${formatNumber(figure.count)} 人）` : ''}
      onClose={onClose}
      size={isMobile ? '100%' : 640}
      loading={query.isPending && figure !== undefined}
      destroyOnHidden
    >
      {query.error ? <Alert type="error" showIcon title={errorMessage(query.error)} style={{ marginBottom: 12 }} /> : null}
      {data?.truncated ? (
        <Alert
          type="info"
          showIcon
          data-testid="drill-down-truncated"
          title={`共 ${formatNumber(data.count)} 人，此处列出前 ${formatNumber(data.items.length)} 人`}
          description="请选择乡镇或学校查看完整名单。"
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {data ? (
        data.items.length === 0 ? (
          <Empty description="没有学生" />
        ) : (
          <List
            size="small"
            data-testid="drill-down-list"
            dataSource={data.items}
            pagination={data.items.length > PAGE ? { pageSize: PAGE, size: 'small', showSizeChanger: false, align: 'center' } : false}
            renderItem={(c) => (
              <List.Item key={c.childId} style={{ display: 'block' }}>
                <Typography.Text strong>{childLinks ? <Link to={`/children/${c.childId}`}>{c.name}</Link> : c.name}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {c.gender} · {c.idNumberMasked}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {[c.schoolName, c.grade ? gradeLabel(c.grade) : null, c.className].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </div>
                <div style={{ wordBreak: 'break-word' }}>{orDash(c.detail)}</div>
              </List.Item>
            )}
          />
        )
      ) : null}
    </Drawer>
  );
}
