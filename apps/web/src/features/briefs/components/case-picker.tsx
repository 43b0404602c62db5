import type { CaseListItem } from '@notoneless/shared';
import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { gradeLabel } from '../../../lib/labels';
import { useCaseSearch } from '../api';

export const MAX_BRIEF_CASES = 10;

export type PickedCase = { id: string; label: string };

const labelOf = (c: CaseListItem) =>
  [c.name, c.townshipName, c.grade ? gradeLabel(c.grade) : null, c.statusLabel, `报告于${c.reportedOn}`].filter(Boolean).join(' · ');

/** 典型案例: search the cases list (name, pinyin, ID number) and pick up to ten; the order picked is the order printed. */
export function CasePicker({ value, onChange }: { value: PickedCase[]; onChange: (v: PickedCase[]) => void }) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [text]);
  const search = useCaseSearch(q);
  const options = useMemo(() => {
    const picked = value.map((p) => ({ value: p.id, label: p.label }));
    const seen = new Set(picked.map((p) => p.value));
    const found = (search.data?.items ?? []).map((c) => ({ value: c.id, label: labelOf(c) })).filter((f) => !seen.has(f.value));
    return [...picked, ...found];
  }, [search.data, value]);

  return (
    <Select<string[]>
      mode="multiple"
      aria-label="典型案例"
      placeholder="输入姓名、拼音首字母或身份证号后四位搜索个案"
      style={{ width: '100%' }}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={search.isFetching}
      notFoundContent={search.isFetching ? '查找中…' : '没有找到，请换个关键字'}
      options={options}
      value={value.map((p) => p.id)}
      maxCount={MAX_BRIEF_CASES}
      onChange={(ids) => {
        const byId = new Map(options.map((o) => [o.value, o.label]));
        onChange(ids.map((id) => ({ id, label: byId.get(id) ?? id })));
      }}
    />
  );
}
