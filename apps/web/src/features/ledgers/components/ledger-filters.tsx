import { KEY_GROUPS, LEDGER_CATEGORIES } from '@notoneless/shared';
import { Select } from 'antd';
import { FilterBar } from '../../../components/filter-bar';
import { ChildScopeFilters } from '../../schools/components/child-scope-filters';
import { SearchInput } from '../../../components/search-input';
import type { QueryValue } from '../../../lib/api';
import { oneOf } from '../../../lib/select';
import type { LedgerFilters } from '../api';

/** URL keys of the three ledgers' filters; the 适龄儿童台账 adds `category`, the other two `state`. */
export const LEDGER_FILTER_KEYS = ['q', 'townshipCode', 'schoolId', 'grade', 'keyGroup'] as const;
export const ELIGIBLE_FILTER_KEYS = [...LEDGER_FILTER_KEYS, 'category'] as const;
export const ENTRY_FILTER_KEYS = [...LEDGER_FILTER_KEYS, 'state'] as const;
type Key = (typeof LEDGER_FILTER_KEYS)[number] | 'category';

/** The URL's filter strings as the API's query. */
export function toLedgerFilters(filters: Partial<Record<Key, string>>): LedgerFilters {
  return {
    q: filters.q,
    townshipCode: filters.townshipCode,
    schoolId: filters.schoolId,
    grade: filters.grade ? Number(filters.grade) : undefined,
    keyGroup: oneOf(KEY_GROUPS, filters.keyGroup),
  };
}

type Props = {
  filters: Partial<Record<Key, string>>;
  setFilters: (patch: Partial<Record<Key, QueryValue>>) => void;
  onReset: () => void;
  /** the 适龄儿童台账's 就读状态 select */
  withCategory?: boolean;
};

const CATEGORY_OPTIONS = LEDGER_CATEGORIES.map((c) => ({ value: c, label: c }));
const full = { width: '100%' };

/** Township, school, grade, key group and a search box: every ledger list filters the same way. */
export function LedgerFiltersBar({ filters, setFilters, onReset, withCategory = false }: Props) {
  return (
    <FilterBar onReset={onReset} wideFirst>
      <SearchInput value={filters.q} placeholder="姓名 / 拼音首字母" onSearch={(q) => setFilters({ q })} />
      <ChildScopeFilters filters={filters} setFilters={setFilters} />
      {withCategory ? (
        <Select
          allowClear
          style={full}
          placeholder="全部就读状态"
          aria-label="就读状态"
          options={CATEGORY_OPTIONS}
          value={filters.category}
          onChange={(category?: string) => setFilters({ category })}
        />
      ) : null}
    </FilterBar>
  );
}
