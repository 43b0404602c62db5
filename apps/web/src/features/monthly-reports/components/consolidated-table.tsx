import type { Consolidated, Figure, MonthlyFigures } from '@notoneless/shared';
import { Card, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { formatNumber } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { FigureCount } from './figure-count';
import { UnitReportTag } from './unit-report-tag';

export type ConsolidatedRow = Consolidated['rows'][number];
type Row = ConsolidatedRow;
/** Opens the children behind a figure of a row (or of the total). */
export type OpenFigure = (row: Row, figure: Figure) => void;

/** Where a row leads: a township's own table (county view) or the school's report (中心校 view). */
export function rowLink(c: Consolidated, row: Row): string {
  return c.level === 'county'
    ? `/reports/monthly/consolidated?month=${c.month}&townshipCode=${row.key}`
    : `/reports/monthly/school/${row.key}/${c.month}`;
}

const n = (value: number) => formatNumber(value);

/** County view: the township's 中心校 report(s) to the county; a township with only 局属 schools has none. */
function UnitReports({ row }: { row: Row }) {
  if (!row.unitReports.length) return <span style={{ color: 'rgba(0,0,0,0.45)' }}>—</span>;
  // the township's 局属 schools are not in the 中心校's report: they report to the county themselves
  const direct = row.schools - row.unitReports.reduce((n, u) => n + u.schoolCount, 0);
  return (
    <Flex vertical gap={2}>
      {row.unitReports.map((u) => (
        <span key={u.unitId} title={u.unitName}>
          {row.unitReports.length > 1 ? `${u.unitName} ` : null}
          <UnitReportTag report={u} />
        </span>
      ))}
      {direct > 0 ? (
        <span style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }} data-testid="direct-schools">
          另有局属 {formatNumber(direct)} 所直报
        </span>
      ) : null}
    </Flex>
  );
}

function columns(c: Consolidated, onOpen: OpenFigure | undefined): TableColumnsType<Row> {
  const f0 = c.total.figures;
  const figure = (pick: (f: MonthlyFigures) => number) => (_: unknown, r: Row) => n(pick(r.figures));
  const isTotal = (r: Row) => r.key === c.total.key;
  /** a figure with children behind it: a link that opens them */
  const drill = (pick: (f: MonthlyFigures) => Figure | undefined) => (_: unknown, r: Row) => {
    const fig = pick(r.figures);
    return fig ? <FigureCount figure={fig} onOpen={onOpen && ((x) => onOpen(r, x))} strong={isTotal(r)} /> : '0';
  };
  return [
    {
      title: c.level === 'county' ? '乡镇' : '学校',
      dataIndex: 'name',
      fixed: 'left',
      width: 150,
      render: (_, r) => (isTotal(r) ? <strong>{r.name}</strong> : <Link to={rowLink(c, r)}>{r.name}</Link>),
    },
    {
      // county view: the schools reported, and below them the township's 中心校 report to the county (乡镇月报)
      title: c.level === 'county' ? '上报（学校 / 乡镇月报）' : '上报',
      width: c.level === 'county' ? 190 : 110,
      render: (_, r) => (
        <>
          <span style={{ whiteSpace: 'nowrap' }}>
            {c.level === 'county' || isTotal(r) ? `${n(r.reported)}/${n(r.schools)}` : (r.status ?? '—')}
            {r.late > 0 ? (
              <Tag color="red" style={{ marginInlineStart: 4, marginInlineEnd: 0 }}>
                逾期{c.level === 'county' || isTotal(r) ? ` ${r.late}` : ''}
              </Tag>
            ) : null}
          </span>
          {c.level === 'county' && !isTotal(r) ? (
            <div style={{ marginTop: 4 }} data-testid="row-unit-reports">
              <UnitReports row={r} />
            </div>
          ) : null}
        </>
      ),
    },
    { title: '在籍', width: 80, align: 'right', render: drill((f) => f.enrolled) },
    { title: '在校', width: 80, align: 'right', render: drill((f) => f.attending) },
    { title: '人籍差额', width: 90, align: 'right', render: figure((f) => f.gap) },
    {
      title: '差额原因',
      children: f0.gapCauses.map((cause, i) => ({
        title: cause.label,
        key: cause.key,
        width: 80,
        align: 'right' as const,
        render: drill((f) => f.gapCauses.find((g) => g.key === cause.key) ?? f.gapCauses[i]),
      })),
    },
    {
      title: '未说明',
      width: 80,
      align: 'right',
      render: (_, r) =>
        r.figures.unexplained.count > 0 ? (
          <FigureCount figure={r.figures.unexplained} onOpen={onOpen && ((x) => onOpen(r, x))} danger strong={isTotal(r)} />
        ) : (
          '0'
        ),
    },
    {
      title: '本月变动',
      children: f0.movements.map((m, i) => ({
        title: m.label,
        key: m.key,
        width: 90,
        align: 'right' as const,
        render: drill((f) => f.movements.find((x) => x.key === m.key) ?? f.movements[i]),
      })),
    },
    { title: '送教次数', width: 90, align: 'right', render: figure((f) => f.homeTeachingSessions) },
  ];
}

/**
 * The consolidated table: one row per township (county) or school (中心校), then the total from the server. Every figure
 * with children behind it (not 差额 itself, nor 送教次数) opens them through onOpen.
 */
export function ConsolidatedTable({ data, loading, onOpen }: { data: Consolidated; loading: boolean; onOpen?: OpenFigure }) {
  const isMobile = useIsMobile();
  if (isMobile) {
    return (
      <Flex vertical gap={8} data-testid="consolidated-cards">
        {[...data.rows, data.total].map((r) => {
          const total = r === data.total;
          return (
            <Card key={r.key} size="small" data-testid={total ? 'consolidated-total' : 'consolidated-row'}>
              <Flex justify="space-between" gap={8}>
                {total ? <strong>{r.name}</strong> : <Link to={rowLink(data, r)}>{r.name}</Link>}
                <span style={{ whiteSpace: 'nowrap' }}>
                  {data.level === 'county' || total ? `已报 ${n(r.reported)}/${n(r.schools)}` : (r.status ?? '—')}
                  {r.late > 0 ? (
                    <Tag color="red" style={{ marginInlineStart: 4, marginInlineEnd: 0 }}>
                      逾期{data.level === 'county' || total ? ` ${r.late}` : ''}
                    </Tag>
                  ) : null}
                </span>
              </Flex>
              {data.level === 'county' && !total ? (
                <Flex gap={6} align="center" style={{ marginTop: 6, fontSize: 12 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    乡镇月报
                  </Typography.Text>
                  <UnitReports row={r} />
                </Flex>
              ) : null}
              <Flex justify="space-between" style={{ marginTop: 8 }}>
                {(
                  [
                    ['在籍', r.figures.enrolled],
                    ['在校', r.figures.attending],
                    ['差额', r.figures.gap],
                    ['未说明', r.figures.unexplained],
                  ] as const
                ).map(([label, value]) => (
                  <div key={label} style={{ textAlign: 'center' }}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {label}
                    </Typography.Text>
                    <div>
                      {typeof value === 'number' ? (
                        n(value)
                      ) : (
                        <FigureCount figure={value} onOpen={onOpen && ((x) => onOpen(r, x))} danger={label === '未说明'} />
                      )}
                    </div>
                  </div>
                ))}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 6 }}>
                {r.figures.gapCauses
                  .filter((g) => g.count > 0)
                  .map((g) => `${g.label} ${n(g.count)}`)
                  .join('，') || '无差额原因'}
              </Typography.Text>
            </Card>
          );
        })}
      </Flex>
    );
  }
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      bordered
      data-testid="consolidated-table"
      columns={columns(data, onOpen)}
      dataSource={[...data.rows, data.total]}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={false}
      onRow={(r) => (r.key === data.total.key ? { style: { background: '#fafafa', fontWeight: 600 } } : {})}
    />
  );
}
