import type { Figure } from '@notoneless/shared';
import { Button } from 'antd';
import { formatNumber } from '../../../lib/format';

/**
 * A figure's count (the server's, never recomputed). It opens the children behind it when the report has a row to
 * drill into and the count is not zero.
 */
export function FigureCount({
  figure,
  onOpen,
  strong,
  danger,
}: {
  figure: Figure;
  onOpen?: (figure: Figure) => void;
  strong?: boolean;
  /** a count that needs attention (未说明 > 0) */
  danger?: boolean;
}) {
  const text = formatNumber(figure.count);
  if (!onOpen || figure.count === 0) return <span style={strong ? { fontWeight: 600 } : undefined}>{text}</span>;
  return (
    <Button
      type="link"
      danger={danger}
      size="small"
      data-figure={figure.key}
      aria-label={`${figure.label} ${text}，查看名单`}
      onClick={() => onOpen(figure)}
      style={{ padding: 0, height: 'auto', fontWeight: strong ? 600 : undefined }}
    >
      {text}
    </Button>
  );
}
