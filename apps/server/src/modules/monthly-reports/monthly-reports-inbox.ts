import { sql } from 'drizzle-orm';
import { daysBetween, isReportLate, reportDueOn, shanghaiToday, statisticsDay, type InboxEntryDto } from '@notoneless/shared';
import { rows } from '../../db/client';
import type { Ctx } from '../../http/context';
import { hasRole } from '../../policies/actor';
import { inboxItem, uuidList } from '../inbox/inbox-item';
import { getCountySettings, getSchoolCalendar } from '../settings/settings.service';
import { canOpenMonthlyReports } from '../../policies/monthly-reports.policy';
import { defaultMonth } from './monthly-reports.service';
import { unitReportsInbox } from './unit-reports-inbox';

/**
 * 月报's 待办 (issue 7 item 2: 「Late reports show in to-do lists」) for last month's report: the school sees its report
 * due within 3 days, overdue, or returned by the reviewer; the 中心校 sees its schools' reports waiting for review and
 * each school that is late; the county sees the 局属 schools' reports waiting for it and one line with the number of
 * late schools. Plus the 乡镇月报 (unit-reports-inbox.ts): the 中心校's 「上报乡镇月报」, the county's reports to accept.
 */
export async function monthlyReportsInbox(ctx: Ctx): Promise<InboxEntryDto[]> {
  const a = ctx.actor;
  if (!canOpenMonthlyReports(a)) return [];
  const own = a.grants.filter((g) => g.role === 'school_admin' && g.scopeKind === 'school').map((g) => g.scopeId);
  const units = a.grants.filter((g) => g.role === 'unit_admin' && g.scopeKind === 'unit').map((g) => g.scopeId);
  const county = hasRole(a, 'county_admin') && a.scope.county;
  if (!own.length && !units.length && !county) return [];
  const today = shanghaiToday(ctx.now);
  const month = defaultMonth(today);
  const settings = await getCountySettings(ctx.db, a.countyCode);
  const dueOn = reportDueOn(month, settings.monthlyReportDueDay);
  // a month with no school day (the summer holiday) has nothing to report
  if (!statisticsDay(month, today, await getSchoolCalendar(ctx.db, a.countyCode)).schoolDays.length) return [];
  const where = [
    own.length ? sql`s.id in (${uuidList(own)})` : null,
    units.length ? sql`(s.unit_id in (${uuidList(units)}) and u.kind <> 'bureau')` : null,
    county ? sql`true` : null,
  ].filter((x) => x !== null);
  const list = await rows<{
    id: string;
    name: string;
    unitId: string;
    unitKind: string;
    townshipName: string | null;
    reportId: string | null;
    status: string | null;
    comment: string | null;
    firstSubmittedOn: string | null;
  }>(
    ctx.db,
    sql`select s.id, s.name, s.unit_id as "unitId", u.kind as "unitKind", d.name as "townshipName",
          r.id as "reportId", r.status, r.review_comment as comment,
          (select to_char(min(e.at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') from monthly_report_events e
            join monthly_reports v on v.county_code = e.county_code and v.id = e.report_id
            where e.county_code = s.county_code and v.school_id = s.id and v.month = ${month} and e.action = 'submit') as "firstSubmittedOn"
        from schools s
        join management_units u on u.county_code = s.county_code and u.id = s.unit_id
        left join divisions d on d.county_code = s.county_code and d.code = s.township_code
        left join lateral (
          select id, status, review_comment from monthly_reports m
          where m.county_code = s.county_code and m.level = 'school' and m.school_id = s.id and m.month = ${month}
          order by m.version desc limit 1
        ) r on true
        where s.county_code = ${a.countyCode} and s.active and (${sql.join(where, sql` or `)})
        order by s.code`,
  );
  const monthLabel = `${Number(month.slice(5, 7))}月`;
  const link = (schoolId: string) => `/reports/monthly/school/${schoolId}/${month}`;
  const overdueDays = Math.max(0, daysBetween(dueOn, today));
  const items: InboxEntryDto[] = [];
  let lateCount = 0;
  for (const s of list) {
    const pending = s.status === null || s.status === 'draft' || s.status === 'returned';
    const late = pending && isReportLate({ dueOn, today, firstSubmittedOn: s.firstSubmittedOn });
    const base = { childName: s.name, schoolName: s.name, townshipName: s.townshipName, link: link(s.id), dueOn };
    if (own.includes(s.id)) {
      if (s.status === 'returned')
        items.push(
          inboxItem({
            ...base,
            id: `monthly_report_returned:${s.reportId}`,
            kind: 'monthly_report_returned',
            label: `${monthLabel}月报被退回${s.comment ? `：${s.comment}` : ''}，请修改后重新上报`,
            state: late ? 'overdue' : 'waiting',
            overdueDays: late ? overdueDays : 0,
          }),
        );
      else if (pending && (late || daysBetween(today, dueOn) <= 3))
        items.push(
          inboxItem({
            ...base,
            id: `monthly_report_due:${s.id}:${month}`,
            kind: late ? 'monthly_report_late' : 'monthly_report_due',
            label: late ? `${monthLabel}月报已逾期未上报（截止 ${dueOn}）` : `${monthLabel}月报请于 ${dueOn} 前上报`,
            state: late ? 'overdue' : 'due_soon',
            overdueDays: late ? overdueDays : 0,
          }),
        );
      continue;
    }
    const reviewer = (units.includes(s.unitId) && s.unitKind !== 'bureau') || (county && s.unitKind === 'bureau');
    if (s.status === 'submitted' && reviewer)
      items.push(
        inboxItem({ ...base, id: `monthly_report_review:${s.reportId}`, kind: 'monthly_report_review', label: `${monthLabel}月报待审核` }),
      );
    else if (late && units.includes(s.unitId))
      items.push(
        inboxItem({
          ...base,
          id: `monthly_report_late:${s.id}:${month}`,
          kind: 'monthly_report_late',
          label: `${monthLabel}月报逾期未上报（截止 ${dueOn}）`,
          state: 'overdue',
          overdueDays,
        }),
      );
    else if (late) lateCount++;
  }
  if (county && lateCount > 0)
    items.push(
      inboxItem({
        id: `monthly_reports_late:${month}`,
        childName: `${lateCount} 所学校`,
        kind: 'monthly_report_late',
        label: `${monthLabel}月报逾期未上报`,
        dueOn,
        state: 'overdue',
        overdueDays,
        link: `/reports/monthly?month=${month}`,
      }),
    );
  return [...items, ...(await unitReportsInbox(ctx, month))];
}
