import { Select } from 'antd';
import { SEARCH_BY_LABEL } from '../../../lib/select';
import { useTownshipOptions } from '../../divisions/api';
import { useSchoolOptions } from '../api';

const full = { width: '100%' };

type TownshipProps = { value?: string; onChange: (townshipCode?: string) => void };

/** The 全部乡镇 filter every list uses (township choices of the user's county). */
export function TownshipSelect({ value, onChange }: TownshipProps) {
  const townships = useTownshipOptions();
  return (
    <Select
      allowClear
      showSearch={SEARCH_BY_LABEL}
      style={full}
      placeholder="全部乡镇"
      aria-label="乡镇"
      options={townships.options}
      loading={townships.loading}
      value={value}
      onChange={onChange}
    />
  );
}

type SchoolProps = { townshipCode?: string; value?: string; onChange: (schoolId?: string) => void };

/** The 全部学校 filter, narrowed to the chosen township. */
export function SchoolSelect({ townshipCode, value, onChange }: SchoolProps) {
  const schools = useSchoolOptions(townshipCode);
  return (
    <Select
      allowClear
      showSearch={SEARCH_BY_LABEL}
      style={full}
      placeholder="全部学校"
      aria-label="学校"
      options={schools.options}
      loading={schools.loading}
      value={value}
      onChange={onChange}
    />
  );
}
