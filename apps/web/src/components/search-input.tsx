import { Input } from 'antd';
import { useState } from 'react';

type Props = {
  value: string | undefined;
  placeholder: string;
  onSearch: (value: string) => void;
};

/** A search box that keeps its own text while typing and reports on Enter / the button / clearing. */
export function SearchInput({ value, placeholder, onSearch }: Props) {
  const [text, setText] = useState(value ?? '');
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    // the URL changed under us (reset, back button): follow it
    setSeen(value);
    setText(value ?? '');
  }
  return (
    <Input.Search
      allowClear
      value={text}
      placeholder={placeholder}
      onChange={(event) => {
        setText(event.target.value);
        if (event.target.value === '' && value) onSearch('');
      }}
      onSearch={(next) => onSearch(next.trim())}
      enterButton
    />
  );
}
