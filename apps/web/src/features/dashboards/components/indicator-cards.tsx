import { QuestionCircleOutlined } from '@ant-design/icons';
import type { DashboardIndicator } from '@notoneless/shared';
import { Card, Col, Row, Tooltip, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { formatNumber } from '../../../lib/format';

/** The headline indicators; each card's tooltip gives the definition and the numbers behind the rate. */
export function IndicatorCards({ indicators }: { indicators: DashboardIndicator[] }) {
  const navigate = useNavigate();
  return (
    <Row gutter={[12, 12]} className="dash-indicators">
      {indicators.map((i) => {
        const notComputable = i.ratio ? !i.ratio.computable : i.value === null;
        const tip = (
          <div>
            <div>{i.definition}</div>
            {i.ratio?.computable ? (
              <div style={{ marginTop: 4 }}>
                {formatNumber(i.ratio.numerator)} ÷ {formatNumber(i.ratio.denominator)}
              </div>
            ) : null}
          </div>
        );
        return (
          <Col key={i.key} xs={12} md={8} xl={4} className="dash-print-third">
            <Card
              size="small"
              hoverable={!!i.link}
              onClick={i.link ? () => navigate(i.link!) : undefined}
              style={{ height: '100%' }}
              data-testid={`indicator-${i.key}`}
            >
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {i.label}{' '}
                <Tooltip title={tip}>
                  <QuestionCircleOutlined aria-label={`${i.label}的定义`} onClick={(e) => e.stopPropagation()} />
                </Tooltip>
              </Typography.Text>
              <div style={{ fontSize: notComputable ? 14 : 24, fontWeight: 600, marginTop: 4, lineHeight: 1.3, wordBreak: 'break-all' }}>
                {notComputable ? (
                  <Tooltip title={i.display}>
                    <Typography.Text type="secondary">无法计算</Typography.Text>
                  </Tooltip>
                ) : (
                  i.display
                )}
              </div>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
