import { Tag, Tooltip } from 'antd';
import type { Division } from '@notoneless/shared';

export function DivisionTags({ division }: { division: Division }) {
  return (
    <>
      {division.official ? null : (
        <Tooltip title="没有官方统计代码，由本县自行编制">
          <Tag color="orange">自编代码</Tag>
        </Tooltip>
      )}
      {division.active ? null : <Tag>已停用</Tag>}
    </>
  );
}
