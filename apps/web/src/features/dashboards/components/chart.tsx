import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { echarts, type ChartOption } from '../../../lib/echarts';

type Props = {
  option: ChartOption;
  height: number;
  /** the list page behind a clicked item (series index, data index), or null when it has none */
  linkOf: (seriesIndex: number, dataIndex: number) => string | null;
  label: string;
};

/** An ECharts chart whose every item opens the list behind it. */
export function DrillChart({ option, height, linkOf, label }: Props) {
  const navigate = useNavigate();
  const onEvents = useMemo(
    () => ({
      click: (p: { seriesIndex?: number; dataIndex?: number }) => {
        const to = p.dataIndex === undefined ? null : linkOf(p.seriesIndex ?? 0, p.dataIndex);
        if (to) navigate(to);
      },
    }),
    [linkOf, navigate],
  );
  return (
    <div role="img" aria-label={label} className="dash-chart">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        onEvents={onEvents}
        notMerge
        style={{ height, width: '100%', cursor: 'pointer' }}
      />
    </div>
  );
}
