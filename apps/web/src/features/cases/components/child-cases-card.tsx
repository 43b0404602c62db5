import { PlusOutlined } from '@ant-design/icons';
import { isCaseOpen, type CaseStatus } from '@notoneless/shared';
import { Button, Card, Empty, Flex, Timeline, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../../app/auth-context';
import { QueryError } from '../../../components/query-error';
import { formatDate } from '../../../lib/format';
import { useEditor } from '../../../lib/use-editor';
import { useChildCases, type CaseEventDto, type ChildCase } from '../api';
import { eventSentence } from '../event-story';
import { CaseStatusTag } from './case-status-tag';
import { DeadlineText } from './deadline-text';
import { ReportCaseDrawer } from './report-case-drawer';

/** The child's page: their cases (the open one with its latest steps, then the earlier ones) and 报告疑似辍学. */
export function ChildCasesCard({ child }: { child: { id: string; name: string } }) {
  const me = useMe();
  const navigate = useNavigate();
  const reporter = useEditor<true>();
  const query = useChildCases(child.id, me.can.cases === true);
  if (me.can.cases !== true) return null;
  const cases = query.data ?? [];
  const hasOpen = cases.some((c) => isCaseOpen(c.status as CaseStatus));
  return (
    <Card
      size="small"
      title="个案（一生一表一档案）"
      style={{ marginBottom: 16 }}
      loading={query.isPending}
      extra={
        me.can['cases.report'] && !hasOpen && !query.isPending ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => reporter.open(true)}>
            报告疑似辍学
          </Button>
        ) : null
      }
    >
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {cases.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有个案记录" />
      ) : (
        <Flex vertical gap={12}>
          {cases.map((c, i) => (
            <ChildCaseRow key={c.id} item={c} withSteps={i === 0 && isCaseOpen(c.status as CaseStatus)} />
          ))}
        </Flex>
      )}
      <ReportCaseDrawer
        key={reporter.key}
        open={reporter.target !== undefined}
        child={child}
        onClose={reporter.close}
        onOpened={(detail) => void navigate(`/cases/${detail.id}`)}
      />
    </Card>
  );
}

function ChildCaseRow({ item: c, withSteps }: { item: ChildCase; withSteps: boolean }) {
  return (
    <Flex vertical gap={4}>
      <Flex gap={8} align="center" wrap>
        <CaseStatusTag status={c.status} label={c.statusLabel} />
        <Typography.Text>
          报告于 {c.reportedOn} · {c.closedAt ? `${formatDate(c.closedAt)} 结案` : `已 ${c.daysOpen} 天`}
        </Typography.Text>
        <Link to={`/cases/${c.id}`}>查看个案</Link>
      </Flex>
      {c.nextDeadline ? <DeadlineText deadline={c.nextDeadline} compact /> : null}
      {withSteps ? <LatestSteps events={c.events} /> : null}
    </Flex>
  );
}

/** The open case's three latest steps, newest first. */
function LatestSteps({ events: all }: { events: CaseEventDto[] }) {
  const events = [...all].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.at.localeCompare(a.at)).slice(0, 3);
  if (events.length === 0) return null;
  return (
    <Timeline
      style={{ marginTop: 8, marginBottom: -16 }}
      items={events.map((e) => ({
        key: e.id,
        content: (
          <Typography.Text style={{ fontSize: 13 }}>
            <Typography.Text type="secondary">
              {e.occurredOn} {e.actorName}：
            </Typography.Text>
            {eventSentence(e)}
          </Typography.Text>
        ),
      }))}
    />
  );
}
