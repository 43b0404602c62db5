import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api';
import { useReveal, type RevealField } from '../api';

type Props = {
  childId: string;
  field: RevealField;
  masked: string;
  /** `abilities.reveal`: without it there is no 显示 button. */
  canReveal: boolean;
};

/** A masked value with a 「显示」 button; showing it is logged by the server, and the page says so. */
export function RevealableValue({ childId, field, masked, canReveal }: Props) {
  const reveal = useReveal(childId);
  const { message } = App.useApp();
  const [value, setValue] = useState<string | null>(null);

  if (value !== null) {
    return (
      <Flex vertical gap={2}>
        <Typography.Text copyable>{value}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          已记录查看日志
        </Typography.Text>
      </Flex>
    );
  }
  return (
    <Flex align="center" gap={4} wrap>
      <span>{masked || '—'}</span>
      {canReveal && masked ? (
        <Button
          type="link"
          size="small"
          icon={<EyeOutlined />}
          loading={reveal.isPending}
          onClick={() =>
            reveal.mutate(field, {
              onSuccess: (result) => setValue(result.value),
              onError: (e) => message.error(errorMessage(e)),
            })
          }
        >
          显示
        </Button>
      ) : null}
    </Flex>
  );
}
