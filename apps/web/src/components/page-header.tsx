import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { usePageTitle } from '../lib/use-page-title';

type Props = {
  title: string;
  subtitle?: ReactNode;
  /** Actions on the right; they wrap under the title on phones. */
  extra?: ReactNode;
  back?: ReactNode;
};

export function PageHeader({ title, subtitle, extra, back }: Props) {
  usePageTitle(title);
  return (
    <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        {back}
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </div>
      {extra ? (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
