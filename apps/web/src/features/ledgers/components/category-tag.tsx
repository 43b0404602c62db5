import { Tag, Tooltip } from 'antd';
import { CATEGORY_COLORS, isCategory } from '../labels';

type Props = { category: string; /** the child's own status, shown when it says more than the category */ status?: string };

/** A child's 适龄儿童台账 category (就读状态), with the recorded status as a hint when they differ. */
export function CategoryTag({ category, status }: Props) {
  const tag = <Tag color={isCategory(category) ? CATEGORY_COLORS[category] : undefined}>{category}</Tag>;
  if (!status || status === category || (category === '本地在读' && status === '在读')) return tag;
  return <Tooltip title={`登记状态：${status}`}>{tag}</Tooltip>;
}
