import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { todayInShanghai } from '../../../lib/format';

/** The month a report covers; months after the current one cannot be picked. */
export function MonthPicker({ value, onChange }: { value: string; onChange: (month: string) => void }) {
  const current = todayInShanghai().slice(0, 7);
  return (
    <DatePicker
      picker="month"
      inputReadOnly
      allowClear={false}
      aria-label="月份"
      format="YYYY年M月"
      value={dayjs(`${value}-01`)}
      disabledDate={(d) => d.format('YYYY-MM') > current}
      onChange={(d) => {
        if (d) onChange(d.format('YYYY-MM'));
      }}
      style={{ width: 150 }}
    />
  );
}
