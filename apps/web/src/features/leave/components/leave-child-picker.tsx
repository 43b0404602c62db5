import type { ChildListItem } from '@notoneless/shared';
import { Flex, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { gradeLabel } from '../../../lib/labels';
import { useChildren } from '../../children/api';

type Props = {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** the chosen child (its key groups decide the 脱贫户/监测户 steps) */
  onPick: (child: ChildListItem | undefined) => void;
};

/** A child in the user's scope (a 班主任: the class) by name, pinyin initials, 学籍号 or the ID's last digits. */
export function LeaveChildPicker({ id, value, onChange, onPick }: Props) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [text]);
  const query = useChildren({ q: q || undefined, status: '在读', page: 1, pageSize: 30 });
  const items = query.data?.items ?? [];
  return (
    <Select<string>
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      loading={query.isFetching}
      placeholder="输入姓名、拼音首字母、学籍号或身份证号后四位"
      notFoundContent={query.isFetching ? '查找中…' : '没有找到，请换个关键字'}
      options={items.map((c) => ({ value: c.id, label: `${c.name}（${c.idNumberMasked}）` }))}
      onChange={(next) => {
        onPick(items.find((c) => c.id === next));
        onChange?.(next);
      }}
      optionRender={(option) => {
        const c = items.find((i) => i.id === option.value);
        if (!c) return option.label;
        return (
          <Flex vertical style={{ minWidth: 0 }}>
            <Typography.Text strong>{c.name}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
              {[c.schoolName, c.grade ? gradeLabel(c.grade) : null, c.className].filter(Boolean).join(' ')}
              {c.keyGroups.length ? ` · ${c.keyGroups.join('、')}` : ''}
            </Typography.Text>
          </Flex>
        );
      }}
    />
  );
}
