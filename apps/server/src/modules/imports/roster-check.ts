import type { ColumnKey } from './formats/columns';
import type { RowCheck } from './read-registry';

/** The school a roster upload belongs to. */
export type RosterSchool = { code: string; name: string };

/** A school's roster may hold only that school's rows (issue 3, item 6). */
export function schoolRosterCheck(school: RosterSchool): RowCheck {
  return (r) =>
    r.kind === 'roster' && r.schoolCode !== school.code
      ? {
          column: 'schoolCode' as ColumnKey,
          message: `学校标识码“${r.schoolCode}”不是本校（${school.name}，${school.code}），不能导入其他学校的名册行`,
        }
      : null;
}
