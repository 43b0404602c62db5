import { sql } from 'drizzle-orm';
import { shanghaiToday } from '@notoneless/shared';
import type { DbOrTx } from '../client';

/**
 * The demo's dropouts each get their case (一生一表一档案), at different points of the work so that the case list, the
 * 待办 and the legal clocks show something real on first start: reported 2–31 days ago; the recent ones and a third of the
 * rest confirmed with no home visit yet (the 7-day visit clock running or overdue), a third visited by the 班主任, a third
 * also served the 劝返通知书 (its 5-day return clock).
 * Days are relative to today, so a demo started any day looks the same.
 */
export async function seedDemoCases(tx: DbOrTx, countyCode: string, now: Date): Promise<void> {
  const today = shanghaiToday(now);
  const at = now.toISOString();
  await tx.execute(sql`
    insert into cases (county_code, id, child_id, status, status_since, source, ledger_entry_id, dropout_kind, cause,
      school_id, class_id, township_code, village_code, reported_on, confirmed_on, opened_at, updated_at, version)
    select e.county_code, uuid_v7(), ch.id,
      case when 2 + abs(hashtext(ch.id::text)) % 30 < 8 or abs(hashtext(ch.id::text)) % 3 = 2 then 'confirmed' else 'persuading' end,
      ${at}::timestamptz,
      'report', e.id, '辍学', e.cause, ch.school_id, ch.class_id,
      coalesce(s.township_code, ch.household_township_code), ch.household_village_code,
      ${today}::date - (2 + abs(hashtext(ch.id::text)) % 30), ${today}::date - (2 + abs(hashtext(ch.id::text)) % 30),
      ${at}::timestamptz, ${at}::timestamptz, 1
    from ledger_entries e
    join children ch on ch.county_code = e.county_code and ch.id = e.child_id
    left join schools s on s.county_code = ch.county_code and s.id = ch.school_id
    where e.county_code = ${countyCode} and e.ledger = 'dropout' and e.closed_at is null`);

  // who did the work: the class's 班主任 (or the school when the class has none)
  const people = sql`
    select k.id as case_id, k.county_code, k.reported_on,
      case when ${today}::date - k.reported_on < 8 then 2 else abs(hashtext(k.child_id::text)) % 3 end as stage,
      coalesce(u.display_name, '学校') as teacher, coalesce(ch.guardian_name, '监护人') as guardian,
      coalesce(ch.guardian_relation, '监护人') as relation, u.id as teacher_id
    from cases k
    join children ch on ch.county_code = k.county_code and ch.id = k.child_id
    left join classes cl on cl.county_code = k.county_code and cl.id = k.class_id
    left join users u on u.id = cl.head_teacher_id
    where k.county_code = ${countyCode}`;
  const event = (type: string, day: number, from: string | null, to: string | null, data: ReturnType<typeof sql>, where: string) =>
    tx.execute(sql`
      insert into case_events (county_code, id, case_id, type, occurred_on, at, actor_id, actor_name, actor_role,
        from_status, to_status, data, signed_by)
      select p.county_code, uuid_v7(), p.case_id, ${type}, p.reported_on + ${day}::int, ${at}::timestamptz, p.teacher_id,
        p.teacher, '班主任', ${from}, ${to}, ${data}, p.teacher
      from (${people}) p where ${sql.raw(where)}`);

  await event(
    'opened',
    0,
    null,
    'confirmed',
    sql`jsonb_build_object('source', 'report', 'sourceLabel', '教师报告', 'text', '2026年春季学期摸排发现长期未到校，经核实认定辍学')`,
    'true',
  );
  await event(
    'home_visit',
    3,
    'confirmed',
    'persuading',
    sql`jsonb_build_object('visitorKind', '班主任', 'visitors', p.teacher, 'metWith', p.relation || ' ' || p.guardian,
      'result', '考虑中', 'text', '到家中了解情况：学生不愿返校，家长表示会做孩子的工作，约定一周内答复。')`,
    'p.stage in (0, 1)',
  );
  await event(
    'notice_issued',
    6,
    'persuading',
    'persuading',
    sql`jsonb_build_object('guardianName', p.guardian, 'text', '学校向监护人发放《劝返通知书》')`,
    'p.stage = 0',
  );
  await event(
    'notice_delivered',
    7,
    'persuading',
    'persuading',
    sql`jsonb_build_object('deliveredTo', p.guardian, 'text', '监护人已签收')`,
    'p.stage = 0',
  );

  // the legal clocks: the home visit within 7 days of confirmation, the return within 5 days of the notice's delivery
  await tx.execute(sql`
    insert into case_deadlines (county_code, id, case_id, kind, due_on, met_at, created_at)
    select p.county_code, uuid_v7(), p.case_id, 'home_visit', p.reported_on + 7,
      case when p.stage in (0, 1) then ${at}::timestamptz end, ${at}::timestamptz
    from (${people}) p`);
  await tx.execute(sql`
    insert into case_deadlines (county_code, id, case_id, kind, due_on, created_at)
    select p.county_code, uuid_v7(), p.case_id, 'notice_return', p.reported_on + 12, ${at}::timestamptz
    from (${people}) p where p.stage = 0`);
}
