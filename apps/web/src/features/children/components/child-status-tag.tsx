import { Tag } from 'antd';

const COLORS: Record<string, string> = {
  在读: 'green',
  送教上门: 'blue',
  外地就读: 'cyan',
  休学: 'gold',
  未入学: 'orange',
  疑似辍学: 'volcano',
  辍学: 'red',
};

export function ChildStatusTag({ status }: { status: string }) {
  return <Tag color={COLORS[status]}>{status}</Tag>;
}
