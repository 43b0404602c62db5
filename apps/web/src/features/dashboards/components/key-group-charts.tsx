import type { Dashboard } from '@notoneless/shared';
import { Col, Empty, Row } from 'antd';
import { useCallback, useMemo } from 'react';
import type { ChartOption } from '../../../lib/echarts';
import { formatNumber } from '../../../lib/format';
import { DrillChart } from './chart';

type Groups = Dashboard['keyGroups'];

/** 重点群体: how many children each group has (pie), and their suspected and confirmed dropouts (bars). */
export function KeyGroupCharts({ groups, isMobile }: { groups: Groups; isMobile: boolean }) {
  const pie: ChartOption = useMemo(
    () => ({
      tooltip: { trigger: 'item', valueFormatter: (v) => `${formatNumber(Number(v))} 人` },
      legend: { type: 'scroll', bottom: 0, itemWidth: 12, textStyle: { fontSize: 11 } },
      series: [
        {
          type: 'pie',
          name: '重点群体儿童',
          radius: ['35%', '62%'],
          center: ['50%', '44%'],
          data: groups.map((g) => ({ name: g.group, value: g.children })),
          label: { formatter: '{b}\n{c}', fontSize: 11 },
        },
      ],
    }),
    [groups],
  );
  const bars: ChartOption = useMemo(
    () => ({
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0, itemWidth: 12 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        data: groups.map((g) => g.group),
        axisLabel: { interval: 0, rotate: groups.length > 4 ? 40 : 0, fontSize: 11 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: '疑似辍学', data: groups.map((g) => g.suspected), itemStyle: { color: '#f2a33a' }, barMaxWidth: 18 },
        { type: 'bar', name: '辍学', data: groups.map((g) => g.dropouts), itemStyle: { color: '#d4380d' }, barMaxWidth: 18 },
      ],
    }),
    [groups],
  );
  const pieLink = useCallback((_s: number, i: number) => groups[i]?.links.children ?? null, [groups]);
  const barLink = useCallback(
    (s: number, i: number) => (groups[i] ? (s === 0 ? groups[i].links.suspected : groups[i].links.dropouts) : null),
    [groups],
  );
  if (groups.length === 0) return <Empty description="本辖区没有标记重点群体的儿童" />;
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} md={12} className="dash-col">
        <DrillChart option={pie} height={isMobile ? 240 : 260} linkOf={pieLink} label="重点群体儿童人数" />
      </Col>
      <Col xs={24} md={12} className="dash-col">
        <DrillChart option={bars} height={isMobile ? 240 : 260} linkOf={barLink} label="重点群体疑似辍学与辍学人数" />
      </Col>
    </Row>
  );
}
