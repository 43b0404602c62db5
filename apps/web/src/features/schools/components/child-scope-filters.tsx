import { KEY_GROUPS } from '@notoneless/shared';
import { Select } from 'antd';
import type { QueryValue } from '../../../lib/api';
import { GRADE_OPTIONS } from '../../../lib/labels';
import { SEARCH_BY_LABEL } from '../../../lib/select';
import { SchoolSelect, TownshipSelect } from './jurisdiction-selects';

type Key = 'townshipCode' | 'schoolId' | 'grade' | 'keyGroup';
type Props = {
  filters: Partial<Record<Key, string>>;
  setFilters: (patch: Partial<Record<Key, QueryValue>>) => void;
};

const KEY_GROUP_OPTIONS = KEY_GROUPS.map((g) => ({ value: g, label: g }));
const full = { width: '100%' };

/**
 * Township, school, grade and key group: every list of children (ledgers, cases) filters the same way (product.md,
 * "every list filters by township, school, grade, key group"). Choosing a township clears the school.
 */
export function ChildScopeFilters({ filters, setFilters }: Props) {
  return (
    <>
      <TownshipSelect
        value={filters.townshipCode}
        onChange={(townshipCode?: string) => setFilters({ townshipCode, schoolId: undefined })}
      />
      <SchoolSelect
        townshipCode={filters.townshipCode}
        value={filters.schoolId}
        onChange={(schoolId?: string) => setFilters({ schoolId })}
      />
      <Select
        allowClear
        style={full}
        placeholder="全部年级"
        aria-label="年级"
        options={GRADE_OPTIONS}
        value={filters.grade ? Number(filters.grade) : undefined}
        onChange={(grade?: number) => setFilters({ grade })}
      />
      <Select
        allowClear
        showSearch={SEARCH_BY_LABEL}
        style={full}
        placeholder="全部重点群体"
        aria-label="重点群体"
        options={KEY_GROUP_OPTIONS}
        value={filters.keyGroup}
        onChange={(keyGroup?: string) => setFilters({ keyGroup })}
      />
    </>
  );
}
