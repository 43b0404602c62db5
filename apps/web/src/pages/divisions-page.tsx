import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { Division } from '@notoneless/shared';
import { Button, Checkbox } from 'antd';
import { useState } from 'react';
import { useMe } from '../app/auth-context';
import { FilterBar } from '../components/filter-bar';
import { PageHeader } from '../components/page-header';
import { SearchInput } from '../components/search-input';
import { DivisionFormDrawer, type DivisionFormTarget } from '../features/divisions/components/division-form-drawer';
import { DivisionImportModal } from '../features/divisions/components/division-import-modal';
import { DivisionSearchTable } from '../features/divisions/components/division-search-table';
import { TownshipsTable } from '../features/divisions/components/townships-table';
import { canManage } from '../lib/abilities';
import { useEditor } from '../lib/use-editor';
import { useUrlFilters } from '../lib/use-url-filters';

const FILTER_KEYS = ['q', 'includeInactive'] as const;

export function DivisionsPage() {
  const me = useMe();
  const manage = canManage(me, 'divisions');
  const { filters, page, pageSize, setFilters, setPage, reset } = useUrlFilters(FILTER_KEYS);
  const editor = useEditor<DivisionFormTarget>();
  const [importing, setImporting] = useState(false);
  const includeInactive = filters.includeInactive === 'true';
  const onEdit = (division: Division) => editor.open({ mode: 'edit', division });

  return (
    <>
      <PageHeader
        title="行政区划"
        subtitle={`${me.countyName}的乡镇（街道）和村（社区）；展开乡镇查看所辖村`}
        extra={
          manage ? (
            <>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                导入
              </Button>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => editor.open({ mode: 'create', level: 'township', parentCode: me.countyCode, parentName: me.countyName })}
              >
                新增乡镇
              </Button>
            </>
          ) : null
        }
      />
      <FilterBar onReset={reset}>
        <SearchInput value={filters.q} placeholder="名称或区划代码" onSearch={(q) => setFilters({ q })} />
        <Checkbox checked={includeInactive} onChange={(e) => setFilters({ includeInactive: e.target.checked })}>
          显示已停用
        </Checkbox>
      </FilterBar>
      {filters.q ? (
        <DivisionSearchTable
          q={filters.q}
          includeInactive={includeInactive}
          page={page}
          pageSize={pageSize}
          onPage={setPage}
          canManage={manage}
          onEdit={onEdit}
        />
      ) : (
        <TownshipsTable
          includeInactive={includeInactive}
          page={page}
          pageSize={pageSize}
          onPage={setPage}
          canManage={manage}
          onEdit={onEdit}
          onAddVillage={(township) =>
            editor.open({ mode: 'create', level: 'village', parentCode: township.code, parentName: township.name })
          }
        />
      )}
      <DivisionFormDrawer key={editor.key} target={editor.target ?? null} onClose={editor.close} />
      <DivisionImportModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
