import type { TermStartCasesResult } from '@notoneless/shared';
import { Alert, App, Button, Card, Col, Empty, Flex, Row, Segmented, Spin, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../app/auth-context';
import { ExportButton } from '../components/export-button';
import { FilterBar } from '../components/filter-bar';
import { FullPageSpin } from '../components/full-page-spin';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { useOpenTermStartCases, useTermStart } from '../features/attendance/api';
import { TermStartChildren } from '../features/attendance/components/term-start-children';
import { TermStartClasses } from '../features/attendance/components/term-start-classes';
import { RequireCan } from '../features/inbox/components/require-can';
import { SchoolSelect, TownshipSelect } from '../features/schools/components/jurisdiction-selects';
import { canOpen } from '../lib/abilities';
import { errorMessage } from '../lib/api';
import { formatDate, formatNumber, todayInShanghai } from '../lib/format';
import { oneOf } from '../lib/select';
import { useUrlFilters } from '../lib/use-url-filters';

const KEYS = ['show', 'townshipCode', 'schoolId'] as const;
/** users whose scope holds more than one school get the township and school filters */
const WIDE_SCOPES = new Set(['county', 'township', 'unit']);
const SHOW = ['all', 'unexplained', 'verified'] as const;
type Show = (typeof SHOW)[number];
const SHOW_LABELS: Record<Show, string> = { all: '全部', unexplained: '仍未核实', verified: '已核实' };

export function AttendanceTermStartPage() {
  return (
    <RequireCan can="attendance.termStart" what="开学报到核查">
      <TermStart />
    </RequireCan>
  );
}

/**
 * 开学报到核查 (seed 001: "开学第一天未报到的学生，学校要逐一登记、核实，第一周内完成"): every student not reported
 * present on the first school day with what the week's reports say since, the classes that did not report, and — once
 * the week is over — the school's one action that turns those still 无故缺勤 into 疑似辍学 cases.
 */
function TermStart() {
  const me = useMe();
  const { modal } = App.useApp();
  const { filters, setFilters } = useUrlFilters(KEYS);
  const show = oneOf(SHOW, filters.show) ?? 'all';
  const place = { townshipCode: filters.townshipCode, schoolId: filters.schoolId };
  const query = useTermStart(place);
  const wide = me.roles.some((r) => WIDE_SCOPES.has(r.scopeKind));
  const opener = useOpenTermStartCases();
  const [result, setResult] = useState<TermStartCasesResult | null>(null);
  const t = query.data;
  const children = t?.children ?? [];
  const unexplained = children.filter((c) => c.unexplained);
  const toOpen = unexplained.filter((c) => !c.caseId);
  const items = show === 'unexplained' ? unexplained : show === 'verified' ? children.filter((c) => !c.unexplained) : children;
  const caseLink = me.can.cases === true;

  const confirmOpen = () => {
    modal.confirm({
      title: '将仍未核实的学生转为疑似辍学个案？',
      content: (
        <>
          <p style={{ marginBottom: 8 }}>
            开学第一周（至 {formatDate(t?.verifyBy)}）已过，以下 {toOpen.length} 名学生最近一次上报仍为无故缺勤：
          </p>
          <Typography.Paragraph style={{ marginBottom: 8 }}>{toOpen.map((c) => c.name).join('、')}</Typography.Paragraph>
          <p style={{ margin: 0 }}>确认后为每人建立疑似辍学个案（已有进行中个案的，记入该个案），进入劝返流程。</p>
        </>
      ),
      okText: '确认转为个案',
      okButtonProps: { danger: true },
      cancelText: '返回',
      onOk: async () => {
        try {
          setResult(await opener.mutateAsync({}));
        } catch (e) {
          modal.error({ title: '未能转为个案', content: errorMessage(e) });
        }
      },
    });
  };

  return (
    <>
      <PageHeader
        title="开学报到核查"
        subtitle="开学第一天未报到的学生，学校要逐一登记、核实，第一周内完成"
        extra={<ExportButton path="/api/attendance/term-start/export" query={place} fileName={`开学报到核查-${todayInShanghai()}.xlsx`} />}
      />
      {wide ? (
        <FilterBar
          onReset={
            filters.townshipCode || filters.schoolId ? () => setFilters({ townshipCode: undefined, schoolId: undefined }) : undefined
          }
        >
          <TownshipSelect
            value={filters.townshipCode}
            onChange={(townshipCode?: string) => setFilters({ townshipCode, schoolId: undefined })}
          />
          <SchoolSelect
            townshipCode={filters.townshipCode}
            value={filters.schoolId}
            onChange={(schoolId?: string) => setFilters({ schoolId })}
          />
        </FilterBar>
      ) : null}
      {query.isPending ? <FullPageSpin /> : null}
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {t && !t.firstDay ? <Empty description="本学期尚未开学：校历中没有已开始的学期（县级设置与校历）" /> : null}
      {t?.firstDay ? (
        <Spin spinning={query.isFetching}>
          <Card size="small" style={{ marginBottom: 12 }} data-testid="term-start-window">
            <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
              <Typography.Text strong>{t.termName}</Typography.Text>
              <Tag color={t.weekOver ? 'default' : 'processing'}>{t.weekOver ? '核实期已过' : '核实期内'}</Tag>
            </Flex>
            <Row gutter={[12, 12]}>
              <Col xs={12} md={6}>
                <Statistic title="开学第一天" value={formatDate(t.firstDay)} styles={{ content: { fontSize: 18 } }} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title="核实截止" value={formatDate(t.verifyBy)} styles={{ content: { fontSize: 18 } }} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title="第一天未报到" value={formatNumber(children.length)} suffix="人" styles={{ content: { fontSize: 18 } }} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title="仍无故缺勤"
                  value={formatNumber(unexplained.length)}
                  suffix="人"
                  styles={{ content: { fontSize: 18, color: unexplained.length ? '#cf1322' : undefined } }}
                />
              </Col>
            </Row>
          </Card>
          {result ? (
            <Alert
              type="success"
              showIcon
              closable={{ onClose: () => setResult(null) }}
              style={{ marginBottom: 12 }}
              data-testid="term-start-result"
              title={`已建立 ${result.opened} 个疑似辍学个案${result.noted ? `，${result.noted} 名学生已有进行中的个案，已记入该个案` : ''}`}
              description={
                result.cases.length ? (
                  <Flex gap={8} wrap>
                    {result.cases.map((c) =>
                      caseLink ? (
                        <Link key={c.caseId} to={`/cases/${c.caseId}`}>
                          {c.name}
                          {c.created ? '' : '（已有个案）'}
                        </Link>
                      ) : (
                        <span key={c.caseId}>{c.name}</span>
                      ),
                    )}
                  </Flex>
                ) : (
                  '没有仍无故缺勤的学生'
                )
              }
            />
          ) : null}
          {t.abilities.openCases ? (
            <Alert
              type={toOpen.length ? 'warning' : 'info'}
              showIcon
              style={{ marginBottom: 12 }}
              title={
                toOpen.length
                  ? `第一周已过，仍有 ${toOpen.length} 名学生无故缺勤、尚未建立个案`
                  : '第一周已过，仍无故缺勤的学生都已建立个案'
              }
              action={
                toOpen.length ? (
                  <Button danger type="primary" loading={opener.isPending} onClick={confirmOpen}>
                    转为疑似辍学个案
                  </Button>
                ) : null
              }
            />
          ) : !t.weekOver ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={`请在 ${formatDate(t.verifyBy)} 前逐一联系、核实；期满后仍无故缺勤的学生由学校转为疑似辍学个案`}
            />
          ) : null}
          <TermStartClasses termStart={t} />
          <Card
            size="small"
            title={`未报到学生（${children.length}）`}
            extra={
              <Segmented<Show>
                size="small"
                value={show}
                onChange={(v) => setFilters({ show: v === 'all' ? undefined : v })}
                options={SHOW.map((k) => ({ value: k, label: SHOW_LABELS[k] }))}
              />
            }
            styles={{ header: { flexWrap: 'wrap', gap: 8, paddingBlock: 8 } }}
          >
            <TermStartChildren items={items} childLink={canOpen(me, 'children')} caseLink={caseLink} />
          </Card>
        </Spin>
      ) : null}
    </>
  );
}
