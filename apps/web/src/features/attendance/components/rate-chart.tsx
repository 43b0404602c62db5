import type { AttendanceRateRow } from '@notoneless/shared';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import { echarts, type ChartOption } from '../../../lib/echarts';

type Props = { rows: AttendanceRateRow[]; onPick?: (row: AttendanceRateRow) => void };

/** 出勤率 by class / grade / school / township as bars (rows with no report are left out); a bar drills down. */
export function RateChart({ rows, onPick }: Props) {
  const bars = useMemo(() => rows.filter((r) => r.rate !== null), [rows]);
  const option: ChartOption = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (value) => `${Number(value).toFixed(1)}%`,
      },
      xAxis: {
        type: 'category',
        data: bars.map((b) => b.label),
        axisLabel: { interval: 0, rotate: bars.length > 5 ? 40 : 0, width: 90, overflow: 'truncate' },
      },
      yAxis: {
        type: 'value',
        min: (v: { min: number }) => Math.max(0, Math.floor(v.min - 5)),
        max: 100,
        axisLabel: { formatter: '{value}%' },
      },
      series: [
        {
          type: 'bar',
          name: '出勤率',
          data: bars.map((b) => Number(((b.rate ?? 0) * 100).toFixed(1))),
          barMaxWidth: 36,
          itemStyle: { color: '#1d6fd6' },
        },
      ],
    }),
    [bars],
  );
  const onEvents = useMemo(
    () => ({
      click: (params: { dataIndex?: number }) => {
        const row = params.dataIndex === undefined ? undefined : bars[params.dataIndex];
        if (row && onPick) onPick(row);
      },
    }),
    [bars, onPick],
  );
  if (bars.length === 0) return null;
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      onEvents={onEvents}
      notMerge
      style={{ height: 260, width: '100%', cursor: onPick ? 'pointer' : undefined }}
    />
  );
}
