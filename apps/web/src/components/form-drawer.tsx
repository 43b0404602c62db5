import { Alert, Button, Drawer, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useIsMobile } from '../lib/use-is-mobile';

type Props = {
  open: boolean;
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  submitting?: boolean;
  submitText?: string;
  /** A message no single field could hold (the server's, or a cross-field rule's). */
  error?: string | null;
  loading?: boolean;
  children: ReactNode;
};

/** Create / edit forms: a side drawer on desktop, full screen on phones. */
export function FormDrawer({ open, title, onClose, onSubmit, submitting, submitText = '保存', error, loading, children }: Props) {
  const isMobile = useIsMobile();
  return (
    <Drawer
      open={open}
      title={title}
      onClose={onClose}
      size={isMobile ? '100%' : 560}
      destroyOnHidden
      loading={loading}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={submitting} onClick={onSubmit}>
            {submitText}
          </Button>
        </Flex>
      }
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {children}
    </Drawer>
  );
}
