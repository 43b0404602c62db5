import type { Figure, MonthlyFigures } from '@notoneless/shared';
import { Card, Col, Descriptions, Row, Statistic, Table, Tag, Typography } from 'antd';
import { formatNumber } from '../../../lib/format';
import { FigureCount } from './figure-count';

type Open = ((figure: Figure) => void) | undefined;

const rate = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

/** 在籍, 在校 and 人籍差额 of the unit, as the server computed them. */
export function HeadlineStats({ figures, onOpen }: { figures: MonthlyFigures; onOpen: Open }) {
  const stats = [
    { title: '在籍学生数', value: <FigureCount figure={figures.enrolled} onOpen={onOpen} strong /> },
    { title: '实际在校生数', value: <FigureCount figure={figures.attending} onOpen={onOpen} strong /> },
    { title: '人籍差额', value: <span style={{ fontWeight: 600 }}>{formatNumber(figures.gap)}</span> },
    {
      title: '未说明',
      value: (
        <Typography.Text type={figures.unexplained.count > 0 ? 'danger' : undefined}>
          <FigureCount figure={figures.unexplained} onOpen={onOpen} strong />
        </Typography.Text>
      ),
    },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="headline">
      {stats.map((s) => (
        <Col key={s.title} xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={s.title}
              valueRender={() => <span data-stat={s.title}>{s.value}</span>}
              styles={{ content: { fontSize: 20 } }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

type GradeRow = MonthlyFigures['byGrade'][number];

/** 在籍 / 在校 / 差额 by grade, with the unit's total from the server. */
export function GradeTable({ figures, onOpen }: { figures: MonthlyFigures; onOpen: Open }) {
  return (
    <Card size="small" title="分年级在籍与在校" style={{ marginBottom: 16 }}>
      <Table<GradeRow>
        rowKey="grade"
        size="small"
        data-testid="grade-table"
        pagination={false}
        dataSource={figures.byGrade}
        locale={{ emptyText: '本单位没有在籍学生' }}
        columns={[
          { title: '年级', dataIndex: 'gradeLabel' },
          { title: '在籍', align: 'right', render: (_, r) => <FigureCount figure={r.enrolled} onOpen={onOpen} /> },
          { title: '在校', align: 'right', render: (_, r) => <FigureCount figure={r.attending} onOpen={onOpen} /> },
          { title: '差额', align: 'right', render: (_, r) => formatNumber(r.gap) },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>合计</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong>{formatNumber(figures.enrolled.count)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <strong>{formatNumber(figures.attending.count)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <strong>{formatNumber(figures.gap)}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}

type CauseRow = { key: string; label: string; figure: Figure | null; value?: string; danger?: boolean };

/** 人籍差额 by cause: the causes, the children no cause explains, minus those attending without 学籍; they add up. */
export function GapCausesCard({ figures, onOpen }: { figures: MonthlyFigures; onOpen: Open }) {
  const rows: CauseRow[] = [
    ...figures.gapCauses.map((c) => ({ key: c.key, label: c.label, figure: c })),
    { key: 'unexplained', label: figures.unexplained.label, figure: figures.unexplained, danger: figures.unexplained.count > 0 },
  ];
  if (figures.attendingWithoutRegistry.count > 0) {
    rows.push({ key: 'without', label: `减：${figures.attendingWithoutRegistry.label}`, figure: figures.attendingWithoutRegistry });
  }
  return (
    <Card
      size="small"
      title="人籍差额原因"
      extra={figures.balanced ? <Tag color="success">与差额相符</Tag> : <Tag color="error">与差额不符</Tag>}
      style={{ marginBottom: 16 }}
    >
      <Table<CauseRow>
        rowKey="key"
        size="small"
        data-testid="gap-causes"
        pagination={false}
        showHeader={false}
        dataSource={rows}
        columns={[
          { dataIndex: 'label', render: (_, r) => (r.danger ? <Typography.Text type="danger">{r.label}</Typography.Text> : r.label) },
          {
            align: 'right',
            render: (_, r) => (r.figure ? <FigureCount figure={r.figure} onOpen={onOpen} strong={r.danger} /> : r.value),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>人籍差额</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong>{formatNumber(figures.gap)}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}

function FigureList({
  title,
  items,
  onOpen,
  extra,
}: {
  title: string;
  items: Figure[];
  onOpen: Open;
  extra?: { label: string; value: string }[];
}) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={1} colon={false} styles={{ content: { justifyContent: 'flex-end' } }}>
        {items.map((f) => (
          <Descriptions.Item key={f.key} label={f.label}>
            <FigureCount figure={f} onOpen={onOpen} />
          </Descriptions.Item>
        ))}
        {(extra ?? []).map((e) => (
          <Descriptions.Item key={e.label} label={e.label}>
            {e.value}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}

/** The month's movements (新增疑似辍学, 新增辍学, 劝返复学 …) and 送教上门 sessions. */
export function MovementsCard({ figures, onOpen }: { figures: MonthlyFigures; onOpen: Open }) {
  return (
    <FigureList
      title="本月变动"
      items={figures.movements}
      onOpen={onOpen}
      extra={[{ label: '送教上门次数', value: formatNumber(figures.homeTeachingSessions) }]}
    />
  );
}

/** Key groups among the enrolled. */
export function KeyGroupsCard({ figures, onOpen }: { figures: MonthlyFigures; onOpen: Open }) {
  if (figures.keyGroups.length === 0) return null;
  return <FigureList title="重点群体（在籍）" items={figures.keyGroups} onOpen={onOpen} />;
}

/** The month's 到校日报: school days, reports expected and received, average attendance. */
export function AttendanceCard({ figures }: { figures: MonthlyFigures }) {
  const a = figures.attendance;
  return (
    <FigureList
      title="本月到校日报"
      items={[]}
      onOpen={undefined}
      extra={[
        { label: '上学日', value: `${formatNumber(a.schoolDays)} 天` },
        { label: '应报 / 已报', value: `${formatNumber(a.reportsExpected)} / ${formatNumber(a.reportsReceived)}` },
        { label: '平均出勤率', value: rate(a.rate) },
      ]}
    />
  );
}
