import { Flex, Typography } from 'antd';
import { PLATFORM_NAME, PLATFORM_SUBTITLE } from '../lib/use-page-title';

export function Brand({ compact = false }: { compact?: boolean }) {
  return (
    <Flex vertical justify="center" style={{ lineHeight: 1.2, minWidth: 0 }}>
      <Typography.Text strong style={{ fontSize: compact ? 16 : 18, whiteSpace: 'nowrap' }}>
        {compact ? '不能少' : PLATFORM_NAME}
      </Typography.Text>
      {compact ? null : (
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {PLATFORM_SUBTITLE}
        </Typography.Text>
      )}
    </Flex>
  );
}
