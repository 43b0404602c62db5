import { UNIT_KIND_LABELS, unitCreateSchema, unitUpdateSchema, type Unit } from '@notoneless/shared';
import { App, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { FormDrawer } from '../../../components/form-drawer';
import { SEARCH_BY_LABEL } from '../../../lib/select';
import { applyServerError, parseForm, zodRules } from '../../../lib/zod-form';
import { useTownshipOptions } from '../../divisions/api';
import { useCreateUnit, useUpdateUnit } from '../api';

/** `unit` null → create; a unit → edit; undefined → closed. */
type Props = { unit: Unit | null | undefined; onClose: () => void };

const KIND_OPTIONS = (['central_school', 'district_centre'] as const).map((kind) => ({
  value: kind,
  label: UNIT_KIND_LABELS[kind],
}));

export function UnitFormDrawer({ unit, onClose }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const townships = useTownshipOptions();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const [error, setError] = useState<string | null>(null);
  const isBureau = unit?.kind === 'bureau';
  /** 县教育局（局直）: only its name can change. */
  const toInput = (values: Record<string, unknown>) =>
    isBureau ? { name: values.name } : { ...values, townshipCode: values.townshipCode ?? null };
  const schema = unit ? unitUpdateSchema : unitCreateSchema;
  const rules = zodRules(form, schema, toInput);

  const close = () => {
    setError(null);
    onClose();
  };
  const onError = (e: unknown) => setError(applyServerError(form, e));

  const submit = async () => {
    setError(null);
    if (unit) {
      const input = await parseForm(form, unitUpdateSchema, toInput, setError);
      if (!input) return;
      update.mutate(
        { id: unit.id, input },
        {
          onSuccess: () => {
            message.success('已保存');
            close();
          },
          onError,
        },
      );
    } else {
      const input = await parseForm(form, unitCreateSchema, toInput, setError);
      if (!input) return;
      create.mutate(input, {
        onSuccess: () => {
          message.success(`已新增「${input.name}」`);
          close();
        },
        onError,
      });
    }
  };

  return (
    <FormDrawer
      open={unit !== undefined}
      title={unit ? `编辑「${unit.name}」` : '新增管理单位'}
      onClose={close}
      onSubmit={submit}
      submitting={create.isPending || update.isPending}
      error={error}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          unit
            ? { kind: isBureau ? undefined : unit.kind, name: unit.name, townshipCode: unit.townshipCode ?? undefined }
            : { kind: 'central_school' }
        }
      >
        {isBureau ? (
          <Form.Item label="类型">
            <Input value={UNIT_KIND_LABELS.bureau} disabled />
          </Form.Item>
        ) : (
          <Form.Item name="kind" label="类型" required rules={rules('kind')}>
            <Select options={KIND_OPTIONS} />
          </Form.Item>
        )}
        <Form.Item name="name" label="名称" required rules={rules('name')}>
          <Input maxLength={60} placeholder="如：城关镇中心校" />
        </Form.Item>
        {isBureau ? null : (
          <Form.Item name="townshipCode" label="所在乡镇" rules={rules('townshipCode')} extra="乡镇中心校须选择；片区管理中心可不填">
            <Select
              allowClear
              showSearch={SEARCH_BY_LABEL}
              options={townships.options}
              loading={townships.loading}
              placeholder="选择乡镇"
            />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
