import { CHILD_STATUSES, KEY_GROUPS } from '@notoneless/shared';
import { Select } from 'antd';
import { FilterBar } from '../../../components/filter-bar';
import { SchoolSelect, TownshipSelect } from '../../schools/components/jurisdiction-selects';
import { SearchInput } from '../../../components/search-input';
import type { QueryValue } from '../../../lib/api';
import { GRADE_OPTIONS } from '../../../lib/labels';
import { SEARCH_BY_LABEL } from '../../../lib/select';
import { useClassOptions } from '../../classes/api';
import { useVillageOptions } from '../../divisions/api';

export const CHILD_FILTER_KEYS = ['q', 'townshipCode', 'villageCode', 'schoolId', 'classId', 'grade', 'keyGroup', 'status'] as const;
export type ChildFilterKey = (typeof CHILD_FILTER_KEYS)[number];

type Props = {
  filters: Partial<Record<ChildFilterKey, string>>;
  setFilters: (patch: Partial<Record<ChildFilterKey, QueryValue>>) => void;
  onReset: () => void;
};

const KEY_GROUP_OPTIONS = KEY_GROUPS.map((g) => ({ value: g, label: g }));
const STATUS_OPTIONS = CHILD_STATUSES.map((s) => ({ value: s, label: s }));
const full = { width: '100%' };

export function ChildrenFilters({ filters, setFilters, onReset }: Props) {
  const villages = useVillageOptions(filters.townshipCode);
  const classes = useClassOptions(filters.schoolId);

  return (
    <FilterBar onReset={onReset} wideFirst>
      <SearchInput value={filters.q} placeholder="姓名 / 拼音首字母 / 学籍号 / 身份证号后四位" onSearch={(q) => setFilters({ q })} />
      <TownshipSelect
        value={filters.townshipCode}
        onChange={(townshipCode?: string) => setFilters({ townshipCode, villageCode: undefined, schoolId: undefined, classId: undefined })}
      />
      <Select
        allowClear
        showSearch={SEARCH_BY_LABEL}
        style={full}
        placeholder={filters.townshipCode ? '全部村（社区）' : '户籍村（先选乡镇）'}
        disabled={!filters.townshipCode}
        options={villages.options}
        loading={villages.loading}
        value={filters.villageCode}
        onChange={(villageCode?: string) => setFilters({ villageCode })}
      />
      <SchoolSelect
        townshipCode={filters.townshipCode}
        value={filters.schoolId}
        onChange={(schoolId?: string) => setFilters({ schoolId, classId: undefined })}
      />
      <Select
        allowClear
        showSearch={SEARCH_BY_LABEL}
        style={full}
        placeholder={filters.schoolId ? '全部班级' : '班级（先选学校）'}
        disabled={!filters.schoolId}
        options={classes.options}
        loading={classes.loading}
        value={filters.classId}
        onChange={(classId?: string) => setFilters({ classId })}
      />
      <Select
        allowClear
        style={full}
        placeholder="全部年级"
        options={GRADE_OPTIONS}
        value={filters.grade ? Number(filters.grade) : undefined}
        onChange={(grade?: number) => setFilters({ grade })}
      />
      <Select
        allowClear
        showSearch={SEARCH_BY_LABEL}
        style={full}
        placeholder="全部重点群体"
        options={KEY_GROUP_OPTIONS}
        value={filters.keyGroup}
        onChange={(keyGroup?: string) => setFilters({ keyGroup })}
      />
      <Select
        allowClear
        style={full}
        placeholder="全部就读状态"
        options={STATUS_OPTIONS}
        value={filters.status}
        onChange={(status?: string) => setFilters({ status })}
      />
    </FilterBar>
  );
}
