import type { AttendanceOverviewDto } from '@notoneless/shared';
import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { classLabel } from '../../../lib/labels';

type Props = { overview: AttendanceOverviewDto };

/** A county has thousands of classes: the first ones, and the rest on demand. */
const SHOWN = 10;

/** Classes with no report for the day: red once the cut-off (attendanceReportBy) has passed. */
export function NotReportedCard({ overview }: Props) {
  const late = overview.pastDueBy;
  const [all, setAll] = useState(false);
  const items = overview.notReported;
  const shown = all ? items : items.slice(0, SHOWN);
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
        <Flex vertical gap={6} data-testid="not-reported">
          {shown.map((c) => (
            <Flex key={c.classId} justify="space-between" gap={8} wrap>
              <Link to={`/attendance/daily?classId=${c.classId}&date=${overview.date}`} style={{ color: late ? '#cf1322' : undefined }}>
                {c.schoolName} {c.grade ? classLabel({ grade: c.grade, name: c.className }) : c.className}
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                班主任：{c.headTeacherName ?? '未指定'}
                {c.townshipName ? ` · ${c.townshipName}` : ''}
              </Typography.Text>
            </Flex>
          ))}
          {items.length > shown.length ? (
            <Button type="link" onClick={() => setAll(true)} style={{ alignSelf: 'flex-start', paddingInline: 0 }}>
              展开全部 {items.length} 个班级
            </Button>
          ) : null}
        </Flex>
      )}
    </Card>
  );
}
