import type { Dashboard } from '@notoneless/shared';
import { Col, Row, Statistic } from 'antd';
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import type { ChartOption } from '../../../lib/echarts';
import { formatNumber } from '../../../lib/format';
import { DrillChart } from './chart';

const COLORS: Record<string, string> = { 疑似辍学: '#f2a33a', 辍学: '#d4380d', 未说明: '#8c8c8c' };

/** 三本台账: the three counts, and the 适龄儿童台账 by category (a bar opens the category's list). */
export function LedgerChart({ ledgers, isMobile }: { ledgers: Dashboard['ledgers']; isMobile: boolean }) {
  const bars = ledgers.byCategory;
  const option: ChartOption = useMemo(
    () => ({
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${formatNumber(Number(v))} 人` },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.category), axisLabel: { fontSize: isMobile ? 11 : 12 } },
      series: [
        {
          type: 'bar',
          name: '适龄儿童',
          data: bars.map((b) => ({ value: b.count, itemStyle: { color: COLORS[b.category] ?? '#1d6fd6' } })),
          barMaxWidth: 22,
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [bars, isMobile],
  );
  const linkOf = useCallback((_s: number, i: number) => bars[i]?.link ?? null, [bars]);
  const stat = (title: string, x: { count: number; link: string }) => (
    <Col span={8}>
      <Link to={x.link}>
        <Statistic title={title} value={x.count} formatter={(v) => formatNumber(Number(v))} />
      </Link>
    </Col>
  );
  return (
    <>
      <Row gutter={8} style={{ marginBottom: 8 }}>
        {stat('适龄儿童', ledgers.eligible)}
        {stat('疑似辍学', ledgers.suspected)}
        {stat('辍学', ledgers.dropout)}
      </Row>
      <DrillChart option={option} height={240} linkOf={linkOf} label="适龄儿童台账各类人数" />
    </>
  );
}
