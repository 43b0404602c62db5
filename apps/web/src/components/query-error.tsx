import { Alert, Button } from 'antd';
import { errorMessage } from '../lib/api';

type Props = { error: unknown; onRetry?: () => void };

export function QueryError({ error, onRetry }: Props) {
  return (
    <Alert
      type="error"
      showIcon
      title={errorMessage(error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
