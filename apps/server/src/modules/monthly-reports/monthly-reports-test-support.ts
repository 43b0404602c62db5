import { eq, and } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { DbOrTx } from '../../db/client';
import { absences, approvals, attendanceReports, cases, childKeyGroups, homeTeachingSessions, leaveRequests } from '../../db/schema/index';
import { makeChild, type ChildFixture, type CountyFixture } from '../../../test/factories';
import { makeCase } from '../../../test/case-work-fixtures';
import { commitRoster } from '../attendance/attendance-test-support';

/**
 * The October 2026 of one school, built by hand so that every figure of its 月报 is known (monthly-reports.int.test.ts
 * states the expected numbers). School S = township 0, school 0 of makeCounty: class 1班 of grade 1 and 1班 of grade 7,
 * with the factory's two children each (A1, A2 / B1, B2), plus:
 *   grade 1: A3 在读, approved leave 10-29…10-30 and 事假 on the 10-30 report; A4 休学 (approved 10-09, a 'deferred' case)
 *   grade 7: B3 在读, case 劝返中 confirmed 10-12, 脱贫户; B4 在读, case 核实中 reported 10-20; B5 送教上门 (2 sessions in
 *            October, 1 in September); B6 在读, 无故缺勤 and no case; B7 在读, 事假; B8 在读, on another school's roster
 *   A1 is 留守; A2 returned to school on 10-15 (case 已复学·巩固跟踪).
 * S has a committed 在校名册: grade 1: A1, A2, A3 and 无学籍甲 (no child); grade 7: B1, B2, B4, B6, B7, B8 and Y
 * (a child whose 学籍 is at school T0S1: 借读). Daily reports: grade 1 on 10-29 (all present) and 10-30 (A3 事假);
 * grade 7 only on 10-29 (B4, B6, B8 无故缺勤, B7 事假) — it did not report on the 统计时点 10-30.
 */
export async function seedSchoolOctober(db: DbOrTx, county: CountyFixture, reporterId: string) {
  const c = county.countyCode;
  const t0 = county.townships[0];
  const S = t0.schools[0];
  const [k1, k7] = S.classes;
  const v = t0.villages[0];
  const mk = (classId: string | null, grade: number, o: { status?: string; keyGroups?: string[]; schoolId?: string } = {}) =>
    makeChild(db, c, { schoolId: o.schoolId ?? S.id, classId, grade, villageCode: v, status: o.status, keyGroups: o.keyGroups });
  const [A1, A2] = k1.children;
  const [B1, B2] = k7.children;
  const A3 = await mk(k1.id, 1);
  const A4 = await mk(k1.id, 1, { status: '休学' });
  const B3 = await mk(k7.id, 7, { keyGroups: ['脱贫户'] });
  const B4 = await mk(k7.id, 7);
  const B5 = await mk(k7.id, 7, { status: '送教上门' });
  const B6 = await mk(k7.id, 7);
  const B7 = await mk(k7.id, 7);
  const B8 = await mk(k7.id, 7);
  const Y = await mk(null, 7, { schoolId: t0.schools[1].id });
  // A1 留守 (the factory child has no key group)
  await db.insert(childKeyGroups).values({ countyCode: c, childId: A1.id, group: '留守', source: 'seed', sourceLabel: '测试数据' });

  const at = (d: string) => new Date(`${d}T10:00:00+08:00`);
  // cases
  const b3 = await makeCase(db, c, B3, { status: 'persuading' });
  await db
    .update(cases)
    .set({ confirmedOn: '2026-10-12' })
    .where(and(eq(cases.countyCode, c), eq(cases.id, b3.id)));
  await makeCase(db, c, B4, { status: 'verifying', reportedOn: '2026-10-20' });
  const a2 = await makeCase(db, c, A2, { status: 'returned' });
  await db
    .update(cases)
    .set({ returnedOn: '2026-10-15' })
    .where(and(eq(cases.countyCode, c), eq(cases.id, a2.id)));
  const a4 = await makeCase(db, c, A4, { status: 'deferred' });
  await db.insert(approvals).values({
    countyCode: c,
    id: uuidv7(),
    type: 'suspension',
    caseId: a4.id,
    childId: A4.id,
    requesterId: reporterId,
    requesterName: '测试校长',
    status: 'approved',
    createdAt: at('2026-10-08'),
    decidedAt: at('2026-10-09'),
  });
  const b5 = await makeCase(db, c, B5, { status: 'home_teaching' });
  for (const d of ['2026-09-24', '2026-10-15', '2026-10-22'])
    await db.insert(homeTeachingSessions).values({
      countyCode: c,
      id: uuidv7(),
      caseId: b5.id,
      childId: B5.id,
      taughtOn: d,
      hours: 2,
      teacherName: '送教老师',
      content: '语文、数学',
      recordedBy: reporterId,
      recordedAt: at(d),
    });
  await db.insert(leaveRequests).values({
    countyCode: c,
    id: uuidv7(),
    childId: A3.id,
    classId: k1.id,
    schoolId: S.id,
    kind: '事假',
    fromDate: '2026-10-29',
    toDate: '2026-10-30',
    schoolDays: 2,
    reason: '家中有事',
    guardianName: '测试家长',
    status: 'approved',
    createdBy: reporterId,
    createdByName: '测试班主任',
    createdAt: at('2026-10-28'),
    updatedAt: at('2026-10-28'),
  });

  // the rosters: S's own, and another school's (T1S0) with B8 on it
  await commitRoster(db, c, S, [
    ...[A1, A2, A3].map((x) => ({ name: x.name, idNumber: x.idNumber, grade: 1, className: '1班' })),
    { name: '无学籍甲', idNumber: null, grade: 1, className: '1班' },
    ...[B1, B2, B4, B6, B7, B8, Y].map((x) => ({ name: x.name, idNumber: x.idNumber, grade: 7, className: '1班' })),
  ]);
  const T1S0 = county.townships[1].schools[0];
  await commitRoster(db, c, T1S0, [{ name: B8.name, idNumber: B8.idNumber, grade: 7, className: '1班' }]);

  // daily reports
  const report = async (classId: string, date: string, enrolled: number, absent: { child: ChildFixture; reason: string }[]) => {
    const id = uuidv7();
    await db.insert(attendanceReports).values({
      countyCode: c,
      id,
      classId,
      schoolId: S.id,
      date,
      listSource: 'roster',
      enrolled,
      present: enrolled - absent.length,
      personal: absent.filter((a) => a.reason === '事假').length,
      unexplained: absent.filter((a) => a.reason === '无故缺勤').length,
      submittedBy: reporterId,
      submittedByName: '测试班主任',
      firstSubmittedAt: at(date),
      submittedAt: at(date),
    });
    if (absent.length)
      await db
        .insert(absences)
        .values(absent.map((a) => ({ countyCode: c, reportId: id, childId: a.child.id, classId, date, reason: a.reason })));
  };
  await report(k1.id, '2026-10-29', 4, []);
  await report(k1.id, '2026-10-30', 4, [{ child: A3, reason: '事假' }]);
  await report(k7.id, '2026-10-29', 7, [
    { child: B4, reason: '无故缺勤' },
    { child: B6, reason: '无故缺勤' },
    { child: B7, reason: '事假' },
    { child: B8, reason: '无故缺勤' },
  ]);
  return { S, k1, k7, A1, A2, A3, A4, B1, B2, B3, B4, B5, B6, B7, B8, Y };
}
