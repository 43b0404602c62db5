import type { AttendanceOverviewDto } from '@notoneless/shared';
import { Button, Flex, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { classLabel } from '../../../lib/labels';

type Props = {
  items: AttendanceOverviewDto['notReported'];
  /** the day to report, opened by each class's link */
  date: string;
  /** past the cut-off: the links turn red */
  late?: boolean;
  hint?: ReactNode;
  testId: string;
};

/** A county has thousands of classes: the first ones, and the rest on demand. */
const SHOWN = 10;

/** Classes with no report for a day, each linking to that day's report, with its 班主任 and township. */
export function UnreportedClassList({ items, date, late, hint, testId }: Props) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, SHOWN);
  return (
    <Flex vertical gap={6} data-testid={testId}>
      {hint}
      {shown.map((c) => (
        <Flex key={c.classId} justify="space-between" gap={8} wrap>
          <Link to={`/attendance/daily?classId=${c.classId}&date=${date}`} style={{ color: late ? '#cf1322' : undefined }}>
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
  );
}
