import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { cohortEntryYearForSchoolYear, countySettingsSchema, type Cohort } from '@notoneless/shared';
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Table, Typography, type FormListFieldData } from 'antd';
import { useState, type ReactNode } from 'react';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { applyServerError, parseForm, zodRules } from '../../../lib/zod-form';
import { useSaveSettings } from '../api';

type Props = { cohorts: Cohort[]; canEdit: boolean };
type Values = Record<string, unknown>;
type CohortRow = Partial<Record<keyof Cohort, unknown>>;

/** The settings patch of this card: `{ cohorts }`, so issue paths are ['cohorts', index, field] here and on the server. */
const schema = countySettingsSchema.pick({ cohorts: true });

const cell = { margin: 0 };
const COUNT_FIELDS = [
  { key: 'entered', label: '一年级入学人数' },
  { key: 'transfersIn', label: '转入' },
  { key: 'transfersOut', label: '转出' },
  { key: 'deaths', label: '死亡' },
] as const;

/** The rows as the schema reads them: an empty note is no note. */
function toInput(values: Values) {
  const rows = Array.isArray(values.cohorts) ? (values.cohorts as CohortRow[]) : [];
  return { cohorts: rows.map((r) => ({ ...r, note: typeof r.note === 'string' && r.note.trim() ? r.note : undefined })) };
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** "2026—2027学年毕业" for an entry year (the class entering 一年级 in Y graduates in the school year starting Y + 8). */
function graduationText(entryYear: unknown): string {
  const y = num(entryYear);
  if (y === null) return '—';
  const start = y + 8;
  return cohortEntryYearForSchoolYear(start) === y ? `${start}—${start + 1}学年毕业` : '—';
}

/** 入学人数 + 转入 − 转出 − 死亡, the 巩固率 denominator. */
function adjustedText(r: CohortRow | undefined): string {
  const [a, i, o, d] = [num(r?.entered), num(r?.transfersIn), num(r?.transfersOut), num(r?.deaths)];
  if (a === null || i === null || o === null || d === null) return '—';
  return (a + i - o - d).toLocaleString('zh-CN');
}

/** One row read-only on a phone: the figures in a line, the note after them. */
function readOnlyText(r: CohortRow | undefined): string {
  const n = (v: unknown) => num(v)?.toLocaleString('zh-CN') ?? '—';
  const note = typeof r?.note === 'string' && r.note ? `；${r.note}` : '';
  return `一年级入学 ${n(r?.entered)} · 转入 ${n(r?.transfersIn)} · 转出 ${n(r?.transfersOut)} · 死亡 ${n(r?.deaths)} · 调整后 ${adjustedText(r)}${note}`;
}

/** 历史入学人数 by 一年级 entry year: the county enters them once, the dashboards and the brief compute 巩固率 from them. */
export function CohortsForm({ cohorts, canEdit }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const save = useSaveSettings();
  const isMobile = useIsMobile();
  const rules = zodRules(form, schema, toInput);
  const [error, setError] = useState<string | null>(null);
  const initial = { cohorts: [...cohorts].sort((a, b) => a.entryYear - b.entryYear) };
  // preserve: on a read-only phone the rows have no Form.Item of their own
  const watched = Form.useWatch<CohortRow[] | undefined>('cohorts', { form, preserve: true });

  const submit = async () => {
    setError(null);
    const input = await parseForm(form, schema, toInput, setError);
    if (!input) return;
    // the rows keep the form's order, so the server's issues (['cohorts', index, field]) land on their fields
    save.mutate(input, {
      onSuccess: () => message.success('历史入学人数已保存'),
      onError: (e) => setError(applyServerError(form, e)),
    });
  };

  const field = (f: FormListFieldData, key: keyof Cohort, input: ReactNode, label?: string) => (
    <Form.Item name={[f.name, key]} rules={rules(['cohorts', f.name, key])} label={label} style={label ? { marginBottom: 8 } : cell}>
      {input}
    </Form.Item>
  );
  const count = (f: FormListFieldData, key: keyof Cohort, label?: string) =>
    field(f, key, <InputNumber min={0} precision={0} style={{ width: '100%', minWidth: label ? undefined : 96 }} />, label);
  const year = (f: FormListFieldData, label?: string) =>
    field(
      f,
      'entryYear',
      <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%', minWidth: label ? undefined : 96 }} />,
      label,
    );
  const note = (f: FormListFieldData, label?: string) =>
    field(
      f,
      'note',
      <Input maxLength={100} placeholder="如：2018年教育事业统计年报" style={{ minWidth: label ? undefined : 180 }} />,
      label,
    );
  const nextYear = () => {
    const years = (watched ?? []).map((r) => num(r?.entryYear)).filter((y): y is number => y !== null);
    return years.length ? Math.max(...years) + 1 : undefined;
  };

  return (
    <Form form={form} initialValues={initial} disabled={!canEdit} layout={isMobile ? 'vertical' : undefined}>
      <Card size="small" title="历史入学人数（用于计算九年义务教育巩固率）" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          九年义务教育巩固率 ＝ 本学年初中毕业生数 ÷（九年前一年级入学人数 ＋ 转入 － 转出 － 死亡）。某一学年毕业的学生在该学年起始年份的 8
          年前入一年级：例如 2026—2027学年（2027年7月）毕业的学生于 2018 年 9
          月入学。学籍中没有入学日期，请按教育事业统计年报录入每个入学年份的
          一年级入学人数，以及这届学生九年间的转入、转出和死亡人数。没有录入的年份，看板和简报中的巩固率显示为“无法计算”。
          历史入学人数按全县录入，只计算全县的巩固率。
        </Typography.Paragraph>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        <Form.List name="cohorts">
          {(fields, { add, remove }) => (
            <>
              {isMobile ? (
                <Flex vertical gap={12}>
                  {fields.length === 0 ? <Typography.Text type="secondary">尚未录入历史入学人数</Typography.Text> : null}
                  {fields.map((f) => (
                    <Card
                      key={f.key}
                      size="small"
                      title={`${num(watched?.[f.name]?.entryYear) ?? '—'}年入学 · ${graduationText(watched?.[f.name]?.entryYear)}`}
                      extra={
                        canEdit ? (
                          <Button type="text" danger aria-label="删除" icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                        ) : null
                      }
                    >
                      {canEdit ? (
                        <Row gutter={12}>
                          <Col span={12}>{year(f, '入学年份')}</Col>
                          {COUNT_FIELDS.map((c) => (
                            <Col span={12} key={c.key}>
                              {count(f, c.key, c.label)}
                            </Col>
                          ))}
                          <Col span={12}>
                            <Form.Item label="调整后人数" style={{ marginBottom: 8 }}>
                              <span>{adjustedText(watched?.[f.name])}</span>
                            </Form.Item>
                          </Col>
                          <Col span={24}>{note(f, '备注')}</Col>
                        </Row>
                      ) : (
                        <Typography.Text>{readOnlyText(watched?.[f.name])}</Typography.Text>
                      )}
                    </Card>
                  ))}
                </Flex>
              ) : (
                <Table<FormListFieldData>
                  size="small"
                  rowKey="key"
                  dataSource={fields}
                  pagination={false}
                  scroll={{ x: true }}
                  locale={{ emptyText: '尚未录入历史入学人数' }}
                  columns={[
                    { title: '入学年份', key: 'entryYear', render: (_, f) => year(f) },
                    ...COUNT_FIELDS.map((c) => ({
                      title: c.label,
                      key: c.key,
                      render: (_: unknown, f: FormListFieldData) => count(f, c.key),
                    })),
                    { title: '调整后人数', key: 'adjusted', render: (_, f) => adjustedText(watched?.[f.name]) },
                    { title: '毕业学年', key: 'graduation', render: (_, f) => graduationText(watched?.[f.name]?.entryYear) },
                    { title: '备注', key: 'note', render: (_, f) => note(f) },
                    ...(canEdit
                      ? [
                          {
                            title: '',
                            key: 'remove',
                            width: 48,
                            render: (_: unknown, f: FormListFieldData) => (
                              <Button type="text" danger aria-label="删除" icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              )}
              {canEdit ? (
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  disabled={fields.length >= 30}
                  onClick={() => add({ entryYear: nextYear(), transfersIn: 0, transfersOut: 0, deaths: 0 })}
                  style={{ marginTop: 8 }}
                >
                  添加入学年份
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
      </Card>
      {canEdit ? (
        <Flex justify="flex-end" gap={8} wrap>
          <Button onClick={() => form.resetFields()} disabled={save.isPending}>
            撤销修改
          </Button>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()}>
            保存历史入学人数
          </Button>
        </Flex>
      ) : null}
    </Form>
  );
}
