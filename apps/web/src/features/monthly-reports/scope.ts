import type { Me, MonthlyReportListItem } from '@notoneless/shared';
import type { Option } from '../../lib/schema-types';

/** The 中心校 and the county read consolidated tables (`me.can`, decided by the server). */
export function canConsolidate(me: Me): boolean {
  return me.can['reports.monthly.consolidated'] === true;
}

/** Townships and schools to filter by, taken from the month's full list (every school in the user's scope). */
export function filterOptions(items: MonthlyReportListItem[], townshipCode: string | undefined) {
  const townships = new Map<string, string>();
  for (const i of items) townships.set(i.townshipCode, i.townshipName);
  const schools: Option[] = items
    .filter((i) => !townshipCode || i.townshipCode === townshipCode)
    .map((i) => ({ value: i.schoolId, label: i.schoolName }));
  return {
    townships: [...townships].map(([value, label]) => ({ value, label })),
    schools,
  };
}
