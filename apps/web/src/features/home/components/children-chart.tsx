import type { HomeSummary } from '@notoneless/shared';
import { Card, Empty } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { echarts, type ChartOption } from '../../../lib/echarts';
import { formatNumber } from '../../../lib/format';
import { gradeLabel } from '../../../lib/labels';

type Props = { summary: HomeSummary; clickable: boolean };
type Bar = { label: string; value: number; to: string };

/** Children by township when the scope spans several, by grade otherwise; a bar opens the children behind it. */
export function ChildrenChart({ summary, clickable }: Props) {
  const navigate = useNavigate();
  const byTownship = summary.byTownship.length > 1;
  const bars: Bar[] = useMemo(
    () =>
      byTownship
        ? summary.byTownship.map((t) => ({ label: t.name, value: t.children, to: `/children?townshipCode=${t.code}` }))
        : summary.byGrade.map((g) => ({ label: gradeLabel(g.grade), value: g.children, to: `/children?grade=${g.grade}` })),
    [byTownship, summary],
  );

  const option: ChartOption = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (value) => `${formatNumber(Number(value))} 名`,
      },
      xAxis: {
        type: 'category',
        data: bars.map((b) => b.label),
        axisLabel: { interval: 0, rotate: bars.length > 6 ? 40 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: '儿童', data: bars.map((b) => b.value), barMaxWidth: 36, itemStyle: { color: '#1d6fd6' } }],
    }),
    [bars],
  );

  const onEvents = useMemo(
    () => ({
      click: (params: { dataIndex?: number }) => {
        const bar = params.dataIndex === undefined ? undefined : bars[params.dataIndex];
        if (bar && clickable) navigate(bar.to);
      },
    }),
    [bars, clickable, navigate],
  );

  return (
    <Card size="small" title={byTownship ? '各乡镇儿童数' : '各年级儿童数'} style={{ height: '100%' }}>
      {bars.length === 0 ? (
        <Empty description="暂无数据" />
      ) : (
        <ReactEChartsCore
          echarts={echarts}
          option={option}
          onEvents={onEvents}
          style={{ height: 300, width: '100%', cursor: clickable ? 'pointer' : undefined }}
          notMerge
        />
      )}
    </Card>
  );
}
