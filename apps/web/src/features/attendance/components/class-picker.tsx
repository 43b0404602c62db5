import { Select } from 'antd';
import { useMemo } from 'react';
import { useMe } from '../../../app/auth-context';
import { SEARCH_BY_LABEL } from '../../../lib/select';
import { useClassOptions } from '../../classes/api';

/** The classes this user reports for: their own (班主任) first, then the classes of their school (学校管理员). */
export function useReportClasses(): { options: { value: string; label: string }[]; own: string[]; loading: boolean } {
  const me = useMe();
  const own = me.roles.filter((r) => r.role === 'head_teacher' && r.scopeKind === 'class');
  const schoolId = me.roles.find((r) => r.role === 'school_admin' && r.scopeKind === 'school')?.scopeId;
  const school = useClassOptions(schoolId);
  const options = useMemo(() => {
    const mine = own.map((r) => ({ value: r.scopeId, label: `${r.scopeName}（我的班级）` }));
    return [...mine, ...school.options.filter((o) => !mine.some((m) => m.value === o.value))];
  }, [own, school.options]);
  return { options, own: own.map((r) => r.scopeId), loading: school.loading };
}

type Props = { value: string | undefined; onChange: (classId: string) => void };

export function ClassPicker({ value, onChange }: Props) {
  const { options, loading } = useReportClasses();
  return (
    <Select
      showSearch={SEARCH_BY_LABEL}
      placeholder="选择班级"
      value={value}
      loading={loading}
      options={options}
      onChange={onChange}
      style={{ width: '100%' }}
    />
  );
}
