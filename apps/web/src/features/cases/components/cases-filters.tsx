import { CASE_MONTH_EVENT_LABELS, CASE_MONTH_EVENTS, KEY_GROUPS } from '@notoneless/shared';
import { Checkbox, Select, Tag } from 'antd';
import { FilterBar } from '../../../components/filter-bar';
import { SearchInput } from '../../../components/search-input';
import type { QueryValue } from '../../../lib/api';
import { oneOf } from '../../../lib/select';
import { ChildScopeFilters } from '../../schools/components/child-scope-filters';
import type { CaseFilters } from '../api';
import { isStatusFilter, STATUS_FILTER_OPTIONS } from '../labels';

export const CASE_FILTER_KEYS = ['q', 'status', 'townshipCode', 'schoolId', 'grade', 'keyGroup', 'overdue', 'month', 'monthEvent'] as const;
type Key = (typeof CASE_FILTER_KEYS)[number];

/** The URL's filter strings as the API's query; 未结案 when no status is chosen. */
export function toCaseFilters(filters: Partial<Record<Key, string>>): CaseFilters {
  return {
    q: filters.q,
    status: isStatusFilter(filters.status) ? filters.status : 'open',
    townshipCode: filters.townshipCode,
    schoolId: filters.schoolId,
    grade: filters.grade ? Number(filters.grade) : undefined,
    keyGroup: oneOf(KEY_GROUPS, filters.keyGroup),
    overdue: filters.overdue === 'true' ? true : undefined,
    month: filters.month && /^\d{4}-\d{2}$/.test(filters.month) ? filters.month : undefined,
    monthEvent: oneOf(CASE_MONTH_EVENTS, filters.monthEvent),
  };
}

type Props = {
  filters: Partial<Record<Key, string>>;
  setFilters: (patch: Partial<Record<Key, QueryValue>>) => void;
  onReset: () => void;
};

const full = { width: '100%' };

/** Status (未结案 by default), township, school, grade, key group, 逾期, a search box, and the month a dashboard point chose. */
export function CasesFiltersBar({ filters, setFilters, onReset }: Props) {
  const { month, monthEvent } = toCaseFilters(filters);
  return (
    <FilterBar onReset={onReset} wideFirst>
      <SearchInput value={filters.q} placeholder="姓名 / 拼音首字母 / 身份证号后四位" onSearch={(q) => setFilters({ q })} />
      <Select
        style={full}
        aria-label="个案状态"
        options={STATUS_FILTER_OPTIONS}
        value={isStatusFilter(filters.status) ? filters.status : 'open'}
        onChange={(status: string) => setFilters({ status: status === 'open' ? undefined : status })}
      />
      <ChildScopeFilters filters={filters} setFilters={setFilters} />
      <Checkbox checked={filters.overdue === 'true'} onChange={(e) => setFilters({ overdue: e.target.checked ? 'true' : undefined })}>
        只看逾期
      </Checkbox>
      {month ? (
        <Tag closable color="blue" onClose={() => setFilters({ month: undefined, monthEvent: undefined })} data-testid="case-month-filter">
          {Number(month.slice(0, 4))}年{Number(month.slice(5))}月{CASE_MONTH_EVENT_LABELS[monthEvent ?? 'reported']}
        </Tag>
      ) : null}
    </FilterBar>
  );
}
