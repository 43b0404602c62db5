import { sql } from 'drizzle-orm';
import type { InboxEntryDto } from '@notoneless/shared';

/** A 待办 entry from the fields a provider knows; the rest take the defaults of a plain waiting item. */
export const inboxItem = (
  v: Partial<InboxEntryDto> & Pick<InboxEntryDto, 'id' | 'childName' | 'kind' | 'label' | 'link'>,
): InboxEntryDto => ({
  caseId: null,
  dueOn: null,
  state: 'waiting',
  overdueDays: 0,
  escalated: false,
  escalationLevel: 0,
  schoolName: null,
  townshipName: null,
  ...v,
});

/** `id1::uuid, id2::uuid, …` for an `in (…)` list in raw SQL. */
export const uuidList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
