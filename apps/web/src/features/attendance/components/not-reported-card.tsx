import type { AttendanceOverviewDto } from '@notoneless/shared';
import { Card, Empty, Flex, Tag } from 'antd';
import { UnreportedClassList } from './unreported-class-list';

type Props = { overview: AttendanceOverviewDto };

/** Classes with no report for the day: red once the cut-off (attendanceReportBy) has passed. */
export function NotReportedCard({ overview }: Props) {
  const late = overview.pastDueBy;
  const items = overview.notReported;
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center" wrap>
          <span>未上报班级</span>
          <Tag color={items.length === 0 ? 'success' : late ? 'error' : 'warning'}>
            {items.length === 0 ? '全部已上报' : `${items.length} 个${late ? `（已过 ${overview.dueBy}）` : `（${overview.dueBy} 截止）`}`}
          </Tag>
        </Flex>
      }
      style={{ marginBottom: 16, borderColor: late && items.length > 0 ? '#ff4d4f' : undefined }}
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={overview.isSchoolDay ? '今天各班都已上报' : '当天不是上学日'} />
      ) : (
        <UnreportedClassList items={items} date={overview.date} late={late} testId="not-reported" />
      )}
    </Card>
  );
}
