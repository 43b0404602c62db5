import type { Division } from '@notoneless/shared';
import { App, Button, Flex } from 'antd';
import { ToggleActiveButton } from '../../../components/toggle-active-button';
import { errorMessage } from '../../../lib/api';
import { useUpdateDivision } from '../api';

type Props = {
  division: Division;
  onEdit: (division: Division) => void;
  onAddChild?: (division: Division) => void;
};

export function DivisionActions({ division, onEdit, onAddChild }: Props) {
  const update = useUpdateDivision();
  const { message } = App.useApp();
  const toggle = (active: boolean) =>
    update.mutate(
      { code: division.code, input: { active } },
      {
        onSuccess: () => message.success(active ? `已启用「${division.name}」` : `已停用「${division.name}」`),
        onError: (e) => message.error(errorMessage(e)),
      },
    );
  return (
    <Flex wrap gap={0}>
      <Button type="link" size="small" onClick={() => onEdit(division)}>
        编辑
      </Button>
      {onAddChild && division.active ? (
        <Button type="link" size="small" onClick={() => onAddChild(division)}>
          新增村
        </Button>
      ) : null}
      <ToggleActiveButton active={division.active} name={division.name} loading={update.isPending} onToggle={toggle} />
    </Flex>
  );
}
