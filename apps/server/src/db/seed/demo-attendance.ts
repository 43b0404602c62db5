import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { addCalendarDays, isSchoolDay, shanghaiToday, type SchoolCalendar } from '@notoneless/shared';
import { rows, type DbOrTx } from '../client';
import { demoHistoryStart } from './demo-year';
import { absences, attendanceReports, leaveRequests, leaveSteps } from '../schema/index';

/**
 * The demo county's 到校日报 from the start of its history (demoHistoryStart: 1 September of the school year on most
 * days) up to yesterday, so that its months have something to report (issue 7: the October report of a school is
 * computed from these): one report per class and school day, by the class's
 * 班主任 around 08:10–08:50, with only the children not present stored (病假, 事假, 迟到, rarely 无故缺勤 with the family
 * contacted). About 1 child in 60 takes a 1–3 day leave (approved by the 班主任, closed when over), whose days appear on
 * the reports as 病假/事假 from the leave. A class misses its report on about 1 day in 100, never on a month's last
 * school day. 休学, 送教上门 and dropouts come from the generator and the demo cases (they are not on the class lists).
 * Deterministic: a seeded PRNG, no Math.random.
 */

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function insertBatched<T>(list: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < list.length; i += size) await insert(list.slice(i, i + size));
}

export async function seedDemoAttendance(tx: DbOrTx, countyCode: string, cal: SchoolCalendar, now: Date): Promise<void> {
  const today = shanghaiToday(now);
  const days: string[] = [];
  for (let d = demoHistoryStart(today); d < today; d = addCalendarDays(d, 1)) if (isSchoolDay(d, cal)) days.push(d);
  if (!days.length) return;
  const lastOfMonth = new Set(days.filter((d, i) => days[i + 1]?.slice(0, 7) !== d.slice(0, 7)));

  const classList = await rows<{ id: string; schoolId: string; teacherId: string | null; teacherName: string | null }>(
    tx,
    sql`select k.id, k.school_id as "schoolId", k.head_teacher_id as "teacherId", u.display_name as "teacherName"
        from classes k left join users u on u.id = k.head_teacher_id
        where k.county_code = ${countyCode} and k.active order by k.id`,
  );
  const kids = await rows<{ id: string; classId: string; schoolId: string }>(
    tx,
    sql`select id, class_id as "classId", school_id as "schoolId" from children
        where county_code = ${countyCode} and status = '在读' and class_id is not null order by id`,
  );
  const byClass = new Map<string, string[]>();
  for (const k of kids) byClass.set(k.classId, [...(byClass.get(k.classId) ?? []), k.id]);
  const rnd = prng(20261030);
  const at = (day: string, minutes: number) => new Date(`${day}T08:${String(minutes).padStart(2, '0')}:00+08:00`);
  const classOf = new Map(classList.map((k) => [k.id, k]));

  // leaves: 1–3 school days, 70 % 病假
  type Leave = typeof leaveRequests.$inferInsert;
  const leaves: Leave[] = [];
  const steps: (typeof leaveSteps.$inferInsert)[] = [];
  const onLeave = new Map<string, { leaveId: string; kind: string }>(); // `${childId}|${day}`
  for (const k of kids) {
    if (rnd() >= 1 / 60) continue;
    const k0 = classOf.get(k.classId);
    if (!k0?.teacherId) continue;
    const start = Math.floor(rnd() * days.length);
    const span = days.slice(start, start + 1 + Math.floor(rnd() * 3));
    const kind = rnd() < 0.7 ? '病假' : '事假';
    const id = uuidv7();
    const created = at(addCalendarDays(span[0], -1), 30);
    const over = span[span.length - 1] < addCalendarDays(today, -1);
    leaves.push({
      countyCode,
      id,
      childId: k.id,
      classId: k.classId,
      schoolId: k.schoolId,
      kind,
      fromDate: span[0],
      toDate: span[span.length - 1],
      schoolDays: span.length,
      reason:
        kind === '病假'
          ? ['感冒发烧', '肠胃炎', '牙痛就医', '复查'][Math.floor(rnd() * 4)]
          : ['家中有事', '随家长外出办事', '参加亲属婚礼'][Math.floor(rnd() * 3)],
      guardianName: '家长',
      status: over ? 'closed' : 'approved',
      closedOn: over ? addCalendarDays(span[span.length - 1], 1) : null,
      closeNote: over ? '按时返校' : null,
      closedBy: over ? k0.teacherId : null,
      createdBy: k0.teacherId,
      createdByName: k0.teacherName ?? '班主任',
      createdAt: created,
      updatedAt: created,
    });
    steps.push({
      countyCode,
      leaveId: id,
      idx: 0,
      by: 'head_teacher',
      kind: 'approve',
      label: '班主任审批',
      status: 'approved',
      decidedBy: k0.teacherId,
      decidedByName: k0.teacherName ?? '班主任',
      decidedAt: created,
    });
    for (const d of span) onLeave.set(`${k.id}|${d}`, { leaveId: id, kind });
  }

  type Report = typeof attendanceReports.$inferInsert;
  type Absence = typeof absences.$inferInsert;
  const reports: Report[] = [];
  const absent: Absence[] = [];
  for (const day of days) {
    const last = lastOfMonth.has(day);
    for (const k of classList) {
      if (!k.teacherId) continue;
      if (!last && rnd() < 0.01) continue; // the class forgot to report that day
      const list = byClass.get(k.id) ?? [];
      const reportId = uuidv7();
      const counts = { sick: 0, personal: 0, unexplained: 0, late: 0 };
      for (const childId of list) {
        const leave = onLeave.get(`${childId}|${day}`);
        let reason: string | null = null;
        let leaveId: string | null = null;
        if (leave) {
          reason = leave.kind;
          leaveId = leave.leaveId;
        } else {
          const r = rnd();
          if (r < 0.008) reason = '病假';
          else if (r < 0.011) reason = '事假';
          else if (r < 0.014) reason = '迟到';
          else if (r < (last ? 0.0143 : 0.0155)) reason = '无故缺勤';
        }
        if (!reason) continue;
        if (reason === '病假') counts.sick++;
        else if (reason === '事假') counts.personal++;
        else if (reason === '无故缺勤') counts.unexplained++;
        else counts.late++;
        absent.push({
          countyCode,
          reportId,
          childId,
          classId: k.id,
          date: day,
          reason,
          contactResult: reason === '无故缺勤' ? (rnd() < 0.8 ? '已联系上' : '未联系上') : null,
          note: reason === '无故缺勤' ? '电话联系家长，说明情况' : null,
          leaveId,
          origin: leaveId ? 'leave' : 'teacher',
        });
      }
      const when = at(day, 10 + Math.floor(rnd() * 40));
      reports.push({
        countyCode,
        id: reportId,
        classId: k.id,
        schoolId: k.schoolId,
        date: day,
        listSource: 'registry',
        enrolled: list.length,
        present: list.length - counts.sick - counts.personal - counts.unexplained,
        ...counts,
        submittedBy: k.teacherId,
        submittedByName: k.teacherName ?? '班主任',
        firstSubmittedAt: when,
        submittedAt: when,
      });
    }
  }
  await insertBatched(leaves, 500, (b) => tx.insert(leaveRequests).values(b));
  await insertBatched(steps, 1000, (b) => tx.insert(leaveSteps).values(b));
  await insertBatched(reports, 1000, (b) => tx.insert(attendanceReports).values(b));
  await insertBatched(absent, 2000, (b) => tx.insert(absences).values(b));
  // fresh planner statistics for the tables just filled (the month's figures join them per school)
  await tx.execute(sql`analyze`);
}
