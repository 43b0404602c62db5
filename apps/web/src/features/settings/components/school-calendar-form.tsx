import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CALENDAR_DAY_KINDS, CALENDAR_DAY_KIND_LABELS, schoolCalendarSchema, type SchoolCalendar } from '@notoneless/shared';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Select, Table, type FormListFieldData } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { applyServerError, parseForm, zodRules } from '../../../lib/zod-form';
import { useSaveCalendar } from '../api';

type Props = { calendar: SchoolCalendar; canEdit: boolean };
type Values = Record<string, unknown>;

const KIND_OPTIONS = CALENDAR_DAY_KINDS.map((k) => ({ value: k, label: CALENDAR_DAY_KIND_LABELS[k] }));
const DATE = 'YYYY-MM-DD';
const cell = { margin: 0 };

const toDay = (value: string) => (value ? dayjs(value) : undefined);
const fromDay = (value: unknown) => (dayjs.isDayjs(value) ? value.format(DATE) : value);

function toFormValues(calendar: SchoolCalendar) {
  return {
    terms: calendar.terms.map((t) => ({ ...t, startDate: toDay(t.startDate), endDate: toDay(t.endDate) })),
    days: calendar.days.map((d) => ({ ...d, date: toDay(d.date) })),
  };
}

/** Form values (dayjs dates) → what schoolCalendarSchema reads (YYYY-MM-DD strings). */
function toInput(values: Values) {
  const rows = (list: unknown) => (Array.isArray(list) ? (list as Values[]) : []);
  return {
    terms: rows(values.terms).map((t) => ({ ...t, startDate: fromDay(t.startDate), endDate: fromDay(t.endDate) })),
    days: rows(values.days).map((d) => ({ ...d, date: fromDay(d.date) })),
  };
}

/** 校历: terms and special days (放假 / 调休上课). */
export function SchoolCalendarForm({ calendar, canEdit }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const save = useSaveCalendar();
  const rules = zodRules(form, schoolCalendarSchema, toInput);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    const input = await parseForm(form, schoolCalendarSchema, toInput, setError);
    if (!input) return;
    const sorted = {
      terms: [...input.terms].sort((a, b) => a.startDate.localeCompare(b.startDate)),
      days: [...input.days].sort((a, b) => a.date.localeCompare(b.date)),
    };
    save.mutate(sorted, {
      onSuccess: () => message.success('校历已保存'),
      onError: (e) => setError(applyServerError(form, e)),
    });
  };

  const removeColumn = (remove: (index: number) => void) =>
    canEdit
      ? [
          {
            title: '',
            key: 'remove',
            width: 48,
            render: (_: unknown, field: FormListFieldData) => (
              <Button type="text" danger aria-label="删除" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
            ),
          },
        ]
      : [];

  return (
    <Form form={form} initialValues={toFormValues(calendar)} disabled={!canEdit}>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Card size="small" title="学期" style={{ marginBottom: 16 }}>
        <Form.List name="terms">
          {(fields, { add, remove }) => (
            <>
              <Table<FormListFieldData>
                size="small"
                rowKey="key"
                dataSource={fields}
                pagination={false}
                scroll={{ x: true }}
                locale={{ emptyText: '尚未设置学期' }}
                columns={[
                  {
                    title: '学期名称',
                    key: 'name',
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'name']} rules={rules(['terms', f.name, 'name'])} style={cell}>
                        <Input placeholder="如：2026年秋季学期" maxLength={40} style={{ minWidth: 180 }} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: '开始日期',
                    key: 'start',
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'startDate']} rules={rules(['terms', f.name, 'startDate'])} style={cell}>
                        <DatePicker inputReadOnly style={{ minWidth: 140 }} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: '结束日期',
                    key: 'end',
                    render: (_, f) => (
                      <Form.Item
                        name={[f.name, 'endDate']}
                        rules={rules(['terms', f.name, 'endDate'])}
                        dependencies={[['terms', f.name, 'startDate']]}
                        style={cell}
                      >
                        <DatePicker inputReadOnly style={{ minWidth: 140 }} />
                      </Form.Item>
                    ),
                  },
                  ...removeColumn(remove),
                ]}
              />
              {canEdit ? (
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ name: '' })} style={{ marginTop: 8 }}>
                  添加学期
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
      </Card>
      <Card size="small" title="特殊日期（放假 / 调休上课）" style={{ marginBottom: 16 }}>
        <Form.List name="days">
          {(fields, { add, remove }) => (
            <>
              <Table<FormListFieldData>
                size="small"
                rowKey="key"
                dataSource={fields}
                pagination={fields.length > 20 ? { pageSize: 20, size: 'small' } : false}
                scroll={{ x: true }}
                locale={{ emptyText: '没有特殊日期' }}
                columns={[
                  {
                    title: '日期',
                    key: 'date',
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'date']} rules={rules(['days', f.name, 'date'])} style={cell}>
                        <DatePicker inputReadOnly style={{ minWidth: 140 }} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: '类型',
                    key: 'kind',
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'kind']} rules={rules(['days', f.name, 'kind'])} style={cell}>
                        <Select options={KIND_OPTIONS} style={{ minWidth: 120 }} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: '名称',
                    key: 'name',
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'name']} rules={rules(['days', f.name, 'name'])} style={cell}>
                        <Input placeholder="如：国庆节" maxLength={40} style={{ minWidth: 140 }} />
                      </Form.Item>
                    ),
                  },
                  ...removeColumn(remove),
                ]}
              />
              {canEdit ? (
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  onClick={() => add({ kind: 'holiday', name: '' })}
                  style={{ marginTop: 8 }}
                >
                  添加特殊日期
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
      </Card>
      {canEdit ? (
        <Flex justify="flex-end" gap={8}>
          <Button onClick={() => form.resetFields()} disabled={save.isPending}>
            撤销修改
          </Button>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()}>
            保存校历
          </Button>
        </Flex>
      ) : null}
    </Form>
  );
}
