import type { Me } from '@notoneless/shared';
import { Badge, Flex, type MenuProps } from 'antd';
import { useInboxCount } from '../api';

type MenuItem = NonNullable<MenuProps['items']>[number];

/** The 待办 count for the menu badge (GET /api/inbox/count, every minute and after actions); 0 when none or no access. */
export function useInboxBadge(me: Me): number {
  const query = useInboxCount(me.can.inbox === true);
  return query.data ?? 0;
}

/** The 工作台 menu item with its 待办 count. */
export function withInboxBadge(items: MenuItem[], count: number): MenuItem[] {
  if (count <= 0) return items;
  return items.map((item) =>
    item && item.key === '/' && 'label' in item
      ? {
          ...item,
          label: (
            <Flex justify="space-between" align="center" gap={8}>
              <span>{item.label}</span>
              <Badge count={count} overflowCount={99} size="small" title={`${count} 项待办`} />
            </Flex>
          ),
        }
      : item,
  );
}
