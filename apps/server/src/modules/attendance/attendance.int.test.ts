import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { makeChild, makeCounty, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';
import { attendanceReports, attendanceSubmissions, auditEvents } from '../../db/schema/index';
import { at, commitRoster, setCalendar } from './attendance-test-support';

let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
const s: Record<string, Session> = {};
let cls: CountyFixture['townships'][0]['schools'][0]['classes'][0];
let foreignClass: string;

const report = (o: Record<string, unknown> = {}) => ({
  classId: cls.id,
  date: '2026-09-14',
  absences: [],
  clientKey: `k-${Math.random()}`,
  ...o,
});

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  for (const [k, u] of Object.entries(county.users)) s[k] = await login(app, u.username);
  s.other = await login(app, other.users.countyAdmin.username);
  await setCalendar(s.countyAdmin);
  cls = county.townships[0].schools[0].classes[0];
  foreignClass = county.townships[0].schools[1].classes[0].id;
});

scopeCases('GET /api/attendance/classes/:classId/day', () => {
  it('the 班主任 gets the class list of the day, everyone present by default; without a roster it says it uses 学籍', async () => {
    at('2026-09-14', '07:50');
    const res = await s.headTeacher.get(`/api/attendance/classes/${cls.id}/day`);
    expect(res.statusCode, res.body).toBe(200);
    const day = res.json();
    expect(day).toMatchObject({
      date: '2026-09-14',
      isSchoolDay: true,
      closedReason: null,
      overdue: false,
      listSource: 'registry',
      report: null,
    });
    expect(day.listSourceNote).toContain('在校名册');
    expect(day.children.map((c: { childId: string }) => c.childId).sort()).toEqual(cls.children.map((c) => c.id).sort());
    expect(day.children.every((c: { absence: unknown }) => c.absence === null)).toBe(true);
    expect(day.abilities.report).toBe(true);
  });

  it('from the school roster: the class as it really is; 学籍 students on no list are shown; roster rows with no child listed apart', async () => {
    const { db } = await getTestDatabase();
    const school = county.townships[0].schools[1];
    const k = school.classes[0];
    await commitRoster(db, county.countyCode, school, [
      { name: k.children[0].name, idNumber: k.children[0].idNumber, grade: k.grade, className: '1班' },
      { name: '无学籍甲', idNumber: null, grade: k.grade, className: '1班' },
      { name: '别班学生', idNumber: null, grade: k.grade, className: '2班' },
    ]);
    const res = await s.countyAdmin.get(`/api/attendance/classes/${k.id}/day?date=2026-09-14`);
    expect(res.statusCode, res.body).toBe(200);
    const day = res.json();
    expect(day.listSource).toBe('roster');
    expect(day.children.map((c: { childId: string }) => c.childId)).toEqual([k.children[0].id]);
    expect(day.unmatchedRosterRows.map((r: { name: string }) => r.name)).toEqual(['无学籍甲']);
    expect(day.unlistedStudents.map((r: { childId: string }) => r.childId)).toEqual([k.children[1].id]);
    expect(day.abilities.report).toBe(false);
  });

  it('a holiday or a future date is closed with the reason', async () => {
    at('2026-10-08');
    const holiday = (await s.headTeacher.get(`/api/attendance/classes/${cls.id}/day?date=2026-10-02`)).json();
    expect(holiday.closedReason).toContain('国庆节');
    const future = (await s.headTeacher.get(`/api/attendance/classes/${cls.id}/day?date=2026-10-09`)).json();
    expect(future.closedReason).toContain('未来');
  });

  it('404 outside scope, 403 for a role without attendance, 400 for a bad id or date', async () => {
    expect((await s.headTeacher.get(`/api/attendance/classes/${foreignClass}/day`)).statusCode).toBe(404);
    expect((await s.other.get(`/api/attendance/classes/${cls.id}/day`)).statusCode).toBe(404);
    expect((await s.liaison.get(`/api/attendance/classes/${cls.id}/day`)).statusCode).toBe(403);
    expect((await s.headTeacher.get('/api/attendance/classes/nope/day')).statusCode).toBe(400);
    expect((await s.headTeacher.get(`/api/attendance/classes/${cls.id}/day?date=9-1`)).statusCode).toBe(400);
  });
});

scopeCases('POST /api/attendance/reports', () => {
  it('stores the report and its absences (no row per present child); an offline resend is recorded once', async () => {
    at('2026-09-14', '08:10');
    const { db } = await getTestDatabase();
    const body = report({
      clientKey: 'phone-a-0914-1',
      absences: [{ childId: cls.children[0].id, reason: '无故缺勤', contactResult: '未联系上' }],
    });
    const res = await s.headTeacher.post('/api/attendance/reports', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      outcome: 'created',
      report: { date: '2026-09-14', late: false, version: 1, counts: { enrolled: 2, present: 1, unexplained: 1 } },
    });
    const again = await s.headTeacher.post('/api/attendance/reports', body);
    expect(again.json()).toMatchObject({ outcome: 'unchanged', report: { id: res.json().report.id, version: 1 } });
    const rows = await db
      .select()
      .from(attendanceReports)
      .where(and(eq(attendanceReports.countyCode, county.countyCode), eq(attendanceReports.classId, cls.id)));
    expect(rows).toHaveLength(1);
    const audits = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.countyCode, county.countyCode), eq(auditEvents.action, 'attendance.reported')));
    expect(audits).toHaveLength(1);
  });

  it('a second submission updates the report (version 2) and the change is audited', async () => {
    const { db } = await getTestDatabase();
    const res = await s.headTeacher.post(
      '/api/attendance/reports',
      report({ version: 1, absences: [{ childId: cls.children[0].id, reason: '迟到' }] }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'updated', report: { version: 2, counts: { present: 2, unexplained: 0, late: 1 } } });
    const [e] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.countyCode, county.countyCode), eq(auditEvents.action, 'attendance.report_updated')));
    expect(e.data).toMatchObject({ version: 2, changes: [{ childId: cls.children[0].id, from: '无故缺勤', to: '迟到' }] });
    const stale = await s.headTeacher.post('/api/attendance/reports', report({ version: 1 }));
    expect(stale.statusCode).toBe(409);
    const [{ n }] = (
      (await db.execute(
        sql`select count(*)::int as n from ${attendanceSubmissions} where county_code = ${county.countyCode}`,
      )) as unknown as { rows: { n: number }[] }
    ).rows;
    expect(n).toBe(2);
  });

  it('refuses a future date, a holiday, a weekend and a child not in the class, naming why', async () => {
    at('2026-10-08', '08:00');
    const future = await s.headTeacher.post('/api/attendance/reports', report({ date: '2026-10-09' }));
    expect(future.statusCode).toBe(422);
    expect(errorOf(future).message).toContain('未来');
    const holiday = await s.headTeacher.post('/api/attendance/reports', report({ date: '2026-10-05' }));
    expect(holiday.statusCode).toBe(422);
    expect(errorOf(holiday).message).toContain('国庆节');
    const weekend = await s.headTeacher.post('/api/attendance/reports', report({ date: '2026-09-19' }));
    expect(weekend.statusCode).toBe(422);
    const stranger = county.townships[0].schools[0].classes[1].children[0].id;
    const res = await s.headTeacher.post(
      '/api/attendance/reports',
      report({ date: '2026-10-08', absences: [{ childId: stranger, reason: '病假' }] }),
    );
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).message).toContain('不在本班名单');
  });

  it('事假 needs a leave; 无故缺勤 needs the family contact made; the body is checked', async () => {
    const personal = await s.headTeacher.post(
      '/api/attendance/reports',
      report({ date: '2026-10-08', absences: [{ childId: cls.children[1].id, reason: '事假' }] }),
    );
    expect(personal.statusCode).toBe(422);
    expect(errorOf(personal).message).toContain('请假');
    const noContact = await s.headTeacher.post(
      '/api/attendance/reports',
      report({ date: '2026-10-08', absences: [{ childId: cls.children[1].id, reason: '无故缺勤' }] }),
    );
    expect(noContact.statusCode).toBe(400);
    expect((await s.headTeacher.post('/api/attendance/reports', report({ clientKey: undefined }))).statusCode).toBe(400);
  });

  it('404 for a class outside scope, 403 for a 中心校 that sees the class but does not report it', async () => {
    expect((await s.headTeacher.post('/api/attendance/reports', report({ classId: foreignClass, date: '2026-10-08' }))).statusCode).toBe(
      404,
    );
    expect((await s.other.post('/api/attendance/reports', report({ date: '2026-10-08' }))).statusCode).toBe(404);
    expect((await s.unitAdmin.post('/api/attendance/reports', report({ date: '2026-10-08' }))).statusCode).toBe(403);
    const bySchool = await s.schoolAdmin.post('/api/attendance/reports', report({ date: '2026-10-08' }));
    expect(bySchool.statusCode, bySchool.body).toBe(200);
  });
});

scopeCases('GET /api/attendance/overview', () => {
  it('after the cut-off: the classes not reported, rates by class / grade / school / township, who is absent', async () => {
    at('2026-09-15', '08:00');
    await s.headTeacher.post(
      '/api/attendance/reports',
      report({ date: '2026-09-15', absences: [{ childId: cls.children[1].id, reason: '病假' }] }),
    );
    at('2026-09-15', '09:30');
    const res = await s.schoolAdmin.get('/api/attendance/overview');
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o).toMatchObject({ date: '2026-09-15', isSchoolDay: true, pastDueBy: true });
    expect(o.notReported.map((c: { classId: string }) => c.classId)).toEqual([county.townships[0].schools[0].classes[1].id]);
    expect(o.byClass.find((r: { key: string }) => r.key === cls.id)).toMatchObject({ enrolled: 2, present: 1, rate: 0.5 });
    expect(o.bySchool).toHaveLength(1);
    expect(o.absentToday).toEqual([expect.objectContaining({ childId: cls.children[1].id, reason: '病假' })]);
    expect(o.absentToday[0].idNumberMasked).toContain('*');
  });

  it('the 中心校 sees its township; the county everything; a teacher only the class; another county none of it', async () => {
    const unit = (await s.unitAdmin.get('/api/attendance/overview?date=2026-09-15')).json();
    expect(unit.byTownship.map((t: { key: string }) => t.key)).toEqual([county.townships[0].code]);
    const all = (await s.countyAdmin.get('/api/attendance/overview?date=2026-09-15')).json();
    expect(all.byTownship).toHaveLength(2);
    const teacher = (await s.headTeacher.get('/api/attendance/overview?date=2026-09-15')).json();
    expect(teacher.byClass).toHaveLength(1);
    const foreign = (await s.other.get(`/api/attendance/overview?schoolId=${county.townships[0].schools[0].id}`)).json();
    expect(foreign.byClass).toEqual([]);
  });

  it('403 for a department liaison, 400 for a bad date', async () => {
    expect((await s.liaison.get('/api/attendance/overview')).statusCode).toBe(403);
    expect((await s.schoolAdmin.get('/api/attendance/overview?date=tomorrow')).statusCode).toBe(400);
  });
});

scopeCases('GET /api/children/:id/attendance', () => {
  it("the child's page: rate this term, current streak, last absences", async () => {
    at('2026-09-16', '08:00');
    const child = cls.children[1];
    await s.headTeacher.post(
      '/api/attendance/reports',
      report({ date: '2026-09-16', absences: [{ childId: child.id, reason: '无故缺勤', contactResult: '已联系上' }] }),
    );
    const res = await s.headTeacher.get(`/api/children/${child.id}/attendance`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ termName: '2026年秋季学期', currentStreak: 1, unexplainedDays: 1 });
    expect(res.json().lastAbsences[0]).toMatchObject({ date: '2026-09-16', reason: '无故缺勤', contactResult: '已联系上' });
    expect(res.json().rate).toBeLessThan(1);
  });

  it('404 outside scope or unknown; 400 for a bad id', async () => {
    const foreignChild = county.townships[1].schools[0].classes[0].children[0].id;
    expect((await s.headTeacher.get(`/api/children/${foreignChild}/attendance`)).statusCode).toBe(404);
    expect((await s.other.get(`/api/children/${cls.children[0].id}/attendance`)).statusCode).toBe(404);
    expect((await s.headTeacher.get('/api/children/x/attendance')).statusCode).toBe(400);
  });
});

scopeCases('GET /api/attendance/term-start', () => {
  it('lists every student not reported present on the first school day, with what the week says since', async () => {
    // a class of its own so that this term-start story does not meet the other tests' reports
    const { db } = await getTestDatabase();
    const k = county.townships[0].schools[0].classes[1];
    const late = await makeChild(db, county.countyCode, {
      schoolId: county.townships[0].schools[0].id,
      classId: k.id,
      grade: k.grade,
      villageCode: county.townships[0].villages[0],
    });
    at('2026-09-01', '08:30');
    const first = await s.schoolAdmin.post('/api/attendance/reports', {
      classId: k.id,
      date: '2026-09-01',
      clientKey: 'term-start-0901',
      absences: [
        { childId: k.children[0].id, reason: '无故缺勤', contactResult: '未联系上' },
        { childId: late.id, reason: '无故缺勤', contactResult: '已联系上', note: '家长说明天到校' },
      ],
    });
    expect(first.statusCode, first.body).toBe(200);
    at('2026-09-02', '08:30');
    await s.schoolAdmin.post('/api/attendance/reports', {
      classId: k.id,
      date: '2026-09-02',
      clientKey: 'term-start-0902',
      absences: [{ childId: k.children[0].id, reason: '无故缺勤', contactResult: '未联系上' }],
    });
    const res = await s.schoolAdmin.get('/api/attendance/term-start');
    expect(res.statusCode, res.body).toBe(200);
    const t = res.json();
    expect(t).toMatchObject({ firstDay: '2026-09-01', verifyBy: '2026-09-07', weekOver: false, abilities: { openCases: false } });
    const byId = new Map(t.children.map((c: { childId: string }) => [c.childId, c]));
    expect(byId.get(k.children[0].id)).toMatchObject({ unexplained: true, latestDate: '2026-09-02' });
    expect(byId.get(late.id)).toMatchObject({ unexplained: false, latestReason: null });
    expect(t.unreportedClasses.map((c: { classId: string }) => c.classId)).toContain(cls.id);

    // the county filters by township and school; another township's filter leaves these children out
    const t0 = county.townships[0];
    const inTown = (await s.countyAdmin.get(`/api/attendance/term-start?townshipCode=${t0.code}`)).json();
    expect(inTown.children.map((c: { childId: string }) => c.childId)).toEqual(expect.arrayContaining([k.children[0].id, late.id]));
    const inSchool = (await s.countyAdmin.get(`/api/attendance/term-start?schoolId=${t0.schools[0].id}`)).json();
    expect(inSchool.children.length).toBe(
      inTown.children.filter((c: { schoolName: string }) => c.schoolName === t0.schools[0].name).length,
    );
    const elsewhere = (await s.countyAdmin.get(`/api/attendance/term-start?townshipCode=${county.townships[1].code}`)).json();
    expect(elsewhere.children.map((c: { childId: string }) => c.childId)).not.toContain(late.id);
    expect(elsewhere.unreportedClasses.map((c: { classId: string }) => c.classId)).not.toContain(cls.id);
    expect((await s.countyAdmin.get('/api/attendance/term-start?townshipCode=12')).statusCode).toBe(400);
  });

  it('403 for a liaison; another county sees nothing; 400 for a bad school id', async () => {
    expect((await s.liaison.get('/api/attendance/term-start')).statusCode).toBe(403);
    expect((await s.other.get('/api/attendance/term-start')).json().children).toEqual([]);
    expect((await s.schoolAdmin.get('/api/attendance/term-start?schoolId=x')).statusCode).toBe(400);
  });
});

scopeCases('POST /api/attendance/term-start/cases', () => {
  it('refused during the first week; after it, what is still unexplained becomes 疑似辍学 cases in one action', async () => {
    at('2026-09-03');
    const early = await s.schoolAdmin.post('/api/attendance/term-start/cases', {});
    expect(early.statusCode).toBe(422);
    expect(errorOf(early).message).toContain('2026-09-07');
    at('2026-09-08');
    const res = await s.schoolAdmin.post('/api/attendance/term-start/cases', {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ opened: 1, noted: 0 });
    expect(res.json().cases).toEqual([expect.objectContaining({ created: true, caseId: expect.any(String) })]);
    const k = county.townships[0].schools[0].classes[1];
    const t = (await s.schoolAdmin.get('/api/attendance/term-start')).json();
    expect(t.children.find((c: { childId: string }) => c.childId === k.children[0].id).caseId).toBeTruthy();
  });

  it('403 for a 班主任 or the county, 400 for a bad body; another county opens nothing of ours', async () => {
    expect((await s.headTeacher.post('/api/attendance/term-start/cases', {})).statusCode).toBe(403);
    expect((await s.countyAdmin.post('/api/attendance/term-start/cases', {})).statusCode).toBe(403);
    expect((await s.schoolAdmin.post('/api/attendance/term-start/cases', { schoolId: 'x' })).statusCode).toBe(400);
    expect((await s.other.post('/api/attendance/term-start/cases', {})).statusCode).toBe(403);
  });
});
