import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Select } from 'antd';
import { useMe } from '../app/auth-context';
import { FilterBar } from '../components/filter-bar';
import { PageHeader } from '../components/page-header';
import { ClassFormDrawer, type ClassFormTarget } from '../features/classes/components/class-form-drawer';
import { ClassesList } from '../features/classes/components/classes-list';
import { useSchoolOptions } from '../features/schools/api';
import { canManage } from '../lib/abilities';
import { GRADE_OPTIONS, schoolYearOptions } from '../lib/labels';
import { SEARCH_BY_LABEL } from '../lib/select';
import { useEditor } from '../lib/use-editor';
import { useUrlFilters } from '../lib/use-url-filters';

const FILTER_KEYS = ['schoolId', 'grade', 'schoolYear', 'includeInactive'] as const;
const toNumber = (value: string | undefined) => (value ? Number(value) : undefined);

export function ClassesPage() {
  const me = useMe();
  const manage = canManage(me, 'classes');
  const schools = useSchoolOptions();
  const { filters, page, pageSize, setFilters, setPage, reset } = useUrlFilters(FILTER_KEYS);
  const editor = useEditor<ClassFormTarget>();

  return (
    <>
      <PageHeader
        title="班级"
        extra={
          manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.open({ mode: 'create', schoolId: filters.schoolId })}>
              新增班级
            </Button>
          ) : null
        }
      />
      <FilterBar onReset={reset}>
        <Select
          allowClear
          showSearch={SEARCH_BY_LABEL}
          style={{ width: '100%' }}
          placeholder="全部学校"
          options={schools.options}
          loading={schools.loading}
          value={filters.schoolId}
          onChange={(schoolId?: string) => setFilters({ schoolId })}
        />
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder="全部年级"
          options={GRADE_OPTIONS}
          value={toNumber(filters.grade)}
          onChange={(grade?: number) => setFilters({ grade })}
        />
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder="全部学年"
          options={schoolYearOptions()}
          value={toNumber(filters.schoolYear)}
          onChange={(schoolYear?: number) => setFilters({ schoolYear })}
        />
        <Checkbox checked={filters.includeInactive === 'true'} onChange={(e) => setFilters({ includeInactive: e.target.checked })}>
          显示已停用
        </Checkbox>
      </FilterBar>
      <ClassesList
        query={{
          schoolId: filters.schoolId,
          grade: toNumber(filters.grade),
          schoolYear: toNumber(filters.schoolYear),
          includeInactive: filters.includeInactive === 'true' || undefined,
          page,
          pageSize,
        }}
        onPage={setPage}
        canManage={manage}
        onEdit={(schoolClass) => editor.open({ mode: 'edit', schoolClass })}
      />
      <ClassFormDrawer key={editor.key} target={editor.target ?? null} onClose={editor.close} />
    </>
  );
}
