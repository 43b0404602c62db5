import type { ChildListItem } from '@notoneless/shared';
import { Flex, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { gradeLabel } from '../../../lib/labels';
import { useChildren } from '../../children/api';

type Props = {
  /** injected by Form.Item */
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
};

type ChildOption = { value: string; label: string; child: ChildListItem };

const toOption = (child: ChildListItem): ChildOption => ({ value: child.id, label: `${child.name}（${child.idNumberMasked}）`, child });
const where = (c: ChildListItem) => [c.schoolName, c.grade ? gradeLabel(c.grade) : null, c.className].filter(Boolean).join(' ') || '未在校';

/** Choose a child in the user's scope by name, pinyin initials, 学籍号 or the last digits of the ID number. */
export function ChildPicker({ id, value, onChange }: Props) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<ChildOption | undefined>();
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [text]);
  const query = useChildren({ q: q || undefined, page: 1, pageSize: 20 });
  const options = (query.data?.items ?? []).map(toOption);
  if (chosen && chosen.value === value && !options.some((o) => o.value === chosen.value)) options.unshift(chosen);

  return (
    <Select<string, ChildOption>
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      options={options}
      loading={query.isFetching}
      placeholder="输入姓名、拼音首字母、学籍号或身份证号后四位"
      notFoundContent={query.isFetching ? '查找中…' : '没有找到，请换个关键字'}
      onChange={(next, option) => {
        setChosen(Array.isArray(option) ? undefined : option);
        onChange?.(next);
      }}
      optionRender={(option) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text strong>{option.data.child.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
            {option.data.child.idNumberMasked} · {where(option.data.child)}
          </Typography.Text>
        </Flex>
      )}
    />
  );
}
