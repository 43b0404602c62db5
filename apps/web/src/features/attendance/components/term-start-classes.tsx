import type { TermStartDto } from '@notoneless/shared';
import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { UnreportedClassList } from './unreported-class-list';

type Props = { termStart: TermStartDto };

/** Classes with no report on the first school day: their students were never reported, so nobody was checked. */
export function TermStartClasses({ termStart }: Props) {
  const items = termStart.unreportedClasses;
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
        <UnreportedClassList
          items={items}
          date={termStart.firstDay ?? ''}
          testId="term-start-classes"
          hint={
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              这些班级的学生第一天没有登记，请补报当天到校日报后再核实。
            </Typography.Text>
          }
        />
      )}
    </Card>
  );
}
