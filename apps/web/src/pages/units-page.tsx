import { PlusOutlined } from '@ant-design/icons';
import { UNIT_KIND_LABELS, UNIT_KINDS, type Unit } from '@notoneless/shared';
import { Button, Checkbox, Select } from 'antd';
import { useMemo } from 'react';
import { useMe } from '../app/auth-context';
import { FilterBar } from '../components/filter-bar';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { SearchInput } from '../components/search-input';
import { useUnits } from '../features/units/api';
import { UnitFormDrawer } from '../features/units/components/unit-form-drawer';
import { UnitsTable } from '../features/units/components/units-table';
import { canManage } from '../lib/abilities';
import { useEditor } from '../lib/use-editor';
import { useUrlFilters } from '../lib/use-url-filters';

const FILTER_KEYS = ['q', 'kind', 'includeInactive'] as const;
const KIND_OPTIONS = UNIT_KINDS.map((kind) => ({ value: kind, label: UNIT_KIND_LABELS[kind] }));

export function UnitsPage() {
  const me = useMe();
  const manage = canManage(me, 'units');
  const query = useUnits();
  const { filters, setFilters, reset } = useUrlFilters(FILTER_KEYS);
  const editor = useEditor<Unit | null>();

  const units = useMemo(() => {
    const q = filters.q?.toLowerCase();
    return (query.data ?? []).filter(
      (u) =>
        (filters.includeInactive === 'true' || u.active) &&
        (!filters.kind || u.kind === filters.kind) &&
        (!q || u.name.toLowerCase().includes(q) || (u.townshipName ?? '').includes(q)),
    );
  }, [query.data, filters]);

  return (
    <>
      <PageHeader
        title="管理单位"
        subtitle="县教育局（局直）、乡镇中心校、片区管理中心，各管辖若干学校"
        extra={
          manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.open(null)}>
              新增管理单位
            </Button>
          ) : null
        }
      />
      <FilterBar onReset={reset}>
        <SearchInput value={filters.q} placeholder="单位名称或乡镇" onSearch={(q) => setFilters({ q })} />
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder="全部类型"
          options={KIND_OPTIONS}
          value={filters.kind}
          onChange={(kind?: string) => setFilters({ kind })}
        />
        <Checkbox checked={filters.includeInactive === 'true'} onChange={(e) => setFilters({ includeInactive: e.target.checked })}>
          显示已停用
        </Checkbox>
      </FilterBar>
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <UnitsTable units={units} loading={query.isFetching} canManage={manage} onEdit={editor.open} />
      <UnitFormDrawer key={editor.key} unit={editor.target} onClose={editor.close} />
    </>
  );
}
