import type { CaseDetail } from '@notoneless/shared';
import { Card, List, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import { CaseStatusTag } from './case-status-tag';

/** The child's earlier cases (a relapse after 销号 links the old one). */
export function CaseHistoryCard({ detail }: { detail: CaseDetail }) {
  const earlier = detail.history.filter((h) => h.id !== detail.id);
  if (earlier.length === 0 && !detail.previousCaseId) return null;
  return (
    <Card size="small" title="该儿童的其他个案" style={{ marginBottom: 16 }}>
      <List
        size="small"
        dataSource={earlier}
        renderItem={(h) => (
          <List.Item key={h.id}>
            <Link to={`/cases/${h.id}`}>报告于 {h.reportedOn}</Link>
            <span>
              <CaseStatusTag status={h.status} label={h.statusLabel} />
              {h.closedAt ? (
                <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                  {formatDate(h.closedAt)} 结案
                </Typography.Text>
              ) : null}
            </span>
          </List.Item>
        )}
      />
      {detail.previousCaseId && !earlier.some((h) => h.id === detail.previousCaseId) ? (
        <Link to={`/cases/${detail.previousCaseId}`}>关联的原个案</Link>
      ) : null}
    </Card>
  );
}
