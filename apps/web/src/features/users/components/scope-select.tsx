import type { ScopeKind } from '@notoneless/shared';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useScopeOptions } from '../../scope-options/api';

type Props = {
  /** injected by Form.Item */
  id?: string;
  kind: Exclude<ScopeKind, 'county' | 'department'>;
  value?: string;
  onChange?: (value: string | undefined, name: string | undefined) => void;
  /** The chosen scope's name, shown before the options load. */
  selectedName?: string;
  placeholder?: string;
};

/** Search the units / townships / schools / classes / villages the user may grant. */
export function ScopeSelect({ id, kind, value, onChange, selectedName, placeholder }: Props) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [text]);

  const query = useScopeOptions(kind, q);
  const options = (query.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  if (value && selectedName && !options.some((o) => o.value === value)) options.unshift({ value, label: selectedName });

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      value={value}
      options={options}
      loading={query.isFetching}
      placeholder={placeholder ?? '输入名称搜索'}
      notFoundContent={query.isFetching ? '搜索中…' : '没有匹配项'}
      onChange={(next?: string) => {
        setText('');
        onChange?.(next, options.find((o) => o.value === next)?.label);
      }}
      style={{ width: '100%' }}
    />
  );
}
