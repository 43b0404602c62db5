import type { Dashboard } from '@notoneless/shared';
import { useCallback, useMemo } from 'react';
import type { ChartOption } from '../../../lib/echarts';
import { DrillChart } from './chart';

type Trend = Dashboard['trends'][number];
const SERIES = [
  { key: 'newSuspected', name: '新增疑似辍学', color: '#f2a33a' },
  { key: 'newDropouts', name: '新增辍学', color: '#d4380d' },
  { key: 'returns', name: '复学', color: '#389e0d' },
] as const;

const monthLabel = (m: string) => `${Number(m.slice(5))}月`;

/** Month by month over the school year: new suspected, new dropouts, returns (left axis) and the attendance rate (right). */
export function TrendChart({ trends, isMobile }: { trends: Trend[]; isMobile: boolean }) {
  const option: ChartOption = useMemo(
    () => ({
      grid: { left: 8, right: 8, top: 52, bottom: 8, containLabel: true },
      legend: { top: 0, itemWidth: 14, textStyle: { fontSize: isMobile ? 11 : 12 } },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: trends.map((t) => monthLabel(t.month)) },
      yAxis: [
        { type: 'value', minInterval: 1, name: '人数' },
        {
          type: 'value',
          min: (v: { min: number }) => Math.max(0, Math.floor(v.min - 5)),
          max: 100,
          axisLabel: { formatter: '{value}%' },
          splitLine: { show: false },
        },
      ],
      series: [
        ...SERIES.map((s) => ({
          type: 'line' as const,
          name: s.name,
          data: trends.map((t) => t[s.key]),
          itemStyle: { color: s.color },
          symbolSize: 8,
        })),
        {
          type: 'line' as const,
          name: '出勤率',
          yAxisIndex: 1,
          data: trends.map((t) => (t.attendanceRate === null ? null : Number((t.attendanceRate * 100).toFixed(1)))),
          itemStyle: { color: '#1d6fd6' },
          lineStyle: { type: 'dashed' as const },
          symbolSize: 8,
          tooltip: { valueFormatter: (v: unknown) => (v === null || v === undefined ? '无日报' : `${String(v)}%`) },
        },
      ],
    }),
    [trends, isMobile],
  );
  const linkOf = useCallback(
    (series: number, i: number) => {
      const t = trends[i];
      if (!t) return null;
      return series === 0 ? t.links.newSuspected : series === 1 ? t.links.newDropouts : series === 2 ? t.links.returns : t.links.attendance;
    },
    [trends],
  );
  return <DrillChart option={option} height={isMobile ? 260 : 300} linkOf={linkOf} label="本学年逐月趋势" />;
}
