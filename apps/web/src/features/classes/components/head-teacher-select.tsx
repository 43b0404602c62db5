import { Select } from 'antd';
import { SEARCH_BY_LABEL } from '../../../lib/select';
import { useScopeOptions } from '../../scope-options/api';

type Props = {
  /** injected by Form.Item */
  id?: string;
  schoolId: string | undefined;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The current 班主任's name, shown even before the options load. */
  currentName?: string | null;
};

/** 班主任: a teacher account of the class's school. */
export function HeadTeacherSelect({ id, schoolId, value, onChange, currentName }: Props) {
  const teachers = useScopeOptions('teacher', '', schoolId);
  const options = (teachers.data ?? []).map((t) => ({ value: t.id, label: t.name }));
  if (value && currentName && !options.some((o) => o.value === value)) options.unshift({ value, label: currentName });
  return (
    <Select
      id={id}
      allowClear
      showSearch={SEARCH_BY_LABEL}
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      options={options}
      loading={teachers.isFetching}
      disabled={!schoolId}
      placeholder={schoolId ? '选择班主任（本校教师账号）' : '请先选择学校'}
      notFoundContent={teachers.isFetching ? '加载中…' : '本校暂无教师账号，可在“用户”中添加班主任'}
    />
  );
}
