import type { AttendanceOverviewDto } from '@notoneless/shared';
import { Card, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth-context';
import { canOpen } from '../../../lib/abilities';
import { classLabel } from '../../../lib/labels';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { REASON_COLORS } from '../format';

type Absent = AttendanceOverviewDto['absentToday'][number];
type Props = { overview: AttendanceOverviewDto };

const where = (a: Absent) => `${a.schoolName} ${a.grade ? classLabel({ grade: a.grade, name: a.className }) : a.className}`;

/** The children absent on the day with their reason (IDs masked); a name opens the child's page. */
export function AbsentTodayCard({ overview }: Props) {
  const me = useMe();
  const isMobile = useIsMobile();
  const [reason, setReason] = useState<string | undefined>();
  const rows = overview.absentToday.filter((a) => !reason || a.reason === reason);
  const name = (a: Absent) => (canOpen(me, 'children') ? <Link to={`/children/${a.childId}`}>{a.name}</Link> : a.name);
  const reasonTag = (a: Absent) => (
    <Tag color={REASON_COLORS[a.reason]} style={{ marginInlineEnd: 0 }}>
      {a.reason}
      {a.contactResult ? `·${a.contactResult}` : ''}
    </Tag>
  );

  return (
    <Card
      size="small"
      title={`${overview.date} 缺勤学生（${overview.absentToday.length}）`}
      extra={
        <Select
          allowClear
          size="small"
          placeholder="原因"
          value={reason}
          onChange={setReason}
          options={['病假', '事假', '无故缺勤', '迟到'].map((r) => ({ value: r, label: r }))}
          style={{ width: 100 }}
        />
      }
    >
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有缺勤学生" />
      ) : isMobile ? (
        <Flex vertical gap={8}>
          {rows.map((a) => (
            <Flex key={a.childId} justify="space-between" align="center" gap={8}>
              <Flex vertical style={{ minWidth: 0 }}>
                {name(a)}
                <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                  {where(a)}
                  {a.note ? ` · ${a.note}` : ''}
                </Typography.Text>
              </Flex>
              {reasonTag(a)}
            </Flex>
          ))}
        </Flex>
      ) : (
        <Table<Absent>
          rowKey="childId"
          size="small"
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
          columns={[
            { title: '姓名', key: 'name', render: (_, a) => name(a) },
            { title: '性别', dataIndex: 'gender' },
            { title: '身份证号', dataIndex: 'idNumberMasked' },
            { title: '学校班级', key: 'where', render: (_, a) => where(a) },
            { title: '原因', key: 'reason', render: (_, a) => reasonTag(a) },
            { title: '备注', dataIndex: 'note', render: (v: string | null) => v ?? '' },
          ]}
        />
      )}
    </Card>
  );
}
