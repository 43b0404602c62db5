import type { HomeSummary } from '@notoneless/shared';
import { Card, Empty, Flex, Tag } from 'antd';
import { Link } from 'react-router';
import { formatNumber } from '../../../lib/format';

type Props = { keyGroups: HomeSummary['keyGroups']; clickable: boolean };

/** 重点群体 with their counts; each opens the children of that group. */
export function KeyGroupCounts({ keyGroups, clickable }: Props) {
  const shown = keyGroups.filter((g) => g.count > 0);
  return (
    <Card size="small" title="重点群体" style={{ height: '100%' }}>
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无重点群体儿童" />
      ) : (
        <Flex gap={8} wrap>
          {shown.map((g) => {
            const text = (
              <>
                {g.group} <strong>{formatNumber(g.count)}</strong>
              </>
            );
            return (
              <Tag key={g.group} color="orange" style={{ fontSize: 14, padding: '4px 10px', marginInlineEnd: 0 }}>
                {clickable ? <Link to={`/children?keyGroup=${encodeURIComponent(g.group)}`}>{text}</Link> : text}
              </Tag>
            );
          })}
        </Flex>
      )}
    </Card>
  );
}
