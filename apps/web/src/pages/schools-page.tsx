import { PlusOutlined } from '@ant-design/icons';
import { SCHOOL_TYPES, type School } from '@notoneless/shared';
import { Button, Checkbox, Select } from 'antd';
import { useMe } from '../app/auth-context';
import { FilterBar } from '../components/filter-bar';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { SearchInput } from '../components/search-input';
import { useTownshipOptions } from '../features/divisions/api';
import { useSchools } from '../features/schools/api';
import { SchoolFormDrawer } from '../features/schools/components/school-form-drawer';
import { SchoolsTable } from '../features/schools/components/schools-table';
import { useUnitOptions } from '../features/units/api';
import { canManage } from '../lib/abilities';
import { SEARCH_BY_LABEL, oneOf } from '../lib/select';
import { serverPagination } from '../lib/table';
import { useEditor } from '../lib/use-editor';
import { useUrlFilters } from '../lib/use-url-filters';

const FILTER_KEYS = ['q', 'townshipCode', 'unitId', 'type', 'includeInactive'] as const;
const TYPE_OPTIONS = SCHOOL_TYPES.map((type) => ({ value: type, label: type }));

export function SchoolsPage() {
  const me = useMe();
  const manage = canManage(me, 'schools');
  const townships = useTownshipOptions();
  const units = useUnitOptions();
  const { filters, page, pageSize, setFilters, setPage, reset } = useUrlFilters(FILTER_KEYS);
  const editor = useEditor<School | null>();
  const query = useSchools({
    q: filters.q,
    townshipCode: filters.townshipCode,
    unitId: filters.unitId,
    type: oneOf(SCHOOL_TYPES, filters.type),
    includeInactive: filters.includeInactive === 'true' || undefined,
    page,
    pageSize,
  });

  return (
    <>
      <PageHeader
        title="学校"
        extra={
          manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.open(null)}>
              新增学校
            </Button>
          ) : null
        }
      />
      <FilterBar onReset={reset}>
        <SearchInput value={filters.q} placeholder="学校名称或标识码" onSearch={(q) => setFilters({ q })} />
        <Select
          allowClear
          showSearch={SEARCH_BY_LABEL}
          style={{ width: '100%' }}
          placeholder="全部乡镇"
          options={townships.options}
          loading={townships.loading}
          value={filters.townshipCode}
          onChange={(townshipCode?: string) => setFilters({ townshipCode })}
        />
        <Select
          allowClear
          showSearch={SEARCH_BY_LABEL}
          style={{ width: '100%' }}
          placeholder="全部管理单位"
          options={units.options}
          loading={units.loading}
          value={filters.unitId}
          onChange={(unitId?: string) => setFilters({ unitId })}
        />
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder="全部类型"
          options={TYPE_OPTIONS}
          value={filters.type}
          onChange={(type?: string) => setFilters({ type })}
        />
        <Checkbox checked={filters.includeInactive === 'true'} onChange={(e) => setFilters({ includeInactive: e.target.checked })}>
          显示已停用
        </Checkbox>
      </FilterBar>
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <SchoolsTable
        schools={query.data?.items}
        loading={query.isFetching}
        pagination={serverPagination(page, pageSize, query.data?.total, setPage)}
        canManage={manage}
        onEdit={editor.open}
      />
      <SchoolFormDrawer key={editor.key} school={editor.target} onClose={editor.close} />
    </>
  );
}
