import ExcelJS from 'exceljs';
import { uuidv7 } from 'uuidv7';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { getTestApp, getTestDatabase, testClock } from '../../../test/test-app';
import { makeCounty, type CountyFixture } from '../../../test/factories';
import { login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';
import { addReferral, grantRights, makeCase } from '../../../test/case-work-fixtures';
import { approvals, homeTeachingSessions } from '../../db/schema/index';

/** XLSX exports of the issue-5 lists (product.md: every list exports to XLSX): 审批, 转介办理, 送教上门. */

let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
let countyName: string;
const s: Record<string, Session> = {};

async function sheet(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb.worksheets[0];
}
const rowOf = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)));
const audits = async (action: string) => (await s.countyAdmin.get(`/api/audit?action=${action}`)).json().total as number;

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  const c = county.countyCode;
  await grantRights(db, county.users.countyAdmin.id, ['deferral_verify']);
  for (const [k, u] of Object.entries(county.users)) s[k] = await login(app, u.username);
  s.other = await login(app, other.users.countyAdmin.username);
  countyName = (await s.countyAdmin.get('/api/auth/me')).json().countyName;
  const cls = county.townships[0].schools[0].classes[0];
  // an application waiting on the county's 核实
  const deferred = await makeCase(db, c, cls.children[0]);
  await db.insert(approvals).values({
    countyCode: c,
    id: uuidv7(),
    type: 'deferral',
    caseId: deferred.id,
    childId: deferred.childId,
    requesterId: county.users.schoolAdmin.id,
    requesterName: '学校申请人',
    status: 'pending',
    data: { reason: '监护人申请延缓入学', fromDate: '2026-10-01', toDate: '2027-06-30' },
    createdAt: new Date('2026-09-20T10:00:00+08:00'),
  });
  // a referral to 公安
  await addReferral(db, c, deferred.id, '公安', county.users.schoolAdmin.id);
  // a child taught at home, one class hour this week (short of 1 × 2)
  const taught = await makeCase(db, c, cls.children[1], { status: 'home_teaching' });
  await db.insert(homeTeachingSessions).values({
    countyCode: c,
    id: uuidv7(),
    caseId: taught.id,
    childId: taught.childId,
    taughtOn: '2026-10-20',
    hours: 1,
    teacherName: '送教老师甲',
    content: '语文',
    recordedBy: county.users.headTeacher.id,
    recordedAt: new Date('2026-10-20T16:00:00+08:00'),
  });
  testClock.set('2026-10-21T10:00:00+08:00');
});

scopeCases('GET /api/approvals/export', () => {
  it('the 延缓入学/休学 applications with the filter, IDs masked; audited; another county sees none; 403 for a 班主任', async () => {
    const before = await audits('approvals.exported');
    const ws = await sheet(await s.countyAdmin.get('/api/approvals/export?status=pending'));
    expect(String(ws.getCell(1, 1).value)).toBe(`${countyName} 延缓入学/休学审批`);
    const sub = String(ws.getCell(2, 1).value);
    expect(sub).toContain('导出日期：2026-10-21');
    expect(sub).toContain('筛选条件：待我审批');
    expect(rowOf(ws, 3).slice(0, 5)).toEqual(['儿童', '身份证号', '学校', '乡镇', '申请类型']);
    const row = rowOf(ws, 4);
    expect(row[0]).toBe(county.townships[0].schools[0].classes[0].children[0].name);
    expect(row[1]).toMatch(/\*{8}/);
    expect(row.slice(5, 8)).toEqual(['2026-10-01', '2027-06-30', '监护人申请延缓入学']);
    expect(row[10]).toBe('审批中');
    expect(await audits('approvals.exported')).toBe(before + 1);
    expect((await sheet(await s.other.get('/api/approvals/export'))).rowCount).toBe(3);
    expect((await s.headTeacher.get('/api/approvals/export')).statusCode).toBe(403);
  });
});

scopeCases('GET /api/referrals/export', () => {
  it('the referrals with the status filter; audited; another county or village sees none; 401 without a session', async () => {
    const before = await audits('referrals.exported');
    const ws = await sheet(await s.liaison.get('/api/referrals/export?status=open'));
    expect(String(ws.getCell(1, 1).value)).toBe(`${countyName} 控辍保学转介办理`);
    expect(String(ws.getCell(2, 1).value)).toContain('筛选条件：状态：未办结');
    expect(rowOf(ws, 3).slice(0, 5)).toEqual(['儿童', '学校', '乡镇', '村（社区）', '转介部门']);
    expect(rowOf(ws, 4)[4]).toBe('公安');
    expect(rowOf(ws, 4)[9]).toBe('待接收');
    expect(await audits('referrals.exported')).toBe(before + 1);
    expect((await sheet(await s.other.get('/api/referrals/export'))).rowCount).toBe(3);
    // the village official of another village sees none of this case's referrals; no session → 401
    expect((await sheet(await s.villageOfficial.get('/api/referrals/export'))).rowCount).toBe(3);
    expect((await app.inject({ method: 'GET', url: '/api/referrals/export' })).statusCode).toBe(401);
    expect((await s.countyAdmin.get('/api/referrals/export?status=x')).statusCode).toBe(400);
  });
});

scopeCases('GET /api/home-teaching/export', () => {
  it('the children taught at home with the week against the setting, IDs masked; audited; another county none', async () => {
    const before = await audits('home_teaching.exported');
    const ws = await sheet(await s.schoolAdmin.get('/api/home-teaching/export?week=2026-10-19&shortOnly=true'));
    expect(String(ws.getCell(1, 1).value)).toBe(`${countyName} 送教上门名单`);
    const sub = String(ws.getCell(2, 1).value);
    expect(sub).toContain('周次：2026-10-19 至 2026-10-25');
    expect(sub).toContain('仅本周未达标');
    expect(rowOf(ws, 3).slice(7, 12)).toEqual(['本周送教次数', '本周课时', '要求', '是否达标', '不足之处']);
    const row = rowOf(ws, 4);
    expect(row[0]).toBe(county.townships[0].schools[0].classes[0].children[1].name);
    expect(row[1]).toMatch(/\*{8}/);
    expect(row.slice(7, 11)).toEqual(['1', '1', '1 次 / 2 课时', '未达标']);
    expect(row[13]).toBe('送教老师甲');
    expect(await audits('home_teaching.exported')).toBe(before + 1);
    expect((await sheet(await s.other.get('/api/home-teaching/export'))).rowCount).toBe(3);
    expect((await s.liaison.get('/api/home-teaching/export')).statusCode).toBe(403);
    expect((await s.schoolAdmin.get('/api/home-teaching/export?week=x')).statusCode).toBe(400);
  });
});
