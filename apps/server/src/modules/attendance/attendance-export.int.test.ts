import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { makeCounty, type CountyFixture } from '../../../test/factories';
import { grantRights } from '../../../test/case-work-fixtures';
import { login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';
import { at, setCalendar } from './attendance-test-support';

/**
 * XLSX exports of the daily watch (product.md: every list exports to XLSX; IDs masked; audited) and the capability
 * leave.enter (only a 班主任 or a school enters a leave).
 */

let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
const s: Record<string, Session> = {};
let cls: CountyFixture['townships'][0]['schools'][0]['classes'][0];
let countyName: string;

async function sheets(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename\*=UTF-8''/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb.worksheets;
}
const rowOf = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)));
const findRow = (ws: ExcelJS.Worksheet, text: string) => {
  for (let i = 4; i <= ws.rowCount; i++) if (rowOf(ws, i).includes(text)) return rowOf(ws, i);
  return undefined;
};
async function auditCount(action: string) {
  const res = await s.countyAdmin.get(`/api/audit?action=${action}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().total as number;
}

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  cls = county.townships[0].schools[0].classes[0];
  await grantRights(db, county.users.schoolAdmin.id, ['leave_principal']);
  for (const [k, u] of Object.entries(county.users)) s[k] = await login(app, u.username);
  s.other = await login(app, other.users.countyAdmin.username);
  await setCalendar(s.countyAdmin);
  countyName = (await s.countyAdmin.get('/api/auth/me')).json().countyName;
  expect(countyName).toBeTruthy();
  // three first-week days: children[0] absent without reason every day (an alert), children[1] sick on the first day
  const absent = cls.children[0];
  for (const d of ['01', '02', '03']) {
    at(`2026-09-${d}`, '08:30');
    const res = await s.headTeacher.post('/api/attendance/reports', {
      classId: cls.id,
      date: `2026-09-${d}`,
      clientKey: `export-${d}`,
      absences: [
        { childId: absent.id, reason: '无故缺勤', contactResult: '未联系上', note: '电话无人接听' },
        ...(d === '01' ? [{ childId: cls.children[1].id, reason: '病假' as const }] : []),
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const leave = await s.headTeacher.post('/api/leaves', {
    childId: cls.children[1].id,
    kind: '病假',
    from: '2026-09-04',
    to: '2026-09-04',
    reason: '发烧就医',
    guardianName: '导出测试家长',
    guardianPhone: '13812345678',
  });
  expect(leave.statusCode, leave.body).toBe(200);
});

scopeCases('GET /api/attendance/overview/export', () => {
  it('the classes of the day with their report and rate, and the children absent (IDs masked); audited', async () => {
    const before = await auditCount('attendance.overview_exported');
    const [classesSheet, absentSheet] = await sheets(await s.schoolAdmin.get('/api/attendance/overview/export?date=2026-09-03'));
    expect(String(classesSheet.getCell(1, 1).value)).toBe(`${countyName} 到校日报出勤总览（2026-09-03）`);
    const sub = String(classesSheet.getCell(2, 1).value);
    expect(sub).toContain(`导出人：`);
    expect(sub).toContain('导出日期：2026-09-03');
    expect(sub).toContain('日期：2026-09-03');
    expect(rowOf(classesSheet, 3)).toEqual([
      '学校',
      '年级',
      '班级',
      '上报情况',
      '未报班级班主任',
      '应到',
      '实到',
      '缺勤',
      '无故缺勤',
      '出勤率',
    ]);
    const mine = findRow(classesSheet, '已上报');
    expect(mine?.[0]).toBe(county.townships[0].schools[0].name);
    expect(mine?.[7]).toBe('1');
    expect(rowOf(absentSheet, 3).slice(0, 3)).toEqual(['姓名', '性别', '身份证号']);
    const child = findRow(absentSheet, cls.children[0].name);
    expect(child?.[2]).toMatch(/\*{8}/);
    expect(child?.slice(6, 9)).toEqual(['无故缺勤', '未联系上', '电话无人接听']);
    expect(await auditCount('attendance.overview_exported')).toBe(before + 1);
  });

  it('filters are named in the subtitle; a school filter outside the county shows nothing of ours; 403 for a liaison', async () => {
    const school = county.townships[0].schools[0];
    const [ws] = await sheets(await s.countyAdmin.get(`/api/attendance/overview/export?date=2026-09-03&schoolId=${school.id}`));
    expect(String(ws.getCell(2, 1).value)).toContain(`学校：${school.name}`);
    const [foreign, foreignAbsent] = await sheets(
      await s.other.get(`/api/attendance/overview/export?date=2026-09-03&schoolId=${school.id}`),
    );
    expect(String(foreign.getCell(2, 1).value)).toContain('学校：（不在本县）');
    expect(foreign.rowCount).toBe(4); // title, subtitle, headers, 合计 (no class of ours)
    expect(rowOf(foreign, 4).slice(0, 4)).toEqual(['合计', '', '', '0/0 已上报']);
    expect(foreignAbsent.rowCount).toBe(3);
    expect((await s.liaison.get('/api/attendance/overview/export')).statusCode).toBe(403);
    expect((await s.countyAdmin.get('/api/attendance/overview/export?date=x')).statusCode).toBe(400);
  });
});

scopeCases('GET /api/absence-alerts/export', () => {
  it('the alerts with the status filter; audited; another county gets an empty sheet; 403 for a liaison', async () => {
    const before = await auditCount('absence_alerts.exported');
    const [ws] = await sheets(await s.schoolAdmin.get('/api/absence-alerts/export?status=open'));
    expect(String(ws.getCell(1, 1).value)).toBe(`${countyName} 缺勤预警`);
    expect(String(ws.getCell(2, 1).value)).toContain('状态：待处理');
    expect(rowOf(ws, 3).slice(0, 6)).toEqual(['姓名', '性别', '学校', '班级', '预警规则', '天数']);
    const row = findRow(ws, cls.children[0].name);
    expect(row?.[4]).toBe('连续无故缺勤');
    expect(row?.[8]).toBe('待处理');
    expect(await auditCount('absence_alerts.exported')).toBe(before + 1);
    const [foreign] = await sheets(await s.other.get('/api/absence-alerts/export'));
    expect(foreign.rowCount).toBe(3);
    expect((await s.liaison.get('/api/absence-alerts/export')).statusCode).toBe(403);
    expect((await s.schoolAdmin.get('/api/absence-alerts/export?status=x')).statusCode).toBe(400);
  });
});

scopeCases('GET /api/leaves/export', () => {
  it('the leaves with the guardian phone masked; audited; another county gets an empty sheet; 403 for a liaison', async () => {
    const before = await auditCount('leaves.exported');
    const [ws] = await sheets(await s.headTeacher.get('/api/leaves/export?status=approved'));
    expect(String(ws.getCell(1, 1).value)).toBe(`${countyName} 学生请假登记`);
    expect(String(ws.getCell(2, 1).value)).toContain('状态：已批准');
    expect(rowOf(ws, 3).slice(0, 8)).toEqual(['姓名', '性别', '学校', '班级', '类型', '开始日期', '结束日期', '上学日天数']);
    const row = findRow(ws, cls.children[1].name);
    expect(row?.slice(4, 8)).toEqual(['病假', '2026-09-04', '2026-09-04', '1']);
    expect(row?.[11]).not.toContain('13812345678');
    expect(row?.[11]).toMatch(/\*/);
    expect(await auditCount('leaves.exported')).toBe(before + 1);
    const [foreign] = await sheets(await s.other.get('/api/leaves/export'));
    expect(foreign.rowCount).toBe(3);
    expect((await s.liaison.get('/api/leaves/export')).statusCode).toBe(403);
  });
});

scopeCases('GET /api/attendance/term-start/export', () => {
  it('the students not reported on the first day with the week since, and the classes with no report; audited', async () => {
    at('2026-09-03', '10:00');
    const before = await auditCount('attendance.term_start_exported');
    const [children, classes] = await sheets(await s.schoolAdmin.get('/api/attendance/term-start/export'));
    expect(String(children.getCell(1, 1).value)).toBe(`${countyName} 开学第一天未报到学生核实名单`);
    expect(String(children.getCell(2, 1).value)).toContain('开学第一天 2026-09-01，核实截止 2026-09-07');
    expect(rowOf(children, 3)).toEqual([
      '姓名',
      '性别',
      '学校',
      '年级',
      '班级',
      '第一天情况',
      '最近上报日期',
      '最近情况',
      '家长联系',
      '备注',
      '核实结果',
      '个案',
    ]);
    expect(findRow(children, cls.children[0].name)?.slice(5, 11)).toEqual([
      '无故缺勤',
      '2026-09-03',
      '无故缺勤',
      '未联系上',
      '电话无人接听',
      '仍未核实',
    ]);
    expect(findRow(children, cls.children[1].name)?.slice(5, 8)).toEqual(['病假', '2026-09-03', '到校']);
    expect(rowOf(classes, 3)).toEqual(['学校', '乡镇', '年级', '班级', '班主任']);
    // the school's other class (七年级) did not report on the first day; the class that did is not listed
    expect(classes.rowCount).toBe(4);
    expect(rowOf(classes, 4).slice(0, 4)).toEqual([county.townships[0].schools[0].name, county.townships[0].name, '七年级', '1班']);
    expect(await auditCount('attendance.term_start_exported')).toBe(before + 1);
    expect((await s.liaison.get('/api/attendance/term-start/export')).statusCode).toBe(403);
    const [foreign] = await sheets(await s.other.get('/api/attendance/term-start/export'));
    expect(foreign.rowCount).toBe(3);
  });

  it('the term-start list itself carries the latest contact and note', async () => {
    const t = (await s.schoolAdmin.get('/api/attendance/term-start')).json();
    expect(t.children.find((c: { childId: string }) => c.childId === cls.children[0].id)).toMatchObject({
      latestContactResult: '未联系上',
      latestNote: '电话无人接听',
      grade: cls.grade,
    });
  });
});

describe('capability leave.enter (the 新建请假 button)', () => {
  it('true for a 班主任 and a school, false for the 中心校 and the county — who are refused when they try', async () => {
    const can = async (k: string) => (await s[k].get('/api/auth/me')).json().can['leave.enter'];
    expect(await can('headTeacher')).toBe(true);
    expect(await can('schoolAdmin')).toBe(true);
    expect(await can('unitAdmin')).toBe(false);
    expect(await can('countyAdmin')).toBe(false);
    for (const k of ['unitAdmin', 'countyAdmin']) {
      const res = await s[k].post('/api/leaves', {
        childId: cls.children[0].id,
        kind: '事假',
        from: '2026-09-08',
        to: '2026-09-08',
        reason: '家中有事',
        guardianName: '家长',
      });
      expect(res.statusCode, k).toBe(403);
    }
  });
});
