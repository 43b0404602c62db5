import type { AttendanceOverviewDto, AttendanceRateRow } from '@notoneless/shared';
import { Alert, Button, Card, Col, DatePicker, Flex, Row, Segmented, Spin, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { ExportButton } from '../components/export-button';
import { FullPageSpin } from '../components/full-page-spin';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { useOverview } from '../features/attendance/api';
import { AbsentTodayCard } from '../features/attendance/components/absent-today-card';
import { NotReportedCard } from '../features/attendance/components/not-reported-card';
import { RateChart } from '../features/attendance/components/rate-chart';
import { RateTable } from '../features/attendance/components/rate-table';
import { formatRate } from '../features/attendance/format';
import { RequireCan } from '../features/inbox/components/require-can';
import { formatNumber, todayInShanghai } from '../lib/format';
import { gradeLabel } from '../lib/labels';
import { oneOf } from '../lib/select';
import { useUrlFilters } from '../lib/use-url-filters';

const KEYS = ['date', 'townshipCode', 'schoolId', 'by', 'grade'] as const;
const LEVELS = ['township', 'school', 'grade', 'class'] as const;
type Level = (typeof LEVELS)[number];
const LEVEL_LABELS: Record<Level, string> = { township: '乡镇', school: '学校', grade: '年级', class: '班级' };

export function AttendanceOverviewPage() {
  return (
    <RequireCan can="attendance" what="出勤总览">
      <AttendanceOverview />
    </RequireCan>
  );
}

function rowsOf(o: AttendanceOverviewDto, level: Level, grade: string | undefined): AttendanceRateRow[] {
  if (level === 'township') return o.byTownship;
  if (level === 'school') return o.bySchool;
  if (level === 'grade') return o.byGrade;
  return grade ? o.byClass.filter((c) => String(c.grade) === grade) : o.byClass;
}

/** 出勤总览 for the school, the 中心校 and the county: who has not reported, rates by level, who is absent. */
function AttendanceOverview() {
  const navigate = useNavigate();
  const { filters, setFilters } = useUrlFilters(KEYS);
  const today = todayInShanghai();
  const date = filters.date && /^\d{4}-\d{2}-\d{2}$/.test(filters.date) ? filters.date : undefined;
  const query = useOverview({ date, townshipCode: filters.townshipCode, schoolId: filters.schoolId });
  const o = query.data;
  const available = o
    ? LEVELS.filter((l) => (l === 'township' ? o.byTownship.length > 1 : l === 'school' ? o.bySchool.length > 1 : true))
    : [];
  const level = oneOf(available, filters.by) ?? available[0] ?? 'class';
  const rows = o ? rowsOf(o, level, filters.grade) : [];

  const pick = useCallback(
    (row: AttendanceRateRow) => {
      if (level === 'township') setFilters({ townshipCode: row.key, schoolId: undefined, by: undefined, grade: undefined });
      else if (level === 'school') setFilters({ schoolId: row.key, by: undefined, grade: undefined });
      else if (level === 'grade') setFilters({ by: 'class', grade: row.key });
      else void navigate(`/attendance/daily?classId=${row.key}${date ? `&date=${date}` : ''}`);
    },
    [level, setFilters, navigate, date],
  );
  const drilled = Boolean(filters.townshipCode || filters.schoolId || filters.grade);

  return (
    <>
      <PageHeader
        title="出勤总览"
        subtitle={o ? `${o.date} · 到校日报 ${o.dueBy} 截止` : '到校日报的上报情况与出勤率'}
        extra={
          <ExportButton
            path="/api/attendance/overview/export"
            query={{ date, townshipCode: filters.townshipCode, schoolId: filters.schoolId }}
            fileName={`出勤总览-${date ?? today}.xlsx`}
          />
        }
      />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <DatePicker
          inputReadOnly
          allowClear={false}
          value={dayjs(date ?? today)}
          disabledDate={(d) => d.format('YYYY-MM-DD') > today}
          onChange={(d) => setFilters({ date: d && d.format('YYYY-MM-DD') !== today ? d.format('YYYY-MM-DD') : undefined })}
        />
        {drilled ? (
          <Button onClick={() => setFilters({ townshipCode: undefined, schoolId: undefined, grade: undefined, by: undefined })}>
            返回全部
          </Button>
        ) : null}
      </Flex>
      {query.isPending ? <FullPageSpin /> : null}
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {o ? (
        <Spin spinning={query.isFetching}>
          {!o.isSchoolDay ? <Alert type="info" showIcon title={`${o.date} 不是上学日`} style={{ marginBottom: 12 }} /> : null}
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            {[
              { title: '已上报班级', value: `${o.totals.reported}/${o.totals.classes}` },
              { title: '应到', value: formatNumber(o.totals.enrolled) },
              { title: '实到', value: formatNumber(o.totals.present) },
              { title: '缺勤', value: formatNumber(o.totals.absent) },
              { title: '无故缺勤', value: formatNumber(o.totals.unexplained) },
              { title: '出勤率', value: formatRate(o.totals.rate) },
            ].map((s) => (
              <Col key={s.title} xs={8} md={4}>
                <Card size="small">
                  <Statistic title={s.title} value={s.value} styles={{ content: { fontSize: 20 } }} />
                </Card>
              </Col>
            ))}
          </Row>
          <NotReportedCard overview={o} />
          <Card
            size="small"
            title={`出勤率（按${LEVEL_LABELS[level]}${filters.grade ? ` · ${gradeLabel(Number(filters.grade))}` : ''}）`}
            extra={
              available.length > 1 ? (
                <Segmented<Level>
                  size="small"
                  value={level}
                  onChange={(v) => setFilters({ by: v, grade: undefined })}
                  options={available.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))}
                />
              ) : null
            }
            style={{ marginBottom: 16 }}
          >
            <RateChart rows={rows} onPick={pick} />
            <RateTable rows={rows} firstColumn={LEVEL_LABELS[level]} onPick={pick} />
          </Card>
          <AbsentTodayCard overview={o} />
        </Spin>
      ) : null}
    </>
  );
}
