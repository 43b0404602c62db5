import type { TermStartDto } from '@notoneless/shared';
import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { classLabel } from '../../../lib/labels';

type Props = { termStart: TermStartDto };
const SHOWN = 10;

/** Classes with no report on the first school day: their students were never reported, so nobody was checked. */
export function TermStartClasses({ termStart }: Props) {
  const [all, setAll] = useState(false);
  const items = termStart.unreportedClasses;
  const shown = all ? items : items.slice(0, SHOWN);
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center" wrap>
          <span>第一天未上报的班级</span>
          <Tag color={items.length ? 'error' : 'success'}>{items.length ? `${items.length} 个` : '全部已上报'}</Tag>
        </Flex>
      }
      style={{ marginBottom: 16 }}
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="开学第一天各班都已上报到校日报" />
      ) : (
        <Flex vertical gap={6} data-testid="term-start-classes">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            这些班级的学生第一天没有登记，请补报当天到校日报后再核实。
          </Typography.Text>
          {shown.map((c) => (
            <Flex key={c.classId} justify="space-between" gap={8} wrap>
              <Link to={`/attendance/daily?classId=${c.classId}&date=${termStart.firstDay ?? ''}`}>
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
