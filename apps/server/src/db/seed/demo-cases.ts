import { sql } from 'drizzle-orm';
import { addCalendarDays, DEFAULT_COUNTY_SETTINGS, shanghaiToday } from '@notoneless/shared';
import type { DbOrTx } from '../client';
import { demoHistoryStart, demoSchoolYear } from './demo-year';

/**
 * The demo's dropouts each get their case (一生一表一档案), at different points of the work so that the case list, the
 * 待办 and the legal clocks show something real on first start: reported 2–31 days ago; the recent ones and a third of the
 * rest confirmed with no home visit yet (the 7-day visit clock running or overdue), a third visited by the 班主任, a third
 * also served the 劝返通知书 (its 5-day return clock).
 * Days are relative to today, so a demo started any day looks the same. Besides these open cases, the term's history:
 * cases reported, confirmed and returned in the first months of the demo's history (seedDemoCaseHistory).
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
    sql`jsonb_build_object('source', 'report', 'sourceLabel', '教师报告', 'text', ${`${demoSchoolYear(today)}年春季学期摸排发现长期未到校，经核实认定辍学`}::text)`,
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

  await seedDemoCaseHistory(tx, countyCode, now);
}

/**
 * The term's history (issue 7: the monthly reports need movements): a part of the demo's children went through a whole
 * case in the first months of the demo's history (demoHistoryStart: from 1 September, 2026-09-07…2026-11-20 for a
 * demo of 2026—2027) — reported (疑似辍学), confirmed (辍学) one to four days later after a home
 * check, visited, and back at school six to 25 days after that with a 复学方案, then followed up every 30 days during
 * the 90-day 巩固跟踪 (and 销号 once it is over, for a demo started long after). About one child in 120 of the 在读
 * children of classes other than the demo accounts' own (the journeys act on those). Only whole histories that are over
 * by yesterday are written, so no clock of theirs is ever overdue: their open follow-up visit is always due after today.
 * The dates follow the history's start, not today, so that its second month (demoSampleMonth: October when the history
 * starts on 1 September) shows 新增疑似辍学, 新认定辍学 and 劝返复学 whatever day of the term the demo is started on.
 */
async function seedDemoCaseHistory(tx: DbOrTx, countyCode: string, now: Date): Promise<void> {
  const today = shanghaiToday(now);
  const first = addCalendarDays(demoHistoryStart(today), 6);
  const at = now.toISOString();
  const followUpDays = DEFAULT_COUNTY_SETTINGS.followUpDays;
  const h = (salt: string, mod: number) => sql.raw(`abs(hashtext(ch.id::text || '${salt}')) % ${mod}`);
  await tx.execute(sql`
    insert into cases (county_code, id, child_id, status, status_since, source, dropout_kind, cause, school_id, class_id,
      township_code, village_code, reported_on, confirmed_on, returned_on, follow_up_until, close_kind, close_reason,
      closed_at, opened_at, updated_at, version)
    select d.county_code, uuid_v7(), d.child_id,
      case when d.closed then 'closed' else 'returned' end,
      ((case when d.closed then d.t + ${followUpDays + 2}::int else d.t end) + time '10:00') at time zone 'Asia/Shanghai',
      'report', '辍学', d.cause, d.school_id, d.class_id, d.township_code, d.village_code, d.r, d.c, d.t,
      d.t + ${followUpDays}::int,
      case when d.closed then 'cancelled' end,
      case when d.closed then '复学后巩固跟踪期满，在校表现稳定' end,
      case when d.closed then (d.t + ${followUpDays + 2}::int + time '16:00') at time zone 'Asia/Shanghai' end,
      (d.r + time '09:00') at time zone 'Asia/Shanghai', ${at}::timestamptz, 1
    from (
      select x.*, x.t + ${followUpDays + 2}::int <= ${today}::date - 1 as closed
      from (
        select y.*, y.c + 6 + y.dt as t
        from (
          select ch.county_code, ch.id as child_id, ch.school_id, ch.class_id,
            coalesce(s.township_code, ch.household_township_code) as township_code, ch.household_village_code as village_code,
            (array['厌学', '学习困难', '外出打工', '家庭原因'])[1 + ${h('k', 4)}] as cause,
            ${first}::date + ${h('r', 75)} as r,
            ${first}::date + ${h('r', 75)} + 1 + ${h('c', 4)} as c,
            ${h('t', 20)} as dt
          from children ch
          join schools s on s.county_code = ch.county_code and s.id = ch.school_id
          join classes cl on cl.county_code = ch.county_code and cl.id = ch.class_id
          left join users u on u.id = cl.head_teacher_id
          where ch.county_code = ${countyCode} and ch.status = '在读' and ch.grade between 1 and 9
            and ${h('h', 120)} = 0
            and coalesce(u.username, '') not in ('banzhuren', 'xiaozhang')
            and not exists (select 1 from cases k where k.county_code = ch.county_code and k.child_id = ch.id)
        ) y
      ) x
    ) d
    where d.t <= ${today}::date - 1`);

  const history = sql`
    select k.id as case_id, k.county_code, k.reported_on as r, k.confirmed_on as c, k.returned_on as t, k.cause,
      k.status = 'closed' as closed, ch.grade, coalesce(u.display_name, '学校') as teacher, u.id as teacher_id,
      coalesce(ch.guardian_name, '监护人') as guardian, coalesce(ch.guardian_relation, '监护人') as relation
    from cases k
    join children ch on ch.county_code = k.county_code and ch.id = k.child_id
    left join classes cl on cl.county_code = k.county_code and cl.id = k.class_id
    left join users u on u.id = cl.head_teacher_id
    where k.county_code = ${countyCode} and k.returned_on is not null and k.source = 'report' and k.ledger_entry_id is null`;
  const event = (
    type: string,
    day: ReturnType<typeof sql>,
    from: string | null,
    to: string | null,
    data: ReturnType<typeof sql>,
    where = 'true',
  ) =>
    tx.execute(sql`
      insert into case_events (county_code, id, case_id, type, occurred_on, at, actor_id, actor_name, actor_role,
        from_status, to_status, data, signed_by)
      select p.county_code, uuid_v7(), p.case_id, ${type}, ${day}, (${day} + time '10:00') at time zone 'Asia/Shanghai', p.teacher_id,
        p.teacher, '班主任', ${from}, ${to}, ${data}, p.teacher
      from (${history}) p where ${sql.raw(where)}`);

  await event(
    'opened',
    sql`p.r`,
    null,
    'suspected',
    sql`jsonb_build_object('source', 'report', 'sourceLabel', '教师报告', 'text', '连续多日未到校，电话联系不上监护人，班主任报告疑似辍学')`,
  );
  await event(
    'verify',
    sql`p.c`,
    'suspected',
    'confirmed',
    sql`jsonb_build_object('result', 'dropout', 'dropoutKind', '辍学', 'cause', p.cause, 'text', '入户核实：学生已离校在家，认定辍学')`,
  );
  await event(
    'home_visit',
    sql`p.c + 1`,
    'confirmed',
    'persuading',
    sql`jsonb_build_object('visitorKind', '班主任', 'visitors', p.teacher, 'metWith', p.relation || ' ' || p.guardian,
      'result', '同意返校', 'text', '与家长、学生谈心，讲明义务教育法规定，家长同意送孩子返校。')`,
  );
  await event(
    'return',
    sql`p.t`,
    'persuading',
    'returned',
    sql`jsonb_build_object('planKind', '原年级原班', 'grade', p.grade, 'returnedOn', p.t, 'followUpUntil', p.t + ${followUpDays}::int,
      'text', '学生返校复学，按复学方案编入原班，安排学习帮扶')`,
  );
  // the 30-day follow-up visits of 巩固跟踪, each on time (3 days before it is due), those up to yesterday
  for (const j of [1, 2, 3]) {
    const day = sql.raw(`p.t + ${30 * j - 3}`);
    await event(
      'follow_up',
      sql`${day}`,
      'returned',
      'returned',
      sql`jsonb_build_object('channel', '在校', 'text', '巩固跟踪回访：按时到校，学习状态稳定')`,
      `p.t + ${30 * j - 3} <= '${today}'::date - 1 and ${30 * j - 3} < ${followUpDays}`,
    );
  }
  await event(
    'closure_request',
    sql`p.t + ${followUpDays}::int`,
    'returned',
    'closure_pending',
    sql`jsonb_build_object('text', '巩固跟踪期满，申请销号')`,
    'p.closed',
  );
  await event(
    'closure_confirm',
    sql`p.t + ${followUpDays + 2}::int`,
    'closure_pending',
    'closed',
    sql`jsonb_build_object('text', '中心校确认销号')`,
    'p.closed',
  );

  // the clocks: the home visit (met the day after confirmation), the follow-up visits (each met by its visit; the one
  // after the last visit is due after today), and the end of 巩固跟踪 (met by 销号)
  await tx.execute(sql`
    insert into case_deadlines (county_code, id, case_id, kind, due_on, met_at, created_at)
    select p.county_code, uuid_v7(), p.case_id, 'home_visit', p.c + ${DEFAULT_COUNTY_SETTINGS.homeVisitWithinDays}::int,
      (p.c + 1 + time '10:00') at time zone 'Asia/Shanghai', (p.c + time '10:00') at time zone 'Asia/Shanghai'
    from (${history}) p`);
  await tx.execute(sql`
    insert into case_deadlines (county_code, id, case_id, kind, due_on, met_at, created_at)
    select p.county_code, uuid_v7(), p.case_id, 'follow_up', case when j = 1 then p.t + 30 else p.t + 30 * j - 3 end,
      case when p.t + 30 * j - 3 <= ${today}::date - 1 then (p.t + 30 * j - 3 + time '10:00') at time zone 'Asia/Shanghai' end,
      (p.t + time '10:00') at time zone 'Asia/Shanghai'
    from (${history}) p cross join generate_series(1, 3) j
    where 30 * j - 3 < ${followUpDays} and (j = 1 or p.t + 30 * (j - 1) - 3 <= ${today}::date - 1)`);
  await tx.execute(sql`
    insert into case_deadlines (county_code, id, case_id, kind, due_on, met_at, created_at)
    select p.county_code, uuid_v7(), p.case_id, 'follow_up_end', p.t + ${followUpDays}::int,
      case when p.closed then (p.t + ${followUpDays}::int + time '10:00') at time zone 'Asia/Shanghai' end,
      (p.t + time '10:00') at time zone 'Asia/Shanghai'
    from (${history}) p`);
}
