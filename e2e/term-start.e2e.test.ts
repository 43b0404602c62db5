import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { addCalendarDays, isSchoolDay, type SchoolCalendar, type TermStartDto } from '@notoneless/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eBaseUrl } from './base-url';
import { apiLogin, passServerDays, resetServerClock } from './api';
import { DESKTOP, launch, loginAs, PHONE, shot, noSidewaysScroll } from './browser';
import { confirmModal } from './select';

/**
 * 开学报到核查 (seed 001: "开学第一天未报到的学生，学校要逐一登记、核实，第一周内完成"): the 班主任's reports of the first
 * days, then the school on a 375 px phone sees who was not reported present on the first day with the week since, and
 * after the week turns the one still 无故缺勤 into a 疑似辍学 case; the list downloads as XLSX. The 中心校 is not offered
 * 新建请假 (me.can['leave.enter']).
 */
const baseUrl = e2eBaseUrl();
let browser: Browser;
const errors: string[] = [];
let now: Date | undefined;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await resetServerClock(baseUrl);
});

async function open(username: string, viewport = DESKTOP): Promise<Page> {
  const phone = viewport === PHONE;
  const context = await browser.newContext({ viewport, isMobile: phone, hasTouch: phone, acceptDownloads: true });
  const page = await context.newPage();
  if (now) await page.clock.setSystemTime(now);
  page.on('pageerror', (e) => errors.push(`${username}: ${e.message}`));
  await loginAs(page, baseUrl, username);
  return page;
}

type Day = { children: { childId: string; name: string }[] };
const state: { absent?: string; sick?: string; firstDay?: string } = {};

describe('开学报到核查 (issue 6, item 4; seed 001)', () => {
  it('the school sees, on a 375 px phone, who was not reported on the first day and what the week says since', async () => {
    const teacher = await apiLogin(baseUrl, 'banzhuren');
    const principal = await apiLogin(baseUrl, 'xiaozhang');
    const me = await teacher.get<{ roles: { role: string; scopeId: string }[] }>('/api/auth/me');
    const classId = me.roles.find((r) => r.role === 'head_teacher')!.scopeId;
    let t = await principal.get<TermStartDto>('/api/attendance/term-start');
    expect(t.firstDay, '校历中应有已开始的学期').toBeTruthy();
    if (!t.weekOver) {
      const days = Math.ceil((Date.parse(`${t.verifyBy}T00:00:00Z`) - Date.now()) / 86_400_000) + 2;
      now = await passServerDays(baseUrl, days);
      t = await principal.get<TermStartDto>('/api/attendance/term-start');
    }
    expect(t.weekOver).toBe(true);
    const firstDay = t.firstDay!;
    const cal = (await teacher.get<{ calendar: SchoolCalendar }>('/api/settings')).calendar;
    const week: string[] = [];
    for (let d = firstDay; d <= t.verifyBy!; d = addCalendarDays(d, 1)) if (isSchoolDay(d, cal)) week.push(d);
    expect(week.length).toBeGreaterThan(1);

    const day = await teacher.get<Day>(`/api/attendance/classes/${classId}/day?date=${firstDay}`);
    const [absent, sick] = day.children;
    Object.assign(state, { absent: absent.name, sick: sick.name, firstDay });
    // the week's reports (the demo county has reports already: these replace them): one child absent without a reason
    // every day, the family not reached; another sick on the first day only, present since
    for (const d of week)
      await teacher.post('/api/attendance/reports', {
        classId,
        date: d,
        clientKey: `term-start-e2e-${d}`,
        absences: [
          { childId: absent.childId, reason: '无故缺勤', contactResult: '未联系上', note: '家长外出务工，电话未接通' },
          ...(d === firstDay ? [{ childId: sick.childId, reason: '病假' }] : []),
        ],
      });

    const page = await open('xiaozhang', PHONE);
    await page.goto(`${baseUrl}/attendance/term-start`);
    const window = page.getByTestId('term-start-window');
    await window.getByText(firstDay).waitFor();
    await window.getByText('核实期已过').waitFor();
    await page.getByText('第一天未上报的班级').waitFor();
    // the list of a whole school is long: the phone shows the first ones; each filter narrows it
    const showAll = async () => {
      const more = page.getByRole('button', { name: /展开全部/ });
      if (await more.count()) await more.click();
    };
    await page.locator('.ant-segmented').getByText('仍未核实', { exact: true }).click();
    await showAll();
    const absentCard = page.getByTestId('term-start-child').filter({ hasText: absent.name });
    await absentCard.waitFor();
    await expect(absentCard.textContent()).resolves.toMatch(/第一天无故缺勤.*无故缺勤·未联系上/);
    await expect(absentCard.textContent()).resolves.toContain('家长外出务工');
    await page.locator('.ant-segmented').getByText('已核实', { exact: true }).click();
    await showAll();
    const sickCard = page.getByTestId('term-start-child').filter({ hasText: sick.name });
    await sickCard.waitFor();
    await expect(sickCard.textContent()).resolves.toMatch(/第一天病假.*到校/);
    await page.locator('.ant-segmented').getByText('全部', { exact: true }).click();
    await noSidewaysScroll(page);
    await shot(page, 'term-start-phone');

    // after the week: the one still 无故缺勤 becomes a 疑似辍学 case, confirmed, the result links to it
    await page.getByRole('button', { name: '转为疑似辍学个案' }).click();
    const dialog = page.locator('.ant-modal-confirm');
    await dialog.getByText(absent.name).waitFor();
    await confirmModal(page, '确认转为个案');
    const result = page.getByTestId('term-start-result');
    await result.waitFor();
    await expect(result.textContent()).resolves.toMatch(/已建立 \d+ 个疑似辍学个案/);
    await noSidewaysScroll(page);
    await shot(page, 'term-start-cases-phone');
    await result.getByRole('link', { name: new RegExp(absent.name) }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.getByText(absent.name).first().waitFor();
    await page.close();
  });

  it('the term-start list downloads as XLSX with the county, the first day and the students', async () => {
    const page = await open('xiaozhang', DESKTOP);
    await page.goto(`${baseUrl}/attendance/term-start`);
    await page.getByTestId('term-start-children').getByText(state.absent!).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 XLSX/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`开学报到核查-${state.firstDay}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await file.path())!) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell(1, 1).value)).toMatch(/^荥阳市 开学第一天未报到学生核实名单$/);
    expect(String(ws.getCell(2, 1).value)).toContain(`开学第一天 ${state.firstDay}`);
    const names = Array.from({ length: ws.rowCount - 3 }, (_, i) => String(ws.getCell(i + 4, 1).value));
    expect(names).toEqual(expect.arrayContaining([state.absent, state.sick]));
    await shot(page, 'term-start-desktop');
    await page.close();
  });

  it('新建请假 is offered to the school, not to the 中心校 (me.can["leave.enter"])', async () => {
    const school = await open('xiaozhang', DESKTOP);
    await school.goto(`${baseUrl}/leave`);
    await school.getByRole('button', { name: '新建请假' }).waitFor();
    await school.close();
    const unit = await open('zhongxinxiao', DESKTOP);
    await unit.goto(`${baseUrl}/leave`);
    await unit.getByRole('heading', { name: '请假管理' }).waitFor();
    await unit.getByRole('button', { name: /导出 XLSX/ }).waitFor();
    expect(await unit.getByRole('button', { name: '新建请假' }).count()).toBe(0);
    await unit.close();
    expect(errors).toEqual([]);
  });
});
