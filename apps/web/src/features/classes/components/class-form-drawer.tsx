import { classCreateSchema, classUpdateSchema, type SchoolClass } from '@notoneless/shared';
import { App, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { FormDrawer } from '../../../components/form-drawer';
import { GRADE_OPTIONS, currentSchoolYear, schoolYearOptions } from '../../../lib/labels';
import { SEARCH_BY_LABEL } from '../../../lib/select';
import { applyServerError, parseForm, zodRules } from '../../../lib/zod-form';
import { useSchoolOptions } from '../../schools/api';
import { useCreateClass, useUpdateClass } from '../api';
import { HeadTeacherSelect } from './head-teacher-select';

/** Create (optionally inside one school) or edit a class. */
export type ClassFormTarget = { mode: 'create'; schoolId?: string } | { mode: 'edit'; schoolClass: SchoolClass };

type Props = { target: ClassFormTarget | null; onClose: () => void };

const toInput = (values: Record<string, unknown>) => ({ ...values, headTeacherId: values.headTeacherId ?? null });

export function ClassFormDrawer({ target, onClose }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const schools = useSchoolOptions();
  const create = useCreateClass();
  const update = useUpdateClass();
  const [error, setError] = useState<string | null>(null);
  const watchedSchool = Form.useWatch<string | undefined>('schoolId', form);
  const editing = target?.mode === 'edit' ? target.schoolClass : null;
  const schoolId = editing ? editing.schoolId : watchedSchool;
  const rules = zodRules(form, editing ? classUpdateSchema : classCreateSchema, toInput);

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
    if (editing) {
      const input = await parseForm(form, classUpdateSchema, toInput, setError);
      if (input) update.mutate({ id: editing.id, input }, { onSuccess: done('已保存'), onError });
    } else {
      const input = await parseForm(form, classCreateSchema, toInput, setError);
      if (input) create.mutate(input, { onSuccess: done(`已新增「${input.name}」`), onError });
    }
  };

  const initialValues = editing
    ? {
        schoolYear: editing.schoolYear,
        grade: editing.grade,
        name: editing.name,
        headTeacherId: editing.headTeacherId,
      }
    : { schoolId: target?.mode === 'create' ? target.schoolId : undefined, schoolYear: currentSchoolYear() };

  return (
    <FormDrawer
      open={target !== null}
      title={editing ? `编辑「${editing.name}」` : '新增班级'}
      onClose={close}
      onSubmit={submit}
      submitting={create.isPending || update.isPending}
      error={error}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={initialValues}>
        {editing ? (
          <Form.Item label="学校">
            <Input value={editing.schoolName} disabled />
          </Form.Item>
        ) : (
          <Form.Item name="schoolId" label="学校" required rules={rules('schoolId')}>
            <Select
              showSearch={SEARCH_BY_LABEL}
              options={schools.options}
              loading={schools.loading}
              placeholder="选择学校"
              disabled={target?.mode === 'create' && Boolean(target.schoolId)}
              onChange={() => form.setFieldValue('headTeacherId', null)}
            />
          </Form.Item>
        )}
        <Form.Item name="schoolYear" label="学年" required rules={rules('schoolYear')}>
          <Select options={schoolYearOptions()} />
        </Form.Item>
        <Form.Item name="grade" label="年级" required rules={rules('grade')}>
          <Select options={GRADE_OPTIONS} placeholder="选择年级" />
        </Form.Item>
        <Form.Item name="name" label="班级名称" required rules={rules('name')} extra="如：1班、七年级（2）班">
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="headTeacherId" label="班主任" rules={rules('headTeacherId')}>
          <HeadTeacherSelect schoolId={schoolId} currentName={editing?.headTeacherName} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
