import { MONTHLY_REPORT_STATUS_LABELS, type Dashboard, type MonthlyReportStatus } from '@notoneless/shared';
import { Badge, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../../lib/format';

type Overdue = Dashboard['overdue'];

const more = (count: number, shown: number) => (count > shown ? `等 ${formatNumber(count)} 个` : '');

/** 逾期事项: cases past a legal deadline, late 月报, classes that did not send the daily report. */
export function OverdueCard({ overdue }: { overdue: Overdue }) {
  const { cases, lateReports, silentClasses } = overdue;
  const rows = [
    {
      key: 'cases',
      title: '逾期个案',
      count: cases.count,
      link: cases.link,
      detail: cases.byKind.length ? (
        <Flex wrap gap={4}>
          {cases.byKind.map((k) => (
            <Tag key={k.kind}>
              {k.label} {formatNumber(k.count)}
            </Tag>
          ))}
        </Flex>
      ) : (
        '没有逾期的法定时限'
      ),
    },
    {
      key: 'reports',
      title: `${Number(lateReports.month.slice(5))}月月报逾期未报`,
      count: lateReports.count,
      link: lateReports.link,
      detail: lateReports.pastDue
        ? lateReports.items.length
          ? `${lateReports.items
              .slice(0, 5)
              .map((x) => `${x.schoolName}（${MONTHLY_REPORT_STATUS_LABELS[x.status as MonthlyReportStatus] ?? x.status}）`)
              .join('、')}${more(lateReports.count, Math.min(5, lateReports.items.length))}`
          : '全部按时上报'
        : `截止日期 ${formatDate(lateReports.dueOn)}，尚未到期`,
    },
    {
      key: 'classes',
      title: silentClasses.date ? `${formatDate(silentClasses.date)} 未报到校日报的班级` : '未报到校日报的班级',
      count: silentClasses.count,
      link: silentClasses.link,
      detail: silentClasses.date
        ? silentClasses.items.length
          ? `${silentClasses.items
              .slice(0, 5)
              .map((x) => `${x.schoolName}${x.className}`)
              .join('、')}${more(silentClasses.count, Math.min(5, silentClasses.items.length))}`
          : '全部已报'
        : '本月还没有到校日报',
    },
  ];
  return (
    <List
      size="small"
      dataSource={rows}
      renderItem={(r) => (
        <List.Item extra={<Link to={r.link}>查看</Link>}>
          <List.Item.Meta
            title={
              <Flex gap={8} align="center">
                <span>{r.title}</span>
                <Badge count={formatNumber(r.count)} showZero color={r.count > 0 ? '#d4380d' : '#52c41a'} />
              </Flex>
            }
            description={<Typography.Text type="secondary">{r.detail}</Typography.Text>}
          />
        </List.Item>
      )}
    />
  );
}
