import type { Dashboard, RankingRow } from '@notoneless/shared';
import { Flex, Segmented, Select } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ChartOption } from '../../../lib/echarts';
import { formatNumber } from '../../../lib/format';
import { DrillChart } from './chart';

const METRICS = [
  { key: 'dropouts', label: '辍学', link: 'dropouts', color: '#d4380d' },
  { key: 'suspected', label: '疑似辍学', link: 'suspected', color: '#f2a33a' },
  { key: 'overdue', label: '逾期个案', link: 'overdue', color: '#cf1322' },
  { key: 'unexplained', label: '去向未说明', link: 'unexplained', color: '#8c8c8c' },
  { key: 'attendanceRate', label: '出勤率', link: 'attendance', color: '#1d6fd6' },
] as const;
type MetricKey = (typeof METRICS)[number]['key'];

const valueOf = (r: RankingRow, m: MetricKey) =>
  m === 'attendanceRate' ? (r.attendanceRate === null ? null : Number((r.attendanceRate * 100).toFixed(1))) : r[m];

/** 乡镇排名 (or a township's schools): worst first by the chosen figure; a bar opens that unit's list, the picker its dashboard. */
export function RankingChart({ ranking, isMobile }: { ranking: NonNullable<Dashboard['ranking']>; isMobile: boolean }) {
  const navigate = useNavigate();
  const [metric, setMetric] = useState<MetricKey>('dropouts');
  const m = METRICS.find((x) => x.key === metric)!;
  const rows = useMemo(() => {
    const withValue = ranking.rows.filter((r) => valueOf(r, metric) !== null);
    // the worst first: the most dropouts, or the lowest attendance
    return withValue.sort((a, b) =>
      metric === 'attendanceRate' ? valueOf(a, metric)! - valueOf(b, metric)! : valueOf(b, metric)! - valueOf(a, metric)!,
    );
  }, [ranking.rows, metric]);
  const option: ChartOption = useMemo(
    () => ({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => (metric === 'attendanceRate' ? `${String(v)}%` : formatNumber(Number(v))),
      },
      xAxis:
        metric === 'attendanceRate'
          ? {
              type: 'value',
              min: (v: { min: number }) => Math.max(0, Math.floor(v.min - 5)),
              max: 100,
              axisLabel: { formatter: '{value}%' },
            }
          : { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => r.name),
        axisLabel: { width: isMobile ? 84 : 140, overflow: 'truncate', fontSize: isMobile ? 11 : 12 },
      },
      series: [
        {
          type: 'bar',
          name: m.label,
          data: rows.map((r) => valueOf(r, metric)),
          barMaxWidth: 18,
          itemStyle: { color: m.color },
          label: { show: true, position: 'right', formatter: metric === 'attendanceRate' ? '{c}%' : '{c}' },
        },
      ],
    }),
    [rows, metric, m, isMobile],
  );
  const linkOf = useCallback((_s: number, i: number) => rows[i]?.links[m.link] ?? null, [rows, m]);
  const unit = ranking.by === 'township' ? '乡镇' : '学校';
  return (
    <>
      <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 8 }} className="dash-no-print-controls">
        <Segmented
          size="small"
          value={metric}
          onChange={(v) => setMetric(v as MetricKey)}
          options={METRICS.map((x) => ({ value: x.key, label: x.label }))}
          style={{ maxWidth: '100%', overflowX: 'auto' }}
        />
        <Select
          size="small"
          showSearch
          optionFilterProp="label"
          placeholder={`进入${unit}看板`}
          aria-label={`进入${unit}看板`}
          style={{ width: isMobile ? '100%' : 200 }}
          options={ranking.rows.map((r) => ({ value: r.dashboardLink, label: r.name }))}
          onChange={(to: string) => navigate(to)}
        />
      </Flex>
      {rows.length === 0 ? (
        <div style={{ padding: 24, textAlign: 'center', color: '#8c8c8c' }}>本月暂无{m.label}数据</div>
      ) : (
        <DrillChart option={option} height={Math.max(160, rows.length * 26 + 24)} linkOf={linkOf} label={`${unit}排名：${m.label}`} />
      )}
    </>
  );
}
