import { divisionCreateSchema, divisionUpdateSchema, type Division } from '@notoneless/shared';
import { App, Form, Input, Switch } from 'antd';
import { useState } from 'react';
import { FormDrawer } from '../../../components/form-drawer';
import { applyServerError, parseForm, zodRules } from '../../../lib/zod-form';
import { useCreateDivision, useUpdateDivision } from '../api';

/** Create a township (parent: the county) or a village (parent: a township), or edit one. */
export type DivisionFormTarget =
  { mode: 'create'; level: 'township' | 'village'; parentCode: string; parentName: string } | { mode: 'edit'; division: Division };

type Props = { target: DivisionFormTarget | null; onClose: () => void };

const LEVEL_NAMES = { township: '乡镇（街道）', village: '村（社区）' } as const;

export function DivisionFormDrawer({ target, onClose }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const create = useCreateDivision();
  const update = useUpdateDivision();
  const [error, setError] = useState<string | null>(null);
  const isCreate = target?.mode === 'create';
  const schema = isCreate ? divisionCreateSchema : divisionUpdateSchema;
  const toInput = (values: Record<string, unknown>) =>
    target?.mode === 'create' ? { ...values, level: target.level, parentCode: target.parentCode } : values;
  const rules = zodRules(form, schema, toInput);

  const close = () => {
    setError(null);
    onClose();
  };

  const submit = async () => {
    if (!target) return;
    setError(null);
    const onError = (e: unknown) => setError(applyServerError(form, e));
    if (target.mode === 'create') {
      const input = await parseForm(form, divisionCreateSchema, toInput, setError);
      if (!input) return;
      create.mutate(input, {
        onSuccess: () => {
          message.success(`已新增「${input.name}」`);
          close();
        },
        onError,
      });
    } else {
      const input = await parseForm(form, divisionUpdateSchema, undefined, setError);
      if (!input) return;
      update.mutate(
        { code: target.division.code, input },
        {
          onSuccess: () => {
            message.success('已保存');
            close();
          },
          onError,
        },
      );
    }
  };

  const title = !target ? '' : target.mode === 'create' ? `新增${LEVEL_NAMES[target.level]}` : `编辑「${target.division.name}」`;
  const initialValues = target?.mode === 'edit' ? { name: target.division.name, official: target.division.official } : { official: true };

  return (
    <FormDrawer
      open={target !== null}
      title={title}
      onClose={close}
      onSubmit={submit}
      submitting={create.isPending || update.isPending}
      error={error}
    >
      <Form form={form} layout="vertical" initialValues={initialValues} preserve={false}>
        {target?.mode === 'create' ? (
          <>
            <Form.Item label="上级">
              <Input value={target.parentName} disabled />
            </Form.Item>
            <Form.Item
              name="code"
              label="区划代码"
              required
              rules={rules('code')}
              extra={target.level === 'township' ? '乡镇 9 位统计用区划代码' : '村（社区）12 位统计用区划代码'}
            >
              <Input inputMode="numeric" maxLength={12} />
            </Form.Item>
          </>
        ) : target ? (
          <Form.Item label="区划代码">
            <Input value={target.division.code} disabled />
          </Form.Item>
        ) : null}
        <Form.Item name="name" label="名称" required rules={rules('name')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="official"
          label="官方代码"
          valuePropName="checked"
          extra="没有官方统计代码、由本县自行编制的，请关闭（列表中标记为“自编代码”）。"
        >
          <Switch checkedChildren="官方" unCheckedChildren="自编" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
