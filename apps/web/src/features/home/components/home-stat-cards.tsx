import type { HomeSummary, Me } from '@notoneless/shared';
import { Card, Flex, Statistic } from 'antd';
import { Link } from 'react-router';
import { canOpen, type Area } from '../../../lib/abilities';
import { formatNumber } from '../../../lib/format';

type Props = { counts: HomeSummary['counts']; me: Me };

const CARDS: { key: keyof HomeSummary['counts']; title: string; suffix: string; to: string; area: Area }[] = [
  { key: 'children', title: '儿童', suffix: '名', to: '/children', area: 'children' },
  { key: 'schools', title: '学校', suffix: '所', to: '/schools', area: 'schools' },
  { key: 'classes', title: '班级', suffix: '个', to: '/classes', area: 'classes' },
  { key: 'townships', title: '乡镇', suffix: '个', to: '/divisions', area: 'divisions' },
  { key: 'villages', title: '村（社区）', suffix: '个', to: '/divisions', area: 'divisions' },
];

/** The scope's numbers; each opens the list behind it. */
export function HomeStatCards({ counts, me }: Props) {
  return (
    <Flex wrap gap={12} style={{ marginBottom: 16 }}>
      {CARDS.map((card) => {
        const stat = (
          <Statistic title={card.title} value={counts[card.key]} suffix={card.suffix} formatter={(v) => formatNumber(Number(v))} />
        );
        return (
          <Card key={card.key} size="small" hoverable={canOpen(me, card.area)} style={{ flex: '1 1 150px' }}>
            {canOpen(me, card.area) ? (
              <Link to={card.to} style={{ display: 'block', color: 'inherit' }}>
                {stat}
              </Link>
            ) : (
              stat
            )}
          </Card>
        );
      })}
    </Flex>
  );
}
