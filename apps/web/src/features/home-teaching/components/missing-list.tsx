import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate, orDash } from '../../../lib/format';
import { gradeLabel } from '../../../lib/labels';
import type { MissingHomeTeaching } from '../api';

/** Children in 送教上门 whose week falls short: sessions and hours against the target, what is short, the last visit. */
export function MissingList({ items }: { items: MissingHomeTeaching[] }) {
  if (items.length === 0) return <Empty description="本周送教均已达标" />;
  return (
    <Flex vertical gap={12}>
      {items.map((m) => (
        <Link key={m.caseId} to={`/cases/${m.caseId}`} style={{ color: 'inherit' }}>
          <Card size="small" hoverable>
            <Flex align="center" gap={8}>
              <Flex vertical gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Flex wrap gap={6} align="center">
                  <Typography.Text strong>{m.childName}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.idNumberMasked}
                  </Typography.Text>
                  <Tag color="warning" style={{ marginInlineEnd: 0 }}>
                    本周 {m.sessionsThisWeek}/{m.requiredSessions} 次 · {m.hoursThisWeek}/{m.requiredHours} 课时
                  </Tag>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {orDash([m.townshipName, m.villageName, m.schoolName, m.grade ? gradeLabel(m.grade) : null].filter(Boolean).join(' · '))}
                </Typography.Text>
                {m.shortfall.map((s) => (
                  <Typography.Text key={s} type="danger" style={{ fontSize: 13 }}>
                    {s}
                  </Typography.Text>
                ))}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  上次送教：{m.lastTaughtOn ? `${formatDate(m.lastTaughtOn)}（${orDash(m.teacherName)}）` : '尚无记录'}
                </Typography.Text>
              </Flex>
              <RightOutlined />
            </Flex>
          </Card>
        </Link>
      ))}
    </Flex>
  );
}
