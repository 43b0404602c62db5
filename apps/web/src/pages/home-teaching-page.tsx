import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { CaseListItem } from '@notoneless/shared';
import { ExportButton } from '../components/export-button';
import { FilterBar } from '../components/filter-bar';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { useCases } from '../features/cases/api';
import { useHomeTeachingTarget, useMissingHomeTeaching } from '../features/home-teaching/api';
import { MissingList } from '../features/home-teaching/components/missing-list';
import { shiftWeek, weekLabel, weekStart } from '../features/home-teaching/week';
import { RequireCan } from '../features/inbox/components/require-can';
import { formatDate, orDash, todayInShanghai } from '../lib/format';
import { gradeLabel } from '../lib/labels';
import { oneOf } from '../lib/select';
import { useIsMobile } from '../lib/use-is-mobile';
import { useUrlFilters } from '../lib/use-url-filters';

const KEYS = ['tab', 'week', 'school'] as const;
const TABS = ['missing', 'children'] as const;

export function HomeTeachingPage() {
  return (
    <RequireCan can="homeTeaching" what="送教上门">
      <HomeTeaching />
    </RequireCan>
  );
}

/** 送教上门 (seed 004: 每周1次、每次2课时): who falls short this week, and every child taught at home with this week's state. */
function HomeTeaching() {
  const isMobile = useIsMobile();
  const { filters, setFilters } = useUrlFilters(KEYS);
  const thisMonday = weekStart(todayInShanghai());
  const monday = filters.week && /^\d{4}-\d{2}-\d{2}$/.test(filters.week) ? weekStart(filters.week) : thisMonday;
  const tab = oneOf(TABS, filters.tab) ?? 'missing';
  const target = useHomeTeachingTarget();
  const missing = useMissingHomeTeaching(monday);
  const cases = useCases({ status: 'home_teaching', page: 1, pageSize: 200 });
  const short = new Set((missing.data?.items ?? []).map((m) => m.caseId));
  const schools = [
    ...new Set(
      [...(missing.data?.items ?? []).map((m) => m.schoolName), ...(cases.data?.items ?? []).map((c) => c.schoolName)].filter(
        (s): s is string => Boolean(s),
      ),
    ),
  ].sort();
  const bySchool = <T extends { schoolName: string | null }>(rows: T[]) =>
    filters.school ? rows.filter((r) => r.schoolName === filters.school) : rows;
  const missingItems = bySchool(missing.data?.items ?? []);
  const children = bySchool(cases.data?.items ?? []);

  const weekTag = (c: CaseListItem) =>
    short.has(c.id) ? <Tag color="warning">本周未达标</Tag> : missing.data ? <Tag color="success">本周已达标</Tag> : null;

  return (
    <>
      <PageHeader
        title="送教上门"
        subtitle={`要求：每周 ${target.homeTeachingSessionsPerWeek} 次、每次 ${target.homeTeachingHoursPerSession} 课时（县级设置，seed 004）`}
        extra={
          <ExportButton
            path="/api/home-teaching/export"
            query={{ week: monday, shortOnly: tab === 'missing' || undefined, school: filters.school }}
            fileName={`送教上门-${monday}.xlsx`}
          />
        }
      />
      <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Button icon={<LeftOutlined />} onClick={() => setFilters({ week: shiftWeek(monday, -1) })} aria-label="上一周" />
        <Typography.Text strong>{monday === thisMonday ? `本周 ${weekLabel(monday)}` : weekLabel(monday)}</Typography.Text>
        <Button
          icon={<RightOutlined />}
          disabled={monday >= thisMonday}
          onClick={() => setFilters({ week: shiftWeek(monday, 1) })}
          aria-label="下一周"
        />
        {monday !== thisMonday ? (
          <Button type="link" onClick={() => setFilters({ week: undefined })}>
            回到本周
          </Button>
        ) : null}
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => setFilters({ tab: key === 'missing' ? undefined : key })}
        items={[
          { key: 'missing', label: `本周未达标${missing.data ? `（${missingItems.length}）` : ''}` },
          { key: 'children', label: `送教对象${cases.data ? `（${children.length}）` : ''}` },
        ]}
        style={{ marginBottom: 4 }}
      />
      {schools.length > 1 ? (
        <FilterBar>
          <Select
            allowClear
            placeholder="学校"
            value={filters.school}
            onChange={(v: string | undefined) => setFilters({ school: v })}
            options={schools.map((s) => ({ value: s, label: s }))}
            style={{ width: '100%' }}
          />
        </FilterBar>
      ) : null}
      {tab === 'missing' ? (
        <>
          {missing.error ? <QueryError error={missing.error} onRetry={() => void missing.refetch()} /> : null}
          <Spin spinning={missing.isFetching}>
            {missing.data ? <MissingList items={missingItems} /> : <div style={{ minHeight: 80 }} />}
          </Spin>
        </>
      ) : (
        <>
          {cases.error ? <QueryError error={cases.error} onRetry={() => void cases.refetch()} /> : null}
          {isMobile ? (
            <Spin spinning={cases.isFetching}>
              <Flex vertical gap={8}>
                {children.map((c) => (
                  <Card key={c.id} size="small">
                    <Flex justify="space-between" gap={8} wrap>
                      <Link to={`/cases/${c.id}`}>{c.name}</Link>
                      {weekTag(c)}
                    </Flex>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {orDash([c.schoolName, c.grade ? gradeLabel(c.grade) : null, c.villageName].filter(Boolean).join(' · '))}
                    </Typography.Text>
                  </Card>
                ))}
              </Flex>
            </Spin>
          ) : (
            <Table<CaseListItem>
              rowKey="id"
              size="middle"
              loading={cases.isFetching}
              dataSource={children}
              pagination={false}
              scroll={{ x: true }}
              locale={{ emptyText: '没有送教上门的儿童' }}
              columns={[
                { title: '姓名', dataIndex: 'name', render: (_, c) => <Link to={`/cases/${c.id}`}>{c.name}</Link> },
                { title: '身份证号', dataIndex: 'idNumberMasked' },
                {
                  title: '学校年级',
                  dataIndex: 'schoolName',
                  render: (_, c) => orDash([c.schoolName, c.grade ? gradeLabel(c.grade) : null].filter(Boolean).join(' ')),
                },
                {
                  title: '户籍村',
                  dataIndex: 'villageName',
                  render: (_, c) => orDash([c.townshipName, c.villageName].filter(Boolean).join(' ')),
                },
                { title: '本周', key: 'week', render: (_, c) => weekTag(c) },
                { title: '报告日期', dataIndex: 'reportedOn', render: (_, c) => formatDate(c.reportedOn) },
              ]}
            />
          )}
        </>
      )}
    </>
  );
}
