import { RightOutlined } from '@ant-design/icons';
import { Empty, Flex, Tag, Typography, theme } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import type { InboxEntry } from '../api';
import { escalationTag } from '../order';

type Props = { items: InboxEntry[]; emptyText?: string };

function StateTag({ item }: { item: InboxEntry }) {
  if (item.state === 'overdue') return <Tag color="error">逾期 {item.overdueDays} 天</Tag>;
  if (item.state === 'due_soon') return <Tag color="warning">{item.dueOn ? `${formatDate(item.dueOn)} 到期` : '即将到期'}</Tag>;
  return <Tag color="processing">待办理</Tag>;
}

/** 待办 rows: what, whose case, where, when; each opens its case (or the approval / referral waiting on the user). */
export function InboxList({ items, emptyText = '暂无待办，做得好！' }: Props) {
  const { token } = theme.useToken();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <Flex vertical>
      {items.map((item, i) => {
        const escalated = escalationTag(item);
        const where = [item.townshipName, item.schoolName].filter(Boolean).join(' · ');
        return (
          <Link
            key={item.id}
            to={item.link}
            aria-label={`${item.label}：${item.childName}`}
            style={{
              display: 'block',
              padding: '10px 4px',
              borderTop: i > 0 ? `1px solid ${token.colorBorderSecondary}` : undefined,
              color: 'inherit',
            }}
          >
            <Flex align="center" gap={8}>
              <Flex vertical gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Flex wrap gap={4} align="center">
                  <StateTag item={item} />
                  {escalated ? <Tag color="magenta">{escalated}</Tag> : null}
                  <Typography.Text strong>{item.childName}</Typography.Text>
                </Flex>
                <Typography.Text>{item.label}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[where, item.dueOn && item.state !== 'due_soon' ? `期限 ${formatDate(item.dueOn)}` : null].filter(Boolean).join(' · ') ||
                    ' '}
                </Typography.Text>
              </Flex>
              <RightOutlined style={{ color: token.colorTextQuaternary }} />
            </Flex>
          </Link>
        );
      })}
    </Flex>
  );
}
