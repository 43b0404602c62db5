import { sql } from 'drizzle-orm';
import { isSchoolDay, shanghaiMinutes, shanghaiToday, type InboxEntryDto } from '@notoneless/shared';
import { rows } from '../../db/client';
import type { Ctx } from '../../http/context';
import { classesTaught, schoolsAdministered } from '../../policies/attendance.policy';
import { inboxItem, uuidList } from '../inbox/inbox-item';
import { getCountySettings, getSchoolCalendar } from '../settings/settings.service';
import { minutesOf } from './attendance-format';
import { waitingForActorSql } from './leaves.repository';

/**
 * The daily watch's 待办 (issue 6): the 班主任's class report late today (after attendanceReportBy), leaves waiting
 * for this user's step, leaves of their class that ended without 销假, and absence alerts waiting for the school.
 */
export async function attendanceInbox(ctx: Ctx): Promise<InboxEntryDto[]> {
  const county = ctx.actor.countyCode;
  const today = shanghaiToday(ctx.now);
  const taught = classesTaught(ctx.actor);
  const schools = schoolsAdministered(ctx.actor);
  const items: InboxEntryDto[] = [];
  if (taught.length) {
    const [settings, cal] = await Promise.all([getCountySettings(ctx.db, county), getSchoolCalendar(ctx.db, county)]);
    if (isSchoolDay(today, cal) && shanghaiMinutes(ctx.now) >= minutesOf(settings.attendanceReportBy)) {
      const late = await rows<{ id: string; name: string; schoolName: string }>(
        ctx.db,
        sql`select k.id, k.name, s.name as "schoolName" from classes k join schools s on s.county_code = k.county_code and s.id = k.school_id
            where k.county_code = ${county} and k.id in (${uuidList(taught)}) and k.active
              and not exists (select 1 from attendance_reports r where r.county_code = k.county_code and r.class_id = k.id and r.date = ${today})`,
      );
      for (const k of late)
        items.push(
          inboxItem({
            id: `attendance_late:${k.id}:${today}`,
            childName: k.name,
            kind: 'attendance_late',
            label: `今日到校日报未提交（截止 ${settings.attendanceReportBy}）`,
            dueOn: today,
            state: 'overdue',
            schoolName: k.schoolName,
            link: `/attendance/daily?classId=${k.id}`,
          }),
        );
    }
    const overdue = await rows<{ id: string; name: string; to: string }>(
      ctx.db,
      sql`select l.id, c.name, l.to_date::text as "to" from leave_requests l
          join children c on c.county_code = l.county_code and c.id = l.child_id
          where l.county_code = ${county} and l.class_id in (${uuidList(taught)}) and l.status = 'approved' and l.closed_on is null
            and l.to_date < ${today}
          order by l.to_date limit 100`,
    );
    for (const l of overdue)
      items.push(
        inboxItem({
          id: `leave_overdue:${l.id}`,
          childName: l.name,
          kind: 'leave_overdue',
          label: `请假已于 ${l.to} 到期，未销假`,
          dueOn: l.to,
          state: 'overdue',
          link: `/leave?id=${l.id}`,
        }),
      );
  }
  const waiting = await rows<{ id: string; name: string; schoolName: string | null }>(
    ctx.db,
    sql`select l.id, c.name, s.name as "schoolName" from leave_requests l
        join children c on c.county_code = l.county_code and c.id = l.child_id
        left join schools s on s.county_code = l.county_code and s.id = l.school_id
        where l.county_code = ${county} and l.status = 'pending' and ${waitingForActorSql(ctx.actor)}
        order by l.created_at limit 100`,
  );
  for (const l of waiting)
    items.push(
      inboxItem({
        id: `leave:${l.id}`,
        childName: l.name,
        kind: 'leave_waiting',
        label: '请假待您审批/备案',
        schoolName: l.schoolName,
        link: `/leave?id=${l.id}`,
      }),
    );
  if (schools.length) {
    const alerts = await rows<{ id: string; name: string; label: string; schoolName: string | null }>(
      ctx.db,
      sql`select a.id, c.name, a.label, s.name as "schoolName" from absence_alerts a
          join children c on c.county_code = a.county_code and c.id = a.child_id
          left join schools s on s.county_code = a.county_code and s.id = a.school_id
          where a.county_code = ${county} and a.status = 'open' and a.school_id in (${uuidList(schools)})
          order by a.created_at limit 100`,
    );
    for (const a of alerts)
      items.push(
        inboxItem({
          id: `absence_alert:${a.id}`,
          childName: a.name,
          kind: 'absence_alert',
          label: `缺勤预警待确认：${a.label}`,
          schoolName: a.schoolName,
          link: '/attendance/alerts',
        }),
      );
  }
  return items;
}
