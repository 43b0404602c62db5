import type { TermStartDto } from '@notoneless/shared';
import { Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import { classLabel } from '../../../lib/labels';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { REASON_COLORS } from '../format';

export type TermStartChild = TermStartDto['children'][number];
type Props = { items: TermStartChild[]; childLink: boolean; caseLink: boolean };

/** On a phone the first ones, the rest on demand (a county lists many). */
const SHOWN = 20;

const where = (c: TermStartChild) => `${c.schoolName} ${c.grade ? classLabel({ grade: c.grade, name: c.className }) : c.className}`;

function Latest({ c }: { c: TermStartChild }) {
  if (!c.latestReason) return <Tag color="success">到校</Tag>;
  return (
    <Tag color={REASON_COLORS[c.latestReason]} style={{ marginInlineEnd: 0 }}>
      {c.latestReason}
      {c.latestContactResult ? `·${c.latestContactResult}` : ''}
    </Tag>
  );
}

const verified = (c: TermStartChild) => (c.unexplained ? <Tag color="error">仍未核实</Tag> : <Tag color="success">已核实</Tag>);

/**
 * The students not reported present on the first school day (seed 001), each with the latest report of the first week:
 * present, or the reason and the family contact. Cards on a phone, a table on a desktop.
 */
export function TermStartChildren({ items, childLink, caseLink }: Props) {
  const isMobile = useIsMobile();
  const [all, setAll] = useState(false);
  const name = (c: TermStartChild) => (childLink ? <Link to={`/children/${c.childId}`}>{c.name}</Link> : c.name);
  const caseCell = (c: TermStartChild) => (c.caseId ? caseLink ? <Link to={`/cases/${c.caseId}`}>查看个案</Link> : '已建个案' : '');

  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的学生" />;
  if (isMobile) {
    const shown = all ? items : items.slice(0, SHOWN);
    return (
      <Flex vertical gap={8} data-testid="term-start-children">
        {shown.map((c) => (
          <Card key={c.childId} size="small" data-testid="term-start-child">
            <Flex justify="space-between" align="flex-start" gap={8}>
              <Flex vertical style={{ minWidth: 0 }}>
                <Typography.Text strong>
                  {name(c)}
                  <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 6, fontSize: 12 }}>
                    {c.gender}
                  </Typography.Text>
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                  {where(c)}
                </Typography.Text>
              </Flex>
              {verified(c)}
            </Flex>
            <Flex gap={6} wrap align="center" style={{ marginTop: 6, fontSize: 13 }}>
              <span>第一天</span>
              <Tag color={REASON_COLORS[c.firstDayReason]}>{c.firstDayReason}</Tag>
              <span>最近 {formatDate(c.latestDate)}</span>
              <Latest c={c} />
            </Flex>
            {c.latestNote ? (
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
                {c.latestNote}
              </Typography.Paragraph>
            ) : null}
            {c.caseId ? <div style={{ marginTop: 4, fontSize: 13 }}>{caseCell(c)}</div> : null}
          </Card>
        ))}
        {items.length > shown.length ? (
          <Button type="link" onClick={() => setAll(true)} style={{ alignSelf: 'flex-start', paddingInline: 0 }}>
            展开全部 {items.length} 名学生
          </Button>
        ) : null}
      </Flex>
    );
  }
  return (
    <Table<TermStartChild>
      rowKey="childId"
      size="small"
      data-testid="term-start-children"
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
      columns={[
        { title: '姓名', key: 'name', render: (_, c) => name(c) },
        { title: '性别', dataIndex: 'gender', width: 60 },
        { title: '学校班级', key: 'where', render: (_, c) => where(c) },
        {
          title: '第一天',
          key: 'first',
          render: (_, c) => <Tag color={REASON_COLORS[c.firstDayReason]}>{c.firstDayReason}</Tag>,
        },
        { title: '最近上报', dataIndex: 'latestDate', render: (v: string) => formatDate(v) },
        { title: '最近情况', key: 'latest', render: (_, c) => <Latest c={c} /> },
        { title: '备注', dataIndex: 'latestNote', render: (v: string | null) => v ?? '' },
        { title: '核实', key: 'verified', render: (_, c) => verified(c) },
        { title: '个案', key: 'case', render: (_, c) => caseCell(c) },
      ]}
    />
  );
}
