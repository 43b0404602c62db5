import { Button, Col, Row } from 'antd';
import { Children, type ReactNode } from 'react';

const CELL = { display: 'flex', alignItems: 'center', minHeight: 32 };
const NORMAL = { xs: 24, sm: 12, md: 8, xl: 6 };
const WIDE = { xs: 24, sm: 24, md: 16, xl: 12 };

type Props = {
  children: ReactNode;
  onReset?: () => void;
  /** Give the first filter (a search box with a long hint) double width. */
  wideFirst?: boolean;
};

/** Filters in a grid: one per line on phones, two to four across on wider screens. */
export function FilterBar({ children, onReset, wideFirst = false }: Props) {
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {Children.toArray(children).map((child, index) => (
        <Col key={index} {...(wideFirst && index === 0 ? WIDE : NORMAL)} style={CELL}>
          <div style={{ width: '100%' }}>{child}</div>
        </Col>
      ))}
      {onReset ? (
        <Col {...NORMAL} style={CELL}>
          <Button onClick={onReset}>重置筛选</Button>
        </Col>
      ) : null}
    </Row>
  );
}
