import { Typography } from 'antd';

/** Pretty JSON for log data. */
export function JsonView({ value }: { value: unknown }) {
  const text = value === undefined || value === null ? '（无）' : JSON.stringify(value, null, 2);
  return (
    <Typography.Paragraph style={{ margin: 0 }}>
      <pre style={{ margin: 0, maxHeight: 400, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{text}</pre>
    </Typography.Paragraph>
  );
}
