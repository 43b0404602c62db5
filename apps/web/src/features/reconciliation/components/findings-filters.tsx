import { FINDING_STATUS_LABELS, KEY_GROUPS } from '@notoneless/shared';
import { Select } from 'antd';
import { FilterBar } from '../../../components/filter-bar';
import { SchoolSelect, TownshipSelect } from '../../schools/components/jurisdiction-selects';
import { SearchInput } from '../../../components/search-input';
import type { QueryValue } from '../../../lib/api';
import { SEARCH_BY_LABEL } from '../../../lib/select';
import { FINDING_STATUSES } from '../labels';

export const FINDING_FILTER_KEYS = ['category', 'status', 'townshipCode', 'schoolId', 'keyGroup', 'q', 'runId'] as const;
export type FindingFilterKey = (typeof FINDING_FILTER_KEYS)[number];

/** `status` in the URL: absent = 待核实 (the work to do), `all` = every status. */
export const ALL_STATUSES = 'all';

const STATUS_OPTIONS = [
  ...FINDING_STATUSES.map((s) => ({ value: s, label: FINDING_STATUS_LABELS[s] })),
  { value: ALL_STATUSES, label: '全部状态' },
];
const KEY_GROUP_OPTIONS = KEY_GROUPS.map((g) => ({ value: g, label: g }));
const full = { width: '100%' };

type Props = {
  filters: Partial<Record<FindingFilterKey, string>>;
  setFilters: (patch: Partial<Record<FindingFilterKey, QueryValue>>) => void;
  onReset: () => void;
};

export function FindingsFilters({ filters, setFilters, onReset }: Props) {
  return (
    <FilterBar onReset={onReset}>
      <SearchInput value={filters.q} placeholder="姓名 / 身份证号后四位" onSearch={(q) => setFilters({ q })} />
      <Select
        style={full}
        aria-label="状态"
        options={STATUS_OPTIONS}
        value={filters.status ?? 'open'}
        onChange={(status: string) => setFilters({ status: status === 'open' ? undefined : status })}
      />
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
        showSearch={SEARCH_BY_LABEL}
        style={full}
        placeholder="全部重点群体"
        options={KEY_GROUP_OPTIONS}
        value={filters.keyGroup}
        onChange={(keyGroup?: string) => setFilters({ keyGroup })}
      />
    </FilterBar>
  );
}
