import { and, eq, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Consolidated, MonthlyReport, UnitReport } from '@notoneless/shared';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { makeCounty, makeUser, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';
import { auditEvents, monthlyReportEvents, monthlyReports, schools } from '../../db/schema/index';
import { at, setCalendar } from '../attendance/attendance-test-support';

/**
 * 乡镇月报 (seed 002 二: 各乡镇中心校…每月上报): township 东镇's 中心校 reports October 2026 to the county once both
 * its schools (S0, S1) are accepted; the county returns and accepts it; a school's correction makes it outdated.
 */
let app: FastifyInstance;
let county: CountyFixture;
const s: Record<string, Session> = {};
let unitUrl: string;
let S0: string;
let S1: string;

const ok = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const schoolUrl = (id: string) => `/api/monthly-reports/school/${id}/2026-10`;
/** A school submits its month (explaining any unexplained child) and the 中心校 accepts it. */
async function schoolAccepted(admin: Session, schoolId: string) {
  const url = schoolUrl(schoolId);
  const r: MonthlyReport = ok(await admin.get(url));
  if (r.figures.unexplained.count > 0) {
    const drill = ok(await admin.get(`/api/monthly-reports/${r.id ?? `${schoolId}_2026-10`}/figures/gap.unexplained/children`));
    const children = Object.fromEntries((drill.items as { childId: string }[]).map((i) => [i.childId, '已核实']));
    ok(await admin.put(`${url}/explanations`, { note: '', children }));
  }
  const sub: MonthlyReport = ok(await admin.post(`${url}/submit`, { confirm: true }));
  return ok(await s.unitAdmin.post(`/api/monthly-reports/${sub.id}/review`, { decision: 'accept', comment: '' })) as MonthlyReport;
}
/** The 乡镇月报 column of the county's 汇总表 XLSX, one cell per township row (合计 excluded). */
async function exportedUnitReports() {
  const res = await s.countyAdmin.get('/api/monthly-reports/consolidated/export.xlsx?month=2026-10');
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  expect(ws.getCell(4, 5).value).toBe('乡镇月报');
  const cells: unknown[] = [];
  for (let r = 5; ws.getCell(r, 1).value !== '合计'; r++) cells.push(ws.getCell(r, 5).value);
  return cells;
}
type Item = { id: string; kind: string; label: string; link: string; childName: string };
const unitItems = async (x: Session) =>
  (ok(await x.get('/api/inbox')).items as Item[]).filter((i) => i.kind.startsWith('monthly_unit_report'));

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  for (const [k, u] of Object.entries(county.users)) s[k] = await login(app, u.username);
  const [t0, t1] = county.townships;
  [S0, S1] = t0.schools.map((x) => x.id);
  const c = county.countyCode;
  const sa1 = await makeUser(db, c, `sa1.${c}`, [{ role: 'school_admin', scopeKind: 'school', scopeId: S1 }]);
  const unit1 = await makeUser(db, c, `unit1.${c}`, [{ role: 'unit_admin', scopeKind: 'unit', scopeId: t1.unitId }]);
  s.sa1 = await login(app, sa1.username);
  s.unit1 = await login(app, unit1.username);
  const other = await makeCounty(db);
  s.other = await login(app, other.users.countyAdmin.username);
  await setCalendar(s.countyAdmin);
  unitUrl = `/api/monthly-reports/unit/${t0.unitId}/2026-10`;
});
// 4 November 2026: October is over (due on the 5th)
beforeEach(() => at('2026-11-04'));

scopeCases('GET /api/monthly-reports/unit/:unitId/:month', () => {
  it('the 中心校 and the county see it; another 中心校, a school and another county 404; head teachers 403', async () => {
    const r: UnitReport = ok(await s.unitAdmin.get(unitUrl));
    expect(r).toMatchObject({
      id: null,
      status: 'not_submitted',
      statusLabel: '未上报',
      figures: null,
      outdated: false,
      at: null,
      schoolCount: 2,
    });
    expect(r.schools.map((x) => x.schoolId)).toEqual([S0, S1]);
    expect(r.notAccepted.map((x) => x.statusLabel)).toEqual(['未填报', '未填报']);
    expect(r.can).toEqual({ prepare: true, submit: false, review: false });
    expect(ok(await s.countyLeader.get(unitUrl)).can).toEqual({ prepare: false, submit: false, review: false });
    ok(await s.countyAdmin.get(unitUrl));
    for (const x of [s.unit1, s.schoolAdmin, s.other]) expect((await x.get(unitUrl)).statusCode).toBe(404);
    expect((await s.headTeacher.get(unitUrl)).statusCode).toBe(403);
    // the bureau has no unit report
    expect((await s.countyAdmin.get(`/api/monthly-reports/unit/${county.bureauId}/2026-10`)).statusCode).toBe(404);
    expect((await s.unitAdmin.get(`/api/monthly-reports/unit/${county.townships[0].unitId}/2027-01`)).statusCode).toBe(400);
  });
});

scopeCases('POST /api/monthly-reports/unit/:unitId/:month/submit', () => {
  it('refused while a school is not accepted, naming it; refused to schools, another 中心校, another county', async () => {
    await schoolAccepted(s.schoolAdmin, S0);
    let res = await s.unitAdmin.post(`${unitUrl}/submit`, { confirm: true });
    expect(res.statusCode).toBe(409);
    const name = county.townships[0].schools[1].name;
    expect(errorOf(res).message).toBe(`以下 1 所学校的月报尚未审核通过，不能上报县教育局：${name}（未填报）`);
    // S1 submitted but not yet accepted: still refused
    ok(await s.sa1.post(`${schoolUrl(S1)}/submit`, { confirm: true }));
    res = await s.unitAdmin.post(`${unitUrl}/submit`, { confirm: true });
    expect(errorOf(res).message).toContain(`${name}（已上报）`);
    const r: UnitReport = ok(await s.unitAdmin.get(unitUrl));
    expect(r.notAccepted.map((x) => x.schoolName)).toEqual([name]);
    expect(r.can.submit).toBe(false);
    expect(await unitItems(s.unitAdmin)).toEqual([]);
    for (const x of [s.schoolAdmin, s.unit1, s.other]) expect((await x.post(`${unitUrl}/submit`, { confirm: true })).statusCode).toBe(404);
    expect((await s.countyLeader.post(`${unitUrl}/submit`, { confirm: true })).statusCode).toBe(403);
    expect((await s.unitAdmin.post(`${unitUrl}/submit`, {})).statusCode).toBe(400);
    // not before the month is over (November, on 4 November)
    const nov = `/api/monthly-reports/unit/${county.townships[0].unitId}/2026-11/submit`;
    expect(errorOf(await s.unitAdmin.post(nov, { confirm: true })).message).toBe('该月尚未结束，月底后再上报');
  });

  it('once every school is accepted: 待办 「上报乡镇月报」; submission freezes the consolidated sums, evented and audited', async () => {
    const [S1report] = (await (
      await getTestDatabase()
    ).db
      .select()
      .from(monthlyReports)
      .where(and(eq(monthlyReports.countyCode, county.countyCode), eq(monthlyReports.schoolId, S1)))) as { id: string }[];
    ok(await s.unitAdmin.post(`/api/monthly-reports/${S1report.id}/review`, { decision: 'accept', comment: '' }));
    const ready: UnitReport = ok(await s.unitAdmin.get(unitUrl));
    expect(ready.notAccepted).toEqual([]);
    expect(ready.can).toEqual({ prepare: true, submit: true, review: false });
    const todo = await unitItems(s.unitAdmin);
    expect(todo.map((i) => [i.kind, i.childName])).toEqual([['monthly_unit_report_submit', `${county.townships[0].name}中心校`]]);
    expect(todo[0].label).toContain('上报乡镇月报');
    expect(await unitItems(s.countyAdmin)).toEqual([]);

    const table: Consolidated = ok(await s.unitAdmin.get('/api/monthly-reports/consolidated?month=2026-10'));
    at('2026-11-04', '11:00');
    const r: UnitReport = ok(await s.unitAdmin.post(`${unitUrl}/submit`, { confirm: true }));
    expect(r).toMatchObject({
      status: 'submitted',
      statusLabel: '已上报',
      version: 1,
      outdated: false,
      submittedByName: county.users.unitAdmin.username,
    });
    expect(r.at).toBe(new Date('2026-11-04T11:00:00+08:00').toISOString());
    // the same sums the consolidation computes from the schools' frozen figures
    expect(r.figures).toEqual(table.total.figures);
    expect(r.schools.map((x) => x.frozenVersion)).toEqual([1, 1]);
    expect(r.can).toEqual({ prepare: false, submit: false, review: false });
    expect(r.events.map((e) => [e.action, e.actionLabel])).toEqual([['submit', '上报县教育局']]);
    expect(errorOf(await s.unitAdmin.post(`${unitUrl}/submit`, { confirm: true })).message).toBe('乡镇月报已上报，正等待县教育局接收');
    expect(await unitItems(s.unitAdmin)).toEqual([]);
    const { db } = await getTestDatabase();
    const audits = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.countyCode, county.countyCode), eq(auditEvents.action, 'monthly_unit_report.submitted')));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ targetType: 'monthly_report', targetId: r.id });
    expect(audits[0].data).toMatchObject({ unitId: county.townships[0].unitId, month: '2026-10', version: 1, schools: 2 });
  });
});

scopeCases('POST /api/monthly-reports/unit-reports/:id/review', () => {
  it('the county returns it with a comment, the 中心校 resubmits, the county accepts; nobody else may', async () => {
    const first: UnitReport = ok(await s.countyAdmin.get(unitUrl));
    const url = `/api/monthly-reports/unit-reports/${first.id}/review`;
    expect(first.can.review).toBe(true);
    // the county's 待办 and its table
    const todo = await unitItems(s.countyAdmin);
    expect(todo.map((i) => [i.kind, i.link])).toEqual([
      ['monthly_unit_report_review', `/reports/monthly/consolidated?month=2026-10&townshipCode=${county.townships[0].code}`],
    ]);
    const table: Consolidated = ok(await s.countyAdmin.get('/api/monthly-reports/consolidated?month=2026-10'));
    expect(table.rows.map((r) => r.unitReports.map((u) => u.statusLabel))).toEqual([['已上报'], ['未上报']]);
    expect(table.rows[0].unitReports[0].at).toBe(first.submittedAt);

    expect((await s.unitAdmin.post(url, { decision: 'accept', comment: '' })).statusCode).toBe(403);
    expect((await s.countyLeader.post(url, { decision: 'accept', comment: '' })).statusCode).toBe(403);
    for (const x of [s.schoolAdmin, s.unit1, s.other])
      expect((await x.post(url, { decision: 'accept', comment: '' })).statusCode).toBe(404);
    // a school report's review route does not take a unit report, nor this one a school report
    expect((await s.countyAdmin.post(`/api/monthly-reports/${first.id}/review`, { decision: 'accept', comment: '' })).statusCode).toBe(404);
    expect((await s.countyAdmin.post(url, { decision: 'return', comment: '' })).statusCode).toBe(400);

    let r: UnitReport = ok(await s.countyAdmin.post(url, { decision: 'return', comment: '请核对东镇第二小学的差额原因' }));
    expect(r).toMatchObject({ status: 'returned', statusLabel: '已退回', reviewComment: '请核对东镇第二小学的差额原因' });
    expect(errorOf(await s.countyAdmin.post(url, { decision: 'accept', comment: '' })).message).toBe('乡镇月报已退回，不在待接收状态');
    const back = await unitItems(s.unitAdmin);
    expect(back.map((i) => i.label)).toEqual(['上报乡镇月报：10月被县教育局退回（请核对东镇第二小学的差额原因），请重新上报']);
    expect(ok(await s.unitAdmin.get(unitUrl)).can.submit).toBe(true);

    at('2026-11-04', '14:00');
    r = ok(await s.unitAdmin.post(`${unitUrl}/submit`, { confirm: true }));
    expect(r).toMatchObject({ id: first.id, version: 1, status: 'submitted', reviewComment: null });
    r = ok(await s.countyAdmin.post(url, { decision: 'accept', comment: '' }));
    expect(r).toMatchObject({ status: 'accepted', statusLabel: '已接收' });
    expect(r.reviewedByName).toBeTruthy();
    expect(r.events.map((e) => e.action).sort()).toEqual(['accept', 'return', 'submit', 'submit']);
    expect(await unitItems(s.countyAdmin)).toEqual([]);
    expect(await unitItems(s.unitAdmin)).toEqual([]);
    const table2: Consolidated = ok(await s.countyAdmin.get('/api/monthly-reports/consolidated?month=2026-10'));
    expect(table2.rows[0].unitReports[0]).toMatchObject({ status: 'accepted', statusLabel: '已接收', at: r.reviewedAt });
    expect(await exportedUnitReports()).toEqual(['已接收', '未上报']);

    const { db } = await getTestDatabase();
    const events = await db
      .select()
      .from(monthlyReportEvents)
      .where(and(eq(monthlyReportEvents.countyCode, county.countyCode), eq(monthlyReportEvents.reportId, first.id!)));
    expect(events).toHaveLength(4);
    const audits = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.countyCode, county.countyCode), like(auditEvents.action, 'monthly_unit_report.%')));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'monthly_unit_report.accepted',
      'monthly_unit_report.returned',
      'monthly_unit_report.submitted',
      'monthly_unit_report.submitted',
    ]);
  });

  it('a school’s correction after acceptance makes it outdated: resubmitted as version 2 once the school is accepted again', async () => {
    ok(await s.schoolAdmin.post(`${schoolUrl(S0)}/corrections`, { reason: '补录一名学生的休学' }));
    let r: UnitReport = ok(await s.unitAdmin.get(unitUrl));
    expect(r).toMatchObject({ status: 'accepted', outdated: true, version: 1 });
    expect(r.notAccepted.map((x) => [x.schoolId, x.statusLabel])).toEqual([[S0, '待提交']]);
    expect(r.schools.find((x) => x.schoolId === S0)).toMatchObject({ version: 2, frozenVersion: 1 });
    expect(r.can.submit).toBe(false);
    const table: Consolidated = ok(await s.countyAdmin.get('/api/monthly-reports/consolidated?month=2026-10'));
    expect(table.rows[0].unitReports[0]).toMatchObject({ status: 'accepted', outdated: true });
    expect(await exportedUnitReports()).toEqual(['已接收（需重新上报）', '未上报']);

    await schoolAccepted(s.schoolAdmin, S0);
    expect((await unitItems(s.unitAdmin)).map((i) => i.label)).toEqual(['上报乡镇月报：10月有学校更正了月报，请重新上报']);
    r = ok(await s.unitAdmin.post(`${unitUrl}/submit`, { confirm: true }));
    const name = county.townships[0].schools[0].name;
    expect(r).toMatchObject({
      status: 'submitted',
      version: 2,
      currentVersion: 2,
      outdated: false,
      correctionReason: `学校月报已更正：${name}第 2 版`,
    });
    expect(r.schools.map((x) => x.frozenVersion)).toEqual([2, 1]);
    // version 1 stays as the county accepted it
    const { db } = await getTestDatabase();
    const versions = await db
      .select()
      .from(monthlyReports)
      .where(and(eq(monthlyReports.countyCode, county.countyCode), eq(monthlyReports.level, 'unit')));
    expect(versions.map((v) => [v.version, v.status]).sort()).toEqual([
      [1, 'accepted'],
      [2, 'submitted'],
    ]);

    // S1 corrects while version 2 waits: the county may return it but not accept it
    ok(await s.sa1.post(`${schoolUrl(S1)}/corrections`, { reason: '更正七年级在校人数' }));
    const url = `/api/monthly-reports/unit-reports/${r.id}/review`;
    expect(errorOf(await s.countyAdmin.post(url, { decision: 'accept', comment: '' })).message).toBe(
      '上报后有学校更正了月报，数据已变化，请退回中心校重新上报',
    );
    expect(ok(await s.countyAdmin.post(url, { decision: 'return', comment: '学校已更正，请重新上报' })).status).toBe('returned');
    expect(errorOf(await s.unitAdmin.post(`${unitUrl}/submit`, { confirm: true })).message).toContain('（待提交）');
  });
});

describe('the unit report in the tables', () => {
  it('a 中心校 with no report yet shows 未上报; a 局属 school of the township is not in the 中心校’s report', async () => {
    const { db } = await getTestDatabase();
    const t1 = county.townships[1];
    const moved = t1.schools[1].id;
    await db
      .update(schools)
      .set({ unitId: county.bureauId })
      .where(and(eq(schools.countyCode, county.countyCode), eq(schools.id, moved)));
    try {
      const table: Consolidated = ok(await s.countyAdmin.get('/api/monthly-reports/consolidated?month=2026-10'));
      const row = table.rows.find((r) => r.key === t1.code)!;
      // the township row still counts both schools; its 中心校's report covers one, the 局属 school reports directly
      expect(row.schools).toBe(2);
      expect(row.unitReports.map((u) => [u.unitId, u.status, u.schoolCount])).toEqual([[t1.unitId, 'not_submitted', 1]]);
      expect((await exportedUnitReports())[table.rows.indexOf(row)]).toBe('未上报；另有局属 1 所直报');
      const unit: UnitReport = ok(await s.unit1.get(`/api/monthly-reports/unit/${t1.unitId}/2026-10`));
      expect(unit.schools.map((x) => x.schoolId)).toEqual([t1.schools[0].id]);
      // the 中心校's own table (school rows) carries its report at the top level only
      const own: Consolidated = ok(await s.unit1.get('/api/monthly-reports/consolidated?month=2026-10'));
      expect(own.level).toBe('township');
      expect(own.unitReports.map((u) => u.unitId)).toEqual([t1.unitId]);
      expect(own.rows.every((r) => r.unitReports.length === 0)).toBe(true);
    } finally {
      await db
        .update(schools)
        .set({ unitId: t1.unitId })
        .where(and(eq(schools.countyCode, county.countyCode), eq(schools.id, moved)));
    }
  });
});
