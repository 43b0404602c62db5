import { CheckCircleOutlined } from '@ant-design/icons';
import { LEDGER_CATEGORIES, type LedgerBalanceDto, type LedgerCategory } from '@notoneless/shared';
import { Alert, Card, Col, Flex, Row, Skeleton, Statistic, Tag, theme, Typography } from 'antd';
import type { KeyboardEvent, ReactNode } from 'react';
import { formatNumber } from '../../../lib/format';
import { IDENTITY_CATEGORIES } from '../labels';

type Props = {
  balance: LedgerBalanceDto | undefined;
  /** the category the table is filtered by */
  category: string | undefined;
  onCategory: (category: LedgerCategory | undefined) => void;
};

/** Counts that need work: red when there are any. */
const ALARM: Partial<Record<LedgerCategory, 'danger' | 'warning'>> = { 疑似辍学: 'warning', 辍学: 'danger', 未说明: 'danger' };

const count = (b: LedgerBalanceDto, c: LedgerCategory) => b.byCategory[c] ?? 0;

/**
 * 人账相符 on the 适龄儿童台账 (seed 002): each category's count (click to list its children), the identity written out,
 * and whether it holds.
 */
export function BalancePanel({ balance, category, onCategory }: Props) {
  const { token } = theme.useToken();
  if (!balance) {
    return (
      <Card size="small" style={{ marginBottom: 16 }}>
        <Skeleton active paragraph={{ rows: 3 }} />
      </Card>
    );
  }

  const valueColor = (c: LedgerCategory) => {
    const alarm = ALARM[c];
    if (!alarm || count(balance, c) === 0) return undefined;
    return alarm === 'danger' ? token.colorError : token.colorWarning;
  };

  return (
    <Card size="small" style={{ marginBottom: 16 }} title="人账相符核对">
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={5}>
          <Pick active={category === undefined} label="适龄儿童（清除就读状态筛选）" onPick={() => onCategory(undefined)}>
            <Statistic
              title="适龄儿童"
              value={balance.total}
              suffix="名"
              formatter={(v) => formatNumber(Number(v))}
              styles={{ content: { fontSize: 26 } }}
            />
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4, fontSize: 12 }}>
              {balance.schoolYear}—{balance.schoolYear + 1} 学年：出生于 {balance.birthFrom} 至 {balance.birthTo}
            </Typography.Text>
          </Pick>
        </Col>
        <Col xs={24} xl={19}>
          <Row gutter={[8, 8]}>
            {LEDGER_CATEGORIES.map((c) => (
              <Col key={c} xs={8} sm={6} xl={3}>
                <Pick active={category === c} label={`只看${c}`} onPick={() => onCategory(category === c ? undefined : c)}>
                  <Statistic
                    title={<span style={{ fontSize: 13, whiteSpace: 'nowrap' }}>{c}</span>}
                    value={count(balance, c)}
                    formatter={(v) => formatNumber(Number(v))}
                    styles={{ content: { fontSize: 20, color: valueColor(c) } }}
                  />
                </Pick>
              </Col>
            ))}
          </Row>
        </Col>
      </Row>
      <Identity balance={balance} onUnexplained={() => onCategory('未说明')} />
    </Card>
  );
}

/** A count that filters the table: a button that looks like a small card and shows when it is the filter. */
function Pick({ active, label, onPick, children }: { active: boolean; label: string; onPick: () => void; children: ReactNode }) {
  const { token } = theme.useToken();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPick();
    }
  };
  return (
    <div
      role="button"
      tabIndex={0}
      aria-pressed={active}
      aria-label={label}
      title={label}
      onClick={onPick}
      onKeyDown={onKeyDown}
      style={{
        cursor: 'pointer',
        height: '100%',
        padding: '8px 10px',
        borderRadius: token.borderRadiusLG,
        border: `1px solid ${active ? token.colorPrimary : token.colorBorderSecondary}`,
        background: active ? token.colorPrimaryBg : token.colorBgContainer,
        transition: 'border-color 0.2s, background 0.2s',
      }}
    >
      {children}
    </div>
  );
}

/** 适龄儿童 N = 本地在读 a + … + 已核实离开 g, then 「人账相符」 or what is missing. */
function Identity({ balance, onUnexplained }: { balance: LedgerBalanceDto; onUnexplained: () => void }) {
  const terms = IDENTITY_CATEGORIES.map((c) => `${c} ${formatNumber(count(balance, c))}`);
  const sum = LEDGER_CATEGORIES.reduce((n, c) => n + count(balance, c), 0);
  return (
    <div style={{ marginTop: 12 }}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text data-testid="ledger-identity" style={{ wordBreak: 'break-word' }}>
          适龄儿童 {formatNumber(balance.total)} = {terms.join(' + ')}
          {balance.unexplained > 0 ? <Typography.Text type="danger"> + 未说明 {formatNumber(balance.unexplained)}</Typography.Text> : null}
        </Typography.Text>
        {balance.balanced ? (
          <Tag color="success" icon={<CheckCircleOutlined />} style={{ marginInlineEnd: 0 }}>
            人账相符
          </Tag>
        ) : null}
      </Flex>
      {balance.unexplained > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={<Typography.Link onClick={onUnexplained}>有 {formatNumber(balance.unexplained)} 名儿童去向未说明</Typography.Link>}
          description="人账不符：每名适龄儿童都须核实去向、归入一类。点击查看名单，逐一核实后登记。"
        />
      ) : null}
      {!balance.balanced && balance.unexplained === 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={`人账不符：各类合计 ${formatNumber(sum)} 名，适龄儿童 ${formatNumber(balance.total)} 名`}
        />
      ) : null}
    </div>
  );
}
