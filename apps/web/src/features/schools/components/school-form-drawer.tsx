import { SCHOOL_TYPES, schoolCreateSchema, schoolUpdateSchema, type School } from '@notoneless/shared';
import { App, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { FormDrawer } from '../../../components/form-drawer';
import { SEARCH_BY_LABEL } from '../../../lib/select';
import { applyServerError, parseForm, zodRules } from '../../../lib/zod-form';
import { useTownshipOptions, useVillageOptions } from '../../divisions/api';
import { useUnitOptions } from '../../units/api';
import { useCreateSchool, useUpdateSchool } from '../api';

/** `school` null → create; a school → edit; undefined → closed. */
type Props = { school: School | null | undefined; onClose: () => void };

const TYPE_OPTIONS = SCHOOL_TYPES.map((type) => ({ value: type, label: type }));
const toInput = (values: Record<string, unknown>) => ({ ...values, villageCode: values.villageCode ?? null });

export function SchoolFormDrawer({ school, onClose }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const townshipCode = Form.useWatch<string | undefined>('townshipCode', form);
  const townships = useTownshipOptions();
  const villages = useVillageOptions(townshipCode);
  const units = useUnitOptions();
  const create = useCreateSchool();
  const update = useUpdateSchool();
  const [error, setError] = useState<string | null>(null);
  const rules = zodRules(form, school ? schoolUpdateSchema : schoolCreateSchema, toInput);

  const close = () => {
    setError(null);
    onClose();
  };
  const onError = (e: unknown) => setError(applyServerError(form, e));
  const done = (text: string) => () => {
    message.success(text);
    close();
  };

  const submit = async () => {
    setError(null);
    if (school) {
      const input = await parseForm(form, schoolUpdateSchema, toInput, setError);
      if (input) update.mutate({ id: school.id, input }, { onSuccess: done('已保存'), onError });
    } else {
      const input = await parseForm(form, schoolCreateSchema, toInput, setError);
      if (input) create.mutate(input, { onSuccess: done(`已新增「${input.name}」`), onError });
    }
  };

  return (
    <FormDrawer
      open={school !== undefined}
      title={school ? `编辑「${school.name}」` : '新增学校'}
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
          school
            ? {
                name: school.name,
                type: school.type,
                townshipCode: school.townshipCode,
                villageCode: school.villageCode ?? undefined,
                unitId: school.unitId,
              }
            : undefined
        }
      >
        {school ? (
          <Form.Item label="学校标识码">
            <Input value={school.code} disabled />
          </Form.Item>
        ) : (
          <Form.Item name="code" label="学校标识码" required rules={rules('code')} extra="10 位数字">
            <Input inputMode="numeric" maxLength={10} />
          </Form.Item>
        )}
        <Form.Item name="name" label="学校名称" required rules={rules('name')}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="type" label="类型" required rules={rules('type')}>
          <Select options={TYPE_OPTIONS} placeholder="选择类型" />
        </Form.Item>
        <Form.Item name="townshipCode" label="所在乡镇" required rules={rules('townshipCode')}>
          <Select
            showSearch={SEARCH_BY_LABEL}
            options={townships.options}
            loading={townships.loading}
            placeholder="选择乡镇"
            onChange={() => form.setFieldValue('villageCode', undefined)}
          />
        </Form.Item>
        <Form.Item name="villageCode" label="所在村（社区）" rules={rules('villageCode')}>
          <Select
            allowClear
            showSearch={SEARCH_BY_LABEL}
            options={villages.options}
            loading={villages.loading}
            disabled={!townshipCode}
            placeholder={townshipCode ? '选择村（社区），可不填' : '请先选择乡镇'}
          />
        </Form.Item>
        <Form.Item name="unitId" label="管理单位" required rules={rules('unitId')}>
          <Select showSearch={SEARCH_BY_LABEL} options={units.options} loading={units.loading} placeholder="选择管理单位" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
