import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Consolidated, MonthlyFigures, MonthlyReport } from '@notoneless/shared';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { makeCounty, makeUser, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';
import { auditEvents, children, monthlyReportEvents, monthlyReports, schools } from '../../db/schema/index';
import { at, setCalendar } from '../attendance/attendance-test-support';
import { seedSchoolOctober } from './monthly-reports-test-support';

let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
const s: Record<string, Session> = {};
let fx: Awaited<ReturnType<typeof seedSchoolOctober>>;
let base: string;
let reportId: string;

const cause = (f: MonthlyFigures, c: string) => f.gapCauses.find((x) => x.cause === c)!.count;
const movement = (f: MonthlyFigures, k: string) => f.movements.find((x) => x.key === k)!.count;
const ok = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
async function workbook(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb.worksheets[0];
}
const rowValues = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);
const findRow = (ws: ExcelJS.Worksheet, first: string) => {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === first) return r;
  return -1;
};

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  for (const [k, u] of Object.entries(county.users)) s[k] = await login(app, u.username);
  s.other = await login(app, other.users.countyAdmin.username);
  await setCalendar(s.countyAdmin);
  fx = await seedSchoolOctober(db, county, county.users.schoolAdmin.id);
  base = `/api/monthly-reports/school/${fx.S.id}/2026-10`;
});
// the tests run on 4 November 2026 (the report is due on the 5th) unless they say otherwise
beforeEach(() => at('2026-11-04'));

describe('the October report of school S, against the numbers computed by hand', () => {
  it('在籍, 在校, 差额 by grade; each cause; movements; key groups; attendance', async () => {
    const r: MonthlyReport = ok(await s.schoolAdmin.get(base));
    expect(r).toMatchObject({ id: null, status: 'not_started', figuresSource: 'live', dueOn: '2026-11-05', late: false });
    const f = r.figures;
    // 统计时点: Fri 30 Oct (the last school day of October)
    expect(f.asOf).toBe('2026-10-30');
    // 在籍 = A1–A4 (4) + B1–B8 (8) = 12; Y's 学籍 is at another school
    // 在校 = grade 1 on 10-30: A1, A2, 无学籍甲 (A3 事假) = 3; grade 7 on its last report 10-29: B1, B2, Y = 3 → 6
    expect([f.enrolled.count, f.attending.count, f.gap]).toEqual([12, 6, 6]);
    expect(f.byGrade.map((g) => [g.grade, g.enrolled.count, g.attending.count, g.gap])).toEqual([
      [1, 4, 3, 1],
      [7, 8, 3, 5],
    ]);
    // not attending: A3 leave (approved), B7 leave (事假 on the report), A4 休学, B8 on T1S0's roster, B5 送教上门,
    // B4 核实中 (suspected), B3 劝返中 (dropout), B6 无故缺勤 and no case → unexplained
    expect(cause(f, 'leave')).toBe(2);
    expect(cause(f, 'suspended')).toBe(1);
    expect(cause(f, 'transfer_pending')).toBe(1);
    expect(cause(f, 'home_teaching')).toBe(1);
    expect(cause(f, 'suspected')).toBe(1);
    expect(cause(f, 'dropout')).toBe(1);
    expect(cause(f, 'other')).toBe(0);
    expect(f.unexplained.count).toBe(1);
    // 无学籍甲 (roster row, no child) and Y (借读) attend without a 学籍 here: 7 + 1 − 2 = 6
    expect(f.attendingWithoutRegistry.count).toBe(2);
    expect(f.balanced).toBe(true);
    // B4 reported 10-20; B3 confirmed 10-12 (脱贫户); A2 returned 10-15; A4 休学 approved 10-09; B5 2 sessions in October
    expect(movement(f, 'newSuspected')).toBe(1);
    expect(movement(f, 'newDropouts')).toBe(1);
    expect(movement(f, 'returned')).toBe(1);
    expect(movement(f, 'povertyDropouts')).toBe(1);
    expect(movement(f, 'deferrals')).toBe(1);
    expect(movement(f, 'homeTeachingChildren')).toBe(1);
    expect(f.homeTeachingSessions).toBe(2);
    expect(f.keyGroups).toEqual([
      { key: 'keyGroup.脱贫户', label: '脱贫户', count: 1 },
      { key: 'keyGroup.留守', label: '留守', count: 1 },
    ]);
    // 18 school days × 2 classes; 3 reports: (4 + 3 + 3) present of (4 + 4 + 7) listed; one class reported on 10-30
    expect(f.attendance).toMatchObject({
      schoolDays: 18,
      reportsExpected: 36,
      reportsReceived: 3,
      classesOnAsOf: 2,
      classesReportedOnAsOf: 1,
    });
    expect(f.attendance.rate).toBeCloseTo(10 / 15);
    expect(r.can).toMatchObject({ explain: true, submit: true, review: false, correct: false, export: true });
  });

  it('the unexplained child is named (drill-down on a month with no report row: <schoolId>_<month>), masked, audited', async () => {
    const d = ok(await s.schoolAdmin.get(`/api/monthly-reports/${fx.S.id}_2026-10/figures/gap.unexplained/children`));
    expect(d).toMatchObject({ figureKey: 'gap.unexplained', label: '未说明原因', count: 1 });
    expect(d.items[0]).toMatchObject({ childId: fx.B6.id, name: fx.B6.name, grade: 7, className: '1班' });
    expect(d.items[0].idNumberMasked).not.toBe(fx.B6.idNumber);
    expect(d.items[0].idNumberMasked).toContain('*');
    expect(d.items[0].detail).toContain('无故缺勤');
    const { db } = await getTestDatabase();
    const audits = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.countyCode, county.countyCode), eq(auditEvents.action, 'monthly_report.children_viewed')));
    expect(audits).toHaveLength(1);
    expect((await s.schoolAdmin.get(`/api/monthly-reports/${fx.S.id}_2026-10/figures/nope/children`)).statusCode).toBe(404);
  });
});

scopeCases('GET /api/monthly-reports/school/:schoolId/:month', () => {
  it('the school, its 中心校 and the county see it; others 404; roles without 月报 403; bad month 400', async () => {
    ok(await s.unitAdmin.get(base));
    ok(await s.countyLeader.get(base));
    expect((await s.other.get(base)).statusCode).toBe(404);
    const foreign = county.townships[0].schools[1].id;
    expect((await s.schoolAdmin.get(`/api/monthly-reports/school/${foreign}/2026-10`)).statusCode).toBe(404);
    expect((await s.headTeacher.get(base)).statusCode).toBe(403);
    expect((await s.townshipOfficial.get(base)).statusCode).toBe(403);
    expect((await s.schoolAdmin.get(`/api/monthly-reports/school/${fx.S.id}/2026-13`)).statusCode).toBe(400);
    expect((await s.schoolAdmin.get(`/api/monthly-reports/school/${fx.S.id}/2027-01`)).statusCode).toBe(400);
  });
});

scopeCases('GET /api/monthly-reports/:id/figures/:figureKey/children', () => {
  it('scope-checked: another county and another 中心校 get 404, head teachers 403', async () => {
    const url = `/api/monthly-reports/${fx.S.id}_2026-10/figures/enrolled/children`;
    expect((await s.other.get(url)).statusCode).toBe(404);
    expect((await s.headTeacher.get(url)).statusCode).toBe(403);
    const unit1 = await makeUser((await getTestDatabase()).db, county.countyCode, `unit1.${county.countyCode}`, [
      { role: 'unit_admin', scopeKind: 'unit', scopeId: county.townships[1].unitId },
    ]);
    s.unit1 = await login(app, unit1.username);
    expect((await s.unit1.get(url)).statusCode).toBe(404);
    expect(ok(await s.unitAdmin.get(url)).count).toBe(12);
  });
});

scopeCases('PUT /api/monthly-reports/school/:schoolId/:month/explanations', () => {
  it('only the school explains; a child of another school is refused; the explained child moves to 其他', async () => {
    expect((await s.unitAdmin.put(`${base}/explanations`, { note: '', children: {} })).statusCode).toBe(403);
    expect((await s.other.put(`${base}/explanations`, { note: '', children: {} })).statusCode).toBe(404);
    const bad = await s.schoolAdmin.put(`${base}/explanations`, { children: { [fx.Y.id]: '借读' } });
    expect(bad.statusCode).toBe(400);
    const r: MonthlyReport = ok(
      await s.schoolAdmin.put(`${base}/explanations`, { note: '本月整体稳定。', children: { [fx.B6.id]: '随父母外出务工，已联系转学中' } }),
    );
    expect(r.status).toBe('draft');
    expect(r.explanations.note).toBe('本月整体稳定。');
    expect([cause(r.figures, 'other'), r.figures.unexplained.count, r.figures.gap, r.figures.balanced]).toEqual([1, 0, 6, true]);
    reportId = r.id!;
    expect(r.events.map((e) => e.action)).toEqual(['explain']);
  });
});

scopeCases('POST /api/monthly-reports/school/:schoolId/:month/submit', () => {
  it('refused before the month ends, while a child is unexplained, and for others; then frozen', async () => {
    at('2026-10-30', '17:00');
    expect((await s.schoolAdmin.post(`${base}/submit`, { confirm: true })).statusCode).toBe(409);
    at('2026-11-04');
    expect((await s.unitAdmin.post(`${base}/submit`, { confirm: true })).statusCode).toBe(403);
    expect((await s.other.post(`${base}/submit`, { confirm: true })).statusCode).toBe(404);
    expect((await s.schoolAdmin.post(`${base}/submit`, {})).statusCode).toBe(400);
    // take the explanation away: B6 is unexplained again → refused with the count
    ok(await s.schoolAdmin.put(`${base}/explanations`, { note: '本月整体稳定。', children: {} }));
    const refused = await s.schoolAdmin.post(`${base}/submit`, { confirm: true });
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).message).toContain('1 名学生');
    ok(
      await s.schoolAdmin.put(`${base}/explanations`, { note: '本月整体稳定。', children: { [fx.B6.id]: '随父母外出务工，已联系转学中' } }),
    );
    const r: MonthlyReport = ok(await s.schoolAdmin.post(`${base}/submit`, { confirm: true }));
    expect(r).toMatchObject({
      status: 'submitted',
      figuresSource: 'frozen',
      late: false,
      submittedByName: county.users.schoolAdmin.username,
    });
    expect(r.can).toMatchObject({ explain: false, submit: false, correct: true });
    // the API never sends the frozen members behind the figures
    expect(JSON.stringify(r)).not.toContain('members');
    expect(JSON.stringify(r)).not.toContain('rosterPeople');
    expect((await s.schoolAdmin.post(`${base}/submit`, { confirm: true })).statusCode).toBe(409);
  });

  it('later data changes do not alter the frozen report or its drill-down', async () => {
    const { db } = await getTestDatabase();
    // after submission B7 (absent, 事假) is granted 休学: live, B7 would move from 请假 to 休学
    await db
      .update(children)
      .set({ status: '休学' })
      .where(and(eq(children.countyCode, county.countyCode), eq(children.id, fx.B7.id)));
    const r: MonthlyReport = ok(await s.unitAdmin.get(base));
    expect([r.figures.enrolled.count, r.figures.attending.count, cause(r.figures, 'suspended'), cause(r.figures, 'leave')]).toEqual([
      12, 6, 1, 2,
    ]);
    const d = ok(await s.unitAdmin.get(`/api/monthly-reports/${reportId}/figures/gap.suspended/children`));
    expect(d.items.map((i: { childId: string }) => i.childId)).toEqual([fx.A4.id]);
    const other = ok(await s.unitAdmin.get(`/api/monthly-reports/${reportId}/figures/gap.other/children`));
    expect(other.items[0].detail).toContain('随父母外出务工');
    // the roster row with no child and the 借读 child, as frozen (the roster row has no ID number to mask)
    const without = ok(await s.unitAdmin.get(`/api/monthly-reports/${reportId}/figures/attendingWithoutRegistry/children`));
    expect(without.items.map((i: { name: string; grade: number }) => [i.name, i.grade])).toEqual([
      ['无学籍甲', 1],
      [fx.Y.name, 7],
    ]);
    expect(without.items[0]).toMatchObject({ idNumberMasked: '', schoolName: '测试东镇第1小学' });
    expect(without.items[0].detail).toContain('平台无其学籍');
  });
});

scopeCases('POST /api/monthly-reports/:id/review', () => {
  it('the 中心校 returns with a comment, the school resubmits, the 中心校 accepts; the school and another 中心校 may not', async () => {
    expect((await s.schoolAdmin.post(`/api/monthly-reports/${reportId}/review`, { decision: 'accept' })).statusCode).toBe(403);
    expect((await s.unit1.post(`/api/monthly-reports/${reportId}/review`, { decision: 'accept' })).statusCode).toBe(404);
    expect((await s.other.post(`/api/monthly-reports/${reportId}/review`, { decision: 'accept' })).statusCode).toBe(404);
    expect((await s.unitAdmin.post(`/api/monthly-reports/${reportId}/review`, { decision: 'return', comment: '' })).statusCode).toBe(400);
    let r: MonthlyReport = ok(
      await s.unitAdmin.post(`/api/monthly-reports/${reportId}/review`, { decision: 'return', comment: '请核实七年级差额' }),
    );
    expect(r).toMatchObject({ status: 'returned', reviewComment: '请核实七年级差额', figuresSource: 'live' });
    // live again: B7's 休学 (changed after the first submission) now shows
    expect([cause(r.figures, 'suspended'), cause(r.figures, 'leave'), r.figures.gap]).toEqual([2, 1, 6]);
    expect((await s.unitAdmin.post(`/api/monthly-reports/${reportId}/review`, { decision: 'accept' })).statusCode).toBe(409);
    r = ok(await s.schoolAdmin.post(`${base}/submit`, { confirm: true }));
    expect(r.status).toBe('submitted');
    at('2026-11-04', '11:00');
    r = ok(await s.unitAdmin.post(`/api/monthly-reports/${reportId}/review`, { decision: 'accept', comment: '' }));
    expect(r).toMatchObject({ status: 'accepted', reviewedByName: county.users.unitAdmin.username, late: false });
    // (the test clock stands still, so events of the same minute come in any order)
    expect(r.events.map((e) => e.action).sort()).toEqual(['accept', 'explain', 'explain', 'explain', 'return', 'submit', 'submit']);
    expect(r.events.at(-1)).toMatchObject({ action: 'accept', actionLabel: '审核通过', actorName: county.users.unitAdmin.username });
    const { db } = await getTestDatabase();
    const events = await db
      .select()
      .from(monthlyReportEvents)
      .where(and(eq(monthlyReportEvents.countyCode, county.countyCode), eq(monthlyReportEvents.reportId, reportId)));
    expect(events).toHaveLength(7);
    const audits = await db.select().from(auditEvents).where(eq(auditEvents.countyCode, county.countyCode));
    const actions = audits.map((a) => a.action);
    for (const a of ['monthly_report.explained', 'monthly_report.submitted', 'monthly_report.returned', 'monthly_report.accepted'])
      expect(actions).toContain(a);
  });

  it('a 局属 school (its unit is the bureau) is reviewed by the county, not by a 中心校', async () => {
    const { db } = await getTestDatabase();
    const bureauSchool = county.townships[0].schools[1];
    await db
      .update(schools)
      .set({ unitId: county.bureauId })
      .where(and(eq(schools.countyCode, county.countyCode), eq(schools.id, bureauSchool.id)));
    const head = await makeUser(db, county.countyCode, `sa2.${county.countyCode}`, [
      { role: 'school_admin', scopeKind: 'school', scopeId: bureauSchool.id },
    ]);
    const sa2 = await login(app, head.username);
    const url = `/api/monthly-reports/school/${bureauSchool.id}/2026-10`;
    const live: MonthlyReport = ok(await sa2.get(url));
    const children = Object.fromEntries(
      (
        ok(await sa2.get(`/api/monthly-reports/${bureauSchool.id}_2026-10/figures/gap.unexplained/children`)).items as { childId: string }[]
      ).map((i) => [i.childId, '测试说明']),
    );
    expect(live.figures.unexplained.count).toBe(Object.keys(children).length);
    ok(await sa2.put(`${url}/explanations`, { note: '', children }));
    const sub: MonthlyReport = ok(await sa2.post(`${url}/submit`, { confirm: true }));
    expect(sub.can.review).toBe(false);
    // the 中心校 of the township no longer has the school; the county reviews it
    expect((await s.unitAdmin.post(`/api/monthly-reports/${sub.id}/review`, { decision: 'accept' })).statusCode).toBe(404);
    expect(ok(await s.countyAdmin.get(url)).can.review).toBe(true);
    expect(ok(await s.countyAdmin.post(`/api/monthly-reports/${sub.id}/review`, { decision: 'accept' })).status).toBe('accepted');
    await db
      .update(schools)
      .set({ unitId: county.townships[0].unitId })
      .where(and(eq(schools.countyCode, county.countyCode), eq(schools.id, bureauSchool.id)));
  });
});

scopeCases('POST /api/monthly-reports/school/:schoolId/:month/corrections', () => {
  it('a correction is a new version (draft, live, with its reason); the accepted version keeps its figures', async () => {
    expect((await s.unitAdmin.post(`${base}/corrections`, { reason: '补录转学' })).statusCode).toBe(403);
    expect((await s.other.post(`${base}/corrections`, { reason: '补录转学' })).statusCode).toBe(404);
    expect((await s.schoolAdmin.post(`${base}/corrections`, { reason: '' })).statusCode).toBe(400);
    const { db } = await getTestDatabase();
    const [before] = await db
      .select()
      .from(monthlyReports)
      .where(and(eq(monthlyReports.countyCode, county.countyCode), eq(monthlyReports.id, reportId)));
    const r: MonthlyReport = ok(await s.schoolAdmin.post(`${base}/corrections`, { reason: '七年级一名学生已于10月办理休学，补录' }));
    expect(r).toMatchObject({
      version: 2,
      status: 'draft',
      figuresSource: 'live',
      correctionReason: '七年级一名学生已于10月办理休学，补录',
    });
    expect(r.versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'draft'],
      [1, 'accepted'],
    ]);
    expect(r.id).not.toBe(reportId);
    // the explanations carry over; the old version is untouched
    expect(r.explanations.children[fx.B6.id]).toBeDefined();
    const [after] = await db
      .select()
      .from(monthlyReports)
      .where(and(eq(monthlyReports.countyCode, county.countyCode), eq(monthlyReports.id, reportId)));
    expect(after.figures).toEqual(before.figures);
    expect(after.status).toBe('accepted');
    expect((await s.schoolAdmin.post(`${base}/corrections`, { reason: '再次更正' })).statusCode).toBe(409);
    // the old version can no longer be reviewed
    expect((await s.unitAdmin.post(`/api/monthly-reports/${reportId}/review`, { decision: 'accept' })).statusCode).toBe(409);
    ok(await s.schoolAdmin.post(`${base}/submit`, { confirm: true }));
  });

  it('?version=1 reads the corrected version as it was: frozen figures, its explanations and events, no actions', async () => {
    const { db } = await getTestDatabase();
    const [v1] = await db
      .select()
      .from(monthlyReports)
      .where(and(eq(monthlyReports.countyCode, county.countyCode), eq(monthlyReports.id, reportId)));
    const cur: MonthlyReport = ok(await s.schoolAdmin.get(base));
    expect(cur).toMatchObject({ version: 2, currentVersion: 2, supersededBy: null, status: 'submitted' });
    expect(cur.events.map((e) => e.action)).toContain('correct');
    const old: MonthlyReport = ok(await s.unitAdmin.get(`${base}?version=1`));
    expect(old).toMatchObject({
      id: reportId,
      version: 1,
      currentVersion: 2,
      supersededBy: 2,
      status: 'accepted',
      figuresSource: 'frozen',
      correctionReason: null,
    });
    expect(old.figures).toEqual((v1.figures as { figures: MonthlyFigures }).figures);
    expect(old.explanations).toEqual(v1.explanations);
    // its own history: submitted, returned, resubmitted, accepted — not the correction nor version 2's submission
    expect(old.events.map((e) => e.action)).not.toContain('correct');
    expect(old.events.filter((e) => e.action === 'submit')).toHaveLength(2);
    expect(old.events.at(-1)!.action).toBe('accept');
    expect(old.can).toEqual({ explain: false, submit: false, review: false, correct: false, export: false });
    expect(ok(await s.schoolAdmin.get(`${base}?version=2`))).toEqual(cur);
    // its drill-down lists the children as they were frozen
    const d = ok(await s.schoolAdmin.get(`/api/monthly-reports/${reportId}/figures/gap.other/children`));
    expect(d.items.map((i: { childId: string }) => i.childId)).toEqual([fx.B6.id]);
    expect((await s.schoolAdmin.get(`${base}?version=3`)).statusCode).toBe(404);
    expect((await s.schoolAdmin.get(`${base}?version=0`)).statusCode).toBe(400);
    expect((await s.schoolAdmin.get(`${base}?version=abc`)).statusCode).toBe(400);
    expect((await s.other.get(`${base}?version=1`)).statusCode).toBe(404);
  });
});

scopeCases('GET /api/monthly-reports', () => {
  it('every school in scope with or without a row; late flagged after the due date; frozen numbers only', async () => {
    at('2026-11-06');
    const list = ok(await s.countyAdmin.get('/api/monthly-reports?month=2026-10'));
    expect(list.dueOn).toBe('2026-11-05');
    expect(list.items).toHaveLength(4);
    const mine = list.items.find((i: { schoolId: string }) => i.schoolId === fx.S.id);
    expect(mine).toMatchObject({ status: 'submitted', version: 2, late: false, enrolled: 12, attending: 6, gap: 6, unexplained: 0 });
    const pending = list.items.filter((i: { status: string }) => i.status === 'not_started');
    expect(pending).toHaveLength(2);
    expect(pending.every((i: { late: boolean; enrolled: null }) => i.late && i.enrolled === null)).toBe(true);
    expect(list.counts).toMatchObject({ not_started: 2, submitted: 1, accepted: 1 });
    const unit = ok(await s.unitAdmin.get('/api/monthly-reports?month=2026-10'));
    expect(unit.items.map((i: { schoolId: string }) => i.schoolId).sort()).toEqual(county.townships[0].schools.map((x) => x.id).sort());
    expect(ok(await s.schoolAdmin.get('/api/monthly-reports?month=2026-10&status=submitted')).items).toHaveLength(1);
    expect(
      ok(await s.other.get('/api/monthly-reports?month=2026-10')).items.every((i: { schoolId: string }) => i.schoolId !== fx.S.id),
    ).toBe(true);
    expect((await s.headTeacher.get('/api/monthly-reports')).statusCode).toBe(403);
  });

  it('待办: the 中心校 has the report to review and its late schools; the county one line with the late count', async () => {
    at('2026-11-06');
    type Item = { id: string; kind: string; childName: string; state: string; link: string };
    const items = async (x: Session) => (ok(await x.get('/api/inbox')).items as Item[]).filter((i) => i.kind.startsWith('monthly_report'));
    const unit = await items(s.unitAdmin);
    expect(unit.map((i) => i.kind)).toEqual(['monthly_report_review']);
    expect(unit[0].link).toBe(`/reports/monthly/school/${fx.S.id}/2026-10`);
    s.unit1 = await login(app, `unit1.${county.countyCode}`); // logged in on 4 November: that session has expired
    const unit1 = await items(s.unit1);
    expect(unit1.map((i) => [i.kind, i.state])).toEqual([
      ['monthly_report_late', 'overdue'],
      ['monthly_report_late', 'overdue'],
    ]);
    const countyItems = await items(s.countyAdmin);
    expect(countyItems.map((i) => i.childName)).toEqual(['2 所学校']);
    expect(await items(s.schoolAdmin)).toEqual([]);
    const badge = ok(await s.unit1.get('/api/inbox/count')).count;
    expect(badge).toBe(ok(await s.unit1.get('/api/inbox')).count);
  });
});

scopeCases('GET /api/monthly-reports/consolidated/figures/:figureKey/children', () => {
  type Drill = { count: number; truncated: boolean; items: { childId: string; idNumberMasked: string; schoolName: string }[] };
  const drill = (x: Session, key: string, q = '') => x.get(`/api/monthly-reports/consolidated/figures/${key}/children?month=2026-10${q}`);
  it('the county drill-down count equals the table figure; townships and schools too; audited, masked', async () => {
    const c = ok(await s.countyAdmin.get('/api/monthly-reports/consolidated?month=2026-10'));
    const f: MonthlyFigures = c.total.figures;
    for (const [key, n] of [
      ['enrolled', f.enrolled.count],
      ['attending', f.attending.count],
      ['gap.leave', cause(f, 'leave')],
      ['gap.other', cause(f, 'other')],
      ['newSuspected', movement(f, 'newSuspected')],
    ] as const) {
      const d: Drill = ok(await drill(s.countyAdmin, key));
      expect([key, d.count, d.items.length, d.truncated]).toEqual([key, n, n, false]);
    }
    expect(f.enrolled.count).toBeGreaterThan(12);
    const all: Drill = ok(await drill(s.countyAdmin, 'enrolled'));
    expect(new Set(all.items.map((i) => i.childId)).size).toBe(f.enrolled.count);
    expect(all.items.every((i) => i.idNumberMasked === '' || i.idNumberMasked.includes('*'))).toBe(true);
    // a township's row and a school's row (S: its frozen version 2 — 其他 is B6, explained)
    for (const r of c.rows) {
      const d: Drill = ok(await drill(s.countyAdmin, 'enrolled', `&townshipCode=${r.key}`));
      expect(d.count).toBe(r.figures.enrolled.count);
    }
    const mine: Drill = ok(await drill(s.unitAdmin, 'gap.other', `&schoolId=${fx.S.id}`));
    expect(mine.items.map((i) => i.childId)).toEqual([fx.B6.id]);
    const { db } = await getTestDatabase();
    const audits = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.countyCode, county.countyCode), eq(auditEvents.action, 'monthly_reports.consolidated_children_viewed')));
    expect(audits.length).toBe(5 + c.rows.length + 2);
    expect((await drill(s.countyAdmin, 'nope')).statusCode).toBe(404);
  });

  it('scope-checked: the 中心校 sees its township only, another county none of ours, head teachers 403', async () => {
    const unit = ok(await s.unitAdmin.get('/api/monthly-reports/consolidated?month=2026-10'));
    expect((ok(await drill(s.unitAdmin, 'enrolled')) as Drill).count).toBe(unit.total.figures.enrolled.count);
    expect((await drill(s.unitAdmin, 'enrolled', `&townshipCode=${county.townships[1].code}`)).statusCode).toBe(404);
    expect((await drill(s.unitAdmin, 'enrolled', `&schoolId=${county.townships[1].schools[0].id}`)).statusCode).toBe(404);
    expect((await drill(s.other, 'enrolled', `&townshipCode=${county.townships[0].code}`)).statusCode).toBe(404);
    const foreign: Drill = ok(await drill(s.other, 'enrolled'));
    const ours = new Set((ok(await drill(s.countyAdmin, 'enrolled')) as Drill).items.map((i) => i.childId));
    expect(foreign.items.some((i) => ours.has(i.childId))).toBe(false);
    expect((await drill(s.headTeacher, 'enrolled')).statusCode).toBe(403);
    expect((await drill(s.countyAdmin, 'enrolled', '&month=2026-13')).statusCode).toBe(400);
  });
});

scopeCases('GET /api/monthly-reports/consolidated', () => {
  it('county: one row per township; totals are the sum of the rows; pending schools flagged with live figures', async () => {
    const c = ok(await s.countyAdmin.get('/api/monthly-reports/consolidated?month=2026-10'));
    expect(c.level).toBe('county');
    expect(c.rows.map((r: { key: string }) => r.key)).toEqual(county.townships.map((t) => t.code));
    const sum = (k: (f: MonthlyFigures) => number) => c.rows.reduce((a: number, r: { figures: MonthlyFigures }) => a + k(r.figures), 0);
    expect(c.total.figures.enrolled.count).toBe(sum((f) => f.enrolled.count));
    expect(c.total.figures.gap).toBe(sum((f) => f.gap));
    expect(c.total.figures.balanced).toBe(true);
    expect(c.total).toMatchObject({ schools: 4, reported: 2 });
    expect(c.pendingSchools).toHaveLength(2);
    const t0 = c.rows[0];
    expect(t0).toMatchObject({ schools: 2, reported: 2 });
    // the 中心校 sees its schools, S with its frozen version 2
    const unit = ok(await s.unitAdmin.get('/api/monthly-reports/consolidated?month=2026-10'));
    expect(unit.level).toBe('township');
    expect(unit.rows).toHaveLength(2);
    expect(unit.rows.find((r: { key: string }) => r.key === fx.S.id)).toMatchObject({
      status: '已上报',
      figures: { enrolled: { count: 12 }, gap: 6 },
    });
    expect(c.rows[0].figures.enrolled.count).toBe(unit.total.figures.enrolled.count);
    expect((await s.headTeacher.get('/api/monthly-reports/consolidated')).statusCode).toBe(403);
    const foreign = ok(await s.other.get('/api/monthly-reports/consolidated?month=2026-10'));
    expect(foreign.rows.every((r: { key: string }) => !county.townships.some((t) => t.code === r.key))).toBe(true);
  });

  it('pending schools computed together (one pass) have the same figures as each school computed alone', async () => {
    const t1 = county.townships[1];
    const c = ok(await s.countyAdmin.get(`/api/monthly-reports/consolidated?month=2026-10&townshipCode=${t1.code}`));
    expect(c.level).toBe('township');
    expect(c.pendingSchools.map((p: { schoolId: string }) => p.schoolId).sort()).toEqual(t1.schools.map((x) => x.id).sort());
    for (const school of t1.schools) {
      const alone: MonthlyReport = ok(await s.countyAdmin.get(`/api/monthly-reports/school/${school.id}/2026-10`));
      const row = c.rows.find((r: { key: string }) => r.key === school.id);
      expect(row.figures).toEqual(alone.figures);
    }
  });

  it('the 月报 capability: school, 中心校 and county roles; not head teachers or township officials', async () => {
    const can = async (x: Session) => ok(await x.get('/api/auth/me')).can['reports.monthly'];
    expect([await can(s.countyAdmin), await can(s.countyLeader), await can(s.unitAdmin), await can(s.schoolAdmin)]).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([await can(s.headTeacher), await can(s.townshipOfficial), await can(s.liaison)]).toEqual([false, false, false]);
  });
});

scopeCases('GET /api/monthly-reports/school/:schoolId/:month/export.xlsx', () => {
  it('the official 月报表: title, unit and month, the grade table with 合计, causes summing to the gap, signatures', async () => {
    const ws = await workbook(await s.unitAdmin.get(`${base}/export.xlsx`));
    expect(ws.getCell(1, 1).value).toBe('测试县义务教育控辍保学动态数据月报表');
    expect(String(ws.getCell(2, 1).value)).toContain('填报单位：测试东镇第1小学');
    expect(String(ws.getCell(2, 1).value)).toContain('月份：2026年10月');
    const header = findRow(ws, '年级');
    expect(rowValues(ws, header)).toEqual(['年级', '在籍学生数', '实际在校生数', '人籍差额']);
    const total = findRow(ws, '合计');
    const grades: number[][] = [];
    for (let r = header + 1; r < total; r++) grades.push(rowValues(ws, r) as number[]);
    expect(rowValues(ws, total).slice(1)).toEqual([1, 2, 3].map((i) => grades.reduce((a, g) => a + (g[i] as number), 0)));
    const gapTotal = findRow(ws, '合计（等于人籍差额）');
    expect(ws.getCell(gapTotal, 2).value).toBe(ws.getCell(total, 4).value);
    const texts = ws.getColumn(1).values.map(String).join('\n');
    expect(texts).toContain('填报人');
    expect(texts).toContain('单位负责人');
    expect(texts).toContain('日期');
    expect((await s.other.get(`${base}/export.xlsx`)).statusCode).toBe(404);
  });
});

scopeCases('GET /api/monthly-reports/consolidated/export.xlsx', () => {
  it('the county 汇总表: one row per township + 合计 equal to the sum of the rows', async () => {
    const ws = await workbook(await s.countyAdmin.get('/api/monthly-reports/consolidated/export.xlsx?month=2026-10'));
    expect(ws.getCell(1, 1).value).toBe('测试县2026年10月控辍保学动态数据汇总表');
    expect(rowValues(ws, 4).slice(0, 8)).toEqual([
      '单位',
      '学校数',
      '已上报',
      '逾期',
      '乡镇月报',
      '在籍学生数',
      '实际在校生数',
      '人籍差额',
    ]);
    const total = findRow(ws, '合计');
    expect(total).toBe(7);
    // each township's 乡镇月报 (its 中心校's report to the county), with the labels of the county's table; none submitted here
    const table: Consolidated = ok(await s.countyAdmin.get('/api/monthly-reports/consolidated?month=2026-10'));
    expect(table.rows.map((r) => r.unitReports.map((u) => u.statusLabel))).toEqual([['未上报'], ['未上报']]);
    expect([ws.getCell(5, 5).value, ws.getCell(6, 5).value, ws.getCell(total, 5).value]).toEqual(['未上报', '未上报', '']);
    const n = rowValues(ws, 4).length;
    for (let col = 2; col <= n; col++)
      if (col !== 5) expect(ws.getCell(total, col).value).toBe(Number(ws.getCell(5, col).value) + Number(ws.getCell(6, col).value));
    const township = await workbook(await s.unitAdmin.get('/api/monthly-reports/consolidated/export.xlsx?month=2026-10'));
    expect(township.getCell(1, 1).value).toBe('测试东镇2026年10月控辍保学动态数据汇总表');
    // a township's rows are its schools: no 乡镇月报 column
    expect(rowValues(township, 4).slice(0, 5)).toEqual(['单位', '学校数', '已上报', '逾期', '在籍学生数']);
    expect((await s.headTeacher.get('/api/monthly-reports/consolidated/export.xlsx')).statusCode).toBe(403);
  });
});

scopeCases('GET /api/monthly-reports/quarterly/export.xlsx', () => {
  it('the quarterly summary: the months so far side by side, totals equal to the sum of the rows', async () => {
    const ws = await workbook(await s.countyAdmin.get('/api/monthly-reports/quarterly/export.xlsx?quarter=2026-Q4'));
    expect(ws.getCell(1, 1).value).toBe('测试县2026年第4季度控辍保学动态数据汇总表');
    expect(ws.getCell(4, 2).value).toBe('2026年10月');
    expect(ws.getCell(4, 8).value).toBe('2026年11月');
    expect(ws.getCell(5, 2).value).toBe('在籍');
    const total = findRow(ws, '合计');
    expect(total).toBe(8);
    for (let col = 2; col <= 13; col++)
      expect(ws.getCell(total, col).value).toBe(Number(ws.getCell(6, col).value) + Number(ws.getCell(7, col).value));
    expect((await s.countyAdmin.get('/api/monthly-reports/quarterly/export.xlsx?quarter=2027-Q2')).statusCode).toBe(400);
    expect((await s.countyAdmin.get('/api/monthly-reports/quarterly/export.xlsx?quarter=2026-5')).statusCode).toBe(400);
    expect((await s.headTeacher.get('/api/monthly-reports/quarterly/export.xlsx?quarter=2026-Q4')).statusCode).toBe(403);
  });
});
