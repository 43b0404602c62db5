import { Button, Popconfirm } from 'antd';

type Props = {
  active: boolean;
  name: string;
  loading?: boolean;
  onToggle: (active: boolean) => void;
};

/** 停用 asks first; 启用 does not. */
export function ToggleActiveButton({ active, name, loading, onToggle }: Props) {
  if (!active) {
    return (
      <Button type="link" size="small" loading={loading} onClick={() => onToggle(true)}>
        启用
      </Button>
    );
  }
  return (
    <Popconfirm
      title={`停用「${name}」？`}
      description="停用后不再出现在选择列表中，历史记录保留。"
      okText="停用"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onConfirm={() => onToggle(false)}
    >
      <Button type="link" size="small" danger loading={loading}>
        停用
      </Button>
    </Popconfirm>
  );
}
