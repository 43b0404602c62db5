import { DatePicker, Flex, Result, Spin } from 'antd';
import dayjs from 'dayjs';
import { FullPageSpin } from '../components/full-page-spin';
import { NotFoundResult } from '../components/not-found-result';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { useClassDay } from '../features/attendance/api';
import { ClassPicker, useReportClasses } from '../features/attendance/components/class-picker';
import { DailyReport } from '../features/attendance/components/daily-report';
import { usePendingReports } from '../features/attendance/use-pending-reports';
import { RequireCan } from '../features/inbox/components/require-can';
import { ApiError } from '../lib/api';
import { todayInShanghai } from '../lib/format';
import { gradeLabel } from '../lib/labels';
import { useUrlFilters } from '../lib/use-url-filters';

const KEYS = ['classId', 'date'] as const;

export function AttendanceDailyPage() {
  return (
    <RequireCan can="attendance" what="到校日报">
      <AttendanceDaily />
    </RequireCan>
  );
}

/** 到校日报 (seed 000: 学生到校日报告制度): the 班主任's own class opens directly; the school picks a class. */
function AttendanceDaily() {
  const { filters, setFilters } = useUrlFilters(KEYS);
  const classes = useReportClasses();
  usePendingReports();
  const classId = filters.classId ?? classes.own[0];
  const date = filters.date && /^\d{4}-\d{2}-\d{2}$/.test(filters.date) ? filters.date : undefined;
  const query = useClassDay(classId, date);
  const day = query.data;
  const today = todayInShanghai();

  return (
    <>
      <PageHeader
        title="到校日报"
        subtitle={
          day
            ? `${day.schoolName} · ${day.grade ? `${gradeLabel(day.grade)} ` : ''}${day.className} · 截止 ${day.dueBy}`
            : '每天上午报告未到校学生'
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {classes.options.length > 1 || !classId ? (
          <div style={{ flex: '1 1 200px', minWidth: 0 }}>
            <ClassPicker value={classId} onChange={(v) => setFilters({ classId: v })} />
          </div>
        ) : null}
        <DatePicker
          inputReadOnly
          allowClear={false}
          value={dayjs(date ?? day?.date ?? today)}
          disabledDate={(d) => d.format('YYYY-MM-DD') > today}
          onChange={(d) => setFilters({ date: d && d.format('YYYY-MM-DD') !== today ? d.format('YYYY-MM-DD') : undefined })}
          style={{ flex: '0 0 140px' }}
        />
      </Flex>
      {!classId ? (
        <Result status="info" title="请选择班级" subTitle="选择要填报的班级后显示班级名单" />
      ) : query.isPending ? (
        <FullPageSpin />
      ) : query.error instanceof ApiError && query.error.status === 404 ? (
        <NotFoundResult title="未找到该班级，或您无权填报" subtitle="请从班级列表重新选择。" />
      ) : query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : day ? (
        <Spin spinning={query.isFetching && !query.isPending}>
          <DailyReport key={`${day.classId}:${day.date}:${day.report?.version ?? 0}`} day={day} />
        </Spin>
      ) : null}
    </>
  );
}
