import { Tabs, theme } from 'antd';
import { formatNumber } from '../../../lib/format';
import type { FindingCount, FindingStatus } from '../api';
import { CATEGORY_ORDER, categoryLabel } from '../labels';

type Props = {
  counts: FindingCount[] | undefined;
  /** the status the counts are for; undefined = all */
  status: FindingStatus | undefined;
  /** false when other filters narrow the list (the counts are for the whole scope) */
  showCounts: boolean;
  active: string | undefined;
  onChange: (category: string | undefined) => void;
};

const ALL = 'all';

/** One tab per category, by priority (脱贫户辍学 first), with how many of each are in the chosen status. */
export function CategoryTabs({ counts, status, showCounts, active, onChange }: Props) {
  const { token } = theme.useToken();
  const n = (category?: string) =>
    (counts ?? [])
      .filter((c) => (category === undefined || c.category === category) && (status === undefined || c.status === status))
      .reduce((sum, c) => sum + c.n, 0);
  const label = (text: string, count: number, urgent = false) =>
    showCounts && counts ? (
      <span>
        {text}{' '}
        <span
          style={{
            display: 'inline-block',
            minWidth: 20,
            padding: '0 6px',
            borderRadius: 10,
            fontSize: 12,
            lineHeight: '18px',
            textAlign: 'center',
            color: count > 0 ? '#fff' : token.colorTextTertiary,
            background: count > 0 ? (urgent ? token.colorError : token.colorWarning) : token.colorFillSecondary,
          }}
        >
          {formatNumber(count)}
        </span>
      </span>
    ) : (
      text
    );
  return (
    <Tabs
      activeKey={active ?? ALL}
      onChange={(key) => onChange(key === ALL ? undefined : key)}
      items={[
        { key: ALL, label: label('全部', n()) },
        ...CATEGORY_ORDER.map((c) => ({ key: c, label: label(categoryLabel(c), n(c), c === 'POVERTY_DROPOUT') })),
      ]}
      style={{ marginBottom: 8 }}
    />
  );
}
