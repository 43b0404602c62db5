import { Flex, Tag, Tooltip } from 'antd';

type Flag = { group: string; sourceLabel?: string };

/** Key groups as orange tags; with a source, the tag says where the flag came from. */
export function KeyGroupTags({ groups }: { groups: ReadonlyArray<string | Flag> }) {
  if (groups.length === 0) return <>—</>;
  return (
    <Flex gap={4} wrap>
      {groups.map((g) => {
        const flag = typeof g === 'string' ? { group: g } : g;
        const tag = (
          <Tag key={flag.group} color="orange" style={{ marginInlineEnd: 0 }}>
            {flag.group}
          </Tag>
        );
        return flag.sourceLabel ? (
          <Tooltip key={flag.group} title={`来源：${flag.sourceLabel}`}>
            {tag}
          </Tooltip>
        ) : (
          tag
        );
      })}
    </Flex>
  );
}
