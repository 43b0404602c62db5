import path from 'node:path';
import ExcelJS from 'exceljs';
import { shanghaiToday, type Consolidated, type MonthlyReport } from '@notoneless/shared';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eBaseUrl } from './base-url';
import { apiLogin } from './api';
import { DESKTOP, launch, loginAs, PHONE, settledShot as shot, SHOTS, noSidewaysScroll } from './browser';
import { demoSampleMonth } from '../apps/server/src/db/seed/demo-year';

/**
 * Issue 7's journey: a month's 月报 of the principal's school (the demo history's month with movements that is over:
 * October in 2026—2027; demoSampleMonth) is computed, explained, submitted; its 中心校
 * returns it with a comment, the school resubmits, the 中心校 accepts; the county reads the consolidated table and
 * downloads the 汇总表. Every figure on screen is checked against the API's.
 */
const baseUrl = e2eBaseUrl();
const MONTH = demoSampleMonth(shanghaiToday(new Date()));
const [YEAR, MON] = [MONTH.slice(0, 4), Number(MONTH.slice(5))];
const QUARTER = Math.ceil(MON / 3);
let browser: Browser;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Api = Awaited<ReturnType<typeof apiLogin>>;
const state: { school?: Api; unit?: Api; schoolId?: string; reportPath?: string; explainedChild?: string } = {};

const num = (n: number) => new Intl.NumberFormat('zh-CN').format(n);
/** The drill-down route takes the report's id, or `<schoolId>_<month>` while there is no report row yet. */
const drillId = (r: MonthlyReport) => r.id ?? `${r.schoolId}_${r.month}`;

async function open(username: string, viewport = DESKTOP): Promise<Page> {
  const phone = viewport === PHONE;
  const context = await browser.newContext({ viewport, isMobile: phone, hasTouch: phone, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${username}: ${e.message}`));
  await loginAs(page, baseUrl, username);
  return page;
}

async function report(api: Api): Promise<MonthlyReport> {
  return api.get<MonthlyReport>(state.reportPath!);
}

/** The headline figures and the grade table on the page equal the API's report. */
async function expectFiguresShown(page: Page, r: MonthlyReport) {
  const stat = (title: string) => page.locator(`[data-stat="${title}"]`);
  await expect.poll(() => stat('在籍学生数').innerText()).toBe(num(r.figures.enrolled.count));
  expect(await stat('实际在校生数').innerText()).toBe(num(r.figures.attending.count));
  expect(await stat('人籍差额').innerText()).toBe(num(r.figures.gap));
  expect(await stat('未说明').innerText()).toBe(num(r.figures.unexplained.count));
  const rows = page.getByTestId('grade-table').locator('tbody tr.ant-table-row');
  expect(await rows.count()).toBe(r.figures.byGrade.length);
  for (const [i, g] of r.figures.byGrade.entries()) {
    const cells = await rows.nth(i).locator('td').allInnerTexts();
    expect(cells.map((c) => c.trim())).toEqual([g.gradeLabel, num(g.enrolled.count), num(g.attending.count), num(g.gap)]);
  }
  const causes = page.getByTestId('gap-causes').locator('tbody tr.ant-table-row');
  for (const [i, c] of r.figures.gapCauses.entries()) {
    expect((await causes.nth(i).locator('td').allInnerTexts()).map((t) => t.trim())).toEqual([c.label, num(c.count)]);
  }
}

async function confirmModal(page: Page, button: string): Promise<Locator> {
  const modal = page.locator('.ant-modal:visible');
  await modal.waitFor();
  await modal.getByRole('button', { name: button }).click();
  return modal;
}

describe('月报 journey (issue 7): school → 中心校 → county', () => {
  it('the school opens the month’s report, sees the figures, explains a child and submits', async () => {
    const school = await apiLogin(baseUrl, 'xiaozhang');
    const me = await school.get<{ roles: { role: string; scopeId: string }[] }>('/api/auth/me');
    const schoolId = me.roles.find((r) => r.role === 'school_admin')!.scopeId;
    Object.assign(state, { school, schoolId, reportPath: `/api/monthly-reports/school/${schoolId}/${MONTH}` });
    const list = await school.get<{ items: { schoolId: string; schoolName: string; status: string }[] }>(
      `/api/monthly-reports?month=${MONTH}`,
    );
    const mine = list.items.find((i) => i.schoolId === schoolId)!;
    expect(mine).toBeTruthy();

    // a child of the principal's class absent without a reason on the month's 统计时点: in the gap, no cause explains
    const classId = me.roles.find((r) => r.role === 'head_teacher')!.scopeId;
    const asOf = (await report(school)).figures.asOf;
    const day = await school.get<{ children: { childId: string; name: string }[] }>(`/api/attendance/classes/${classId}/day?date=${asOf}`);
    const absent = day.children[3];
    await school.post('/api/attendance/reports', {
      classId,
      date: asOf,
      absences: [{ childId: absent.childId, reason: '无故缺勤', contactResult: '已联系上' }],
      clientKey: 'monthly-report-e2e-1',
    });

    const page = await open('xiaozhang');
    await page.goto(`${baseUrl}/reports/monthly?month=${MONTH}`);
    const link = page.getByTestId('report-list').getByRole('link', { name: mine.schoolName });
    await link.waitFor();
    await shot(page, 'monthly-list-school-1366');
    await link.click();
    await page.waitForURL(`**/reports/monthly/school/${schoolId}/${MONTH}`);
    await page.getByTestId('headline').waitFor();

    let r = await report(school);
    expect(r.figuresSource).toBe('live');
    expect(r.figures.enrolled.count).toBeGreaterThan(0);
    await page.getByTestId('report-state').getByText(`数据截至 ${r.figures.asOf}`).waitFor();
    await expectFiguresShown(page, r);

    // a figure opens the children behind it, as many as it counts
    const cause = [...r.figures.gapCauses, r.figures.enrolled].find((f) => f.count > 0)!;
    await page.locator(`[data-figure="${cause.key}"]`).first().click();
    const drawer = page.locator('.ant-drawer:visible');
    await drawer.getByTestId('drill-down-list').waitFor();
    const drill = await school.get<{ items: unknown[] }>(`/api/monthly-reports/${drillId(r)}/figures/${cause.key}/children`);
    expect(drill.items.length).toBe(cause.count);
    expect(await drawer.locator('.ant-list-item').count()).toBe(Math.min(50, cause.count)); // 50 a page
    await shot(page, 'monthly-drill-down-1366');
    await drawer.locator('.ant-drawer-close').click();

    // the school explains one unexplained child (counted as 其他 afterwards) and writes a note
    const rows = page.getByTestId('explain-row');
    const unexplainedBefore = r.figures.unexplained.count;
    const otherBefore = r.figures.gapCauses.find((c) => c.cause === 'other')!.count;
    expect(unexplainedBefore).toBeGreaterThanOrEqual(1);
    const drillUn = await school.get<{ items: { childId: string; name: string }[] }>(
      `/api/monthly-reports/${drillId(r)}/figures/gap.unexplained/children`,
    );
    expect(drillUn.items.map((c) => c.childId)).toContain(absent.childId);
    const row = rows.filter({ hasText: absent.name }).first();
    await row.getByRole('textbox').fill('随父母在外地务工地就读，已电话核实');
    state.explainedChild = absent.childId;
    await page.getByRole('textbox', { name: '本月情况说明' }).fill('本月数据已与到校日报核对。');
    await page.getByRole('button', { name: '保存说明' }).click();
    await page.locator('.ant-message').getByText('说明已保存').waitFor();
    r = await report(school);
    expect(r.explanations.note).toBe('本月数据已与到校日报核对。');
    expect(r.explanations.children[absent.childId]).toBe('随父母在外地务工地就读，已电话核实');
    expect(r.figures.unexplained.count).toBe(unexplainedBefore - 1);
    expect(r.figures.gapCauses.find((c) => c.cause === 'other')!.count).toBe(otherBefore + 1);
    await expectFiguresShown(page, r);
    // the explained child stays listed with the school's words, no longer 未说明
    const explainedRow = page.getByTestId('explain-row').filter({ hasText: absent.name });
    await expect.poll(() => explainedRow.getByRole('textbox').inputValue()).toBe('随父母在外地务工地就读，已电话核实');
    expect(await explainedRow.getByText('未说明').count()).toBe(0);
    await shot(page, 'monthly-report-draft-1366');

    await page.getByTestId('report-actions').getByRole('button', { name: '上报' }).click();
    await confirmModal(page, '确认上报');
    await page.getByTestId('report-state').getByText('已上报，数据已冻结').waitFor();
    r = await report(school);
    expect(r.status).toBe('submitted');
    expect(r.figuresSource).toBe('frozen');
    expect(r.submittedByName).toBeTruthy();
    await expectFiguresShown(page, r);
    await page.getByTestId('explanations').getByText('随父母在外地务工地就读，已电话核实').waitFor();
    await shot(page, 'monthly-report-submitted-1366');
    const sheet = page.waitForEvent('download');
    await page.getByTestId('report-actions').getByRole('button', { name: '导出月报表' }).click();
    expect((await sheet).suggestedFilename()).toMatch(new RegExp(`^${mine.schoolName}${YEAR}年${MON}月.*月报表\\.xlsx$`));
    await page.context().close();

    // the same report and the list on a phone
    const phone = await open('xiaozhang', PHONE);
    await phone.goto(`${baseUrl}/reports/monthly?month=${MONTH}`);
    await phone.getByTestId('report-card').first().waitFor();
    await noSidewaysScroll(phone);
    await shot(phone, 'monthly-list-school-375');
    await phone.goto(`${baseUrl}/reports/monthly/school/${schoolId}/${MONTH}`);
    await phone.getByTestId('headline').waitFor();
    await expectFiguresShown(phone, r);
    await noSidewaysScroll(phone);
    await shot(phone, 'monthly-report-375');
    await phone.locator('[data-figure="enrolled"]').first().click();
    const phoneDrawer = phone.locator('.ant-drawer:visible');
    await phoneDrawer.getByTestId('drill-down-list').waitFor();
    await phoneDrawer.getByText(`在籍学生数（${num(r.figures.enrolled.count)} 人）`).waitFor();
    expect(await phoneDrawer.locator('.ant-list-item').count()).toBe(Math.min(50, r.figures.enrolled.count)); // 50 a page
    await noSidewaysScroll(phone);
    await phone.screenshot({ path: path.join(SHOTS, 'monthly-drill-down-375.png') });
    await phone.context().close();
  });

  it('the 中心校 returns it with a comment; the school resubmits; the 中心校 accepts', async () => {
    const unit = await apiLogin(baseUrl, 'zhongxinxiao');
    state.unit = unit;
    const path = `${baseUrl}/reports/monthly/school/${state.schoolId}/${MONTH}`;

    let page = await open('zhongxinxiao');
    await page.goto(`${baseUrl}/reports/monthly?month=${MONTH}`);
    await page.getByTestId('report-list').locator('tbody tr.ant-table-row').first().waitFor();
    // the status counts and the school's row are the API's
    const list = await unit.get<{
      counts: Record<string, number>;
      items: { schoolId: string; schoolName: string; enrolled: number | null; attending: number | null; gap: number | null }[];
    }>(`/api/monthly-reports?month=${MONTH}`);
    expect(list.counts.submitted).toBeGreaterThanOrEqual(1);
    for (const [label, count] of [
      ['已上报', list.counts.submitted],
      ['未填报', list.counts.not_started],
    ] as const) {
      const card = page.getByTestId('status-counts').locator('.ant-card', { hasText: label });
      await expect.poll(() => card.locator('.ant-statistic-content').innerText()).toBe(num(count));
    }
    const item = list.items.find((i) => i.schoolId === state.schoolId)!;
    const cells = (await page.getByTestId('report-list').locator('tr', { hasText: item.schoolName }).locator('td').allInnerTexts()).map(
      (t) => t.trim(),
    );
    expect(cells[2]).toContain('已上报');
    expect(cells.slice(5, 8)).toEqual([num(item.enrolled!), num(item.attending!), num(item.gap!)]);
    await shot(page, 'monthly-list-unit-1366');
    await page.goto(path);
    await page.getByTestId('headline').waitFor();
    await expectFiguresShown(page, await report(unit));
    await page.getByTestId('report-actions').getByRole('button', { name: '退回' }).click();
    const modal = await confirmModal(page, '确认退回');
    await modal.getByText('退回时请写明原因').waitFor(); // the comment is required
    await modal.getByRole('textbox', { name: '退回原因' }).fill('请核对七年级在校人数与到校日报是否一致');
    await modal.getByRole('button', { name: '确认退回' }).click();
    await page.getByTestId('report-state').getByText('已退回：请核对七年级在校人数与到校日报是否一致').waitFor();
    let r = await report(unit);
    expect(r.status).toBe('returned');
    expect(r.reviewComment).toBe('请核对七年级在校人数与到校日报是否一致');
    await page.context().close();

    page = await open('xiaozhang');
    await page.goto(path);
    await page.getByTestId('report-state').getByText('已退回：请核对七年级在校人数与到校日报是否一致').waitFor();
    await shot(page, 'monthly-report-returned-1366');
    await page.getByTestId('report-actions').getByRole('button', { name: '上报' }).click();
    await confirmModal(page, '确认上报');
    await page.getByTestId('report-state').getByText('已上报，数据已冻结').waitFor();
    expect((await report(state.school!)).status).toBe('submitted');
    await page.context().close();

    page = await open('zhongxinxiao');
    await page.goto(path);
    await page.getByTestId('report-actions').getByRole('button', { name: '审核通过' }).click();
    await confirmModal(page, '审核通过');
    await page.locator('.ant-message').getByText('已审核通过').waitFor();
    r = await report(unit);
    expect(r.status).toBe('accepted');
    expect(r.reviewedByName).toBeTruthy();
    const history = page.getByTestId('report-events');
    for (const e of r.events) await history.getByText(e.actionLabel).first().waitFor();
    expect(r.events.length).toBeGreaterThanOrEqual(4); // submit, return, submit, accept
    await expectFiguresShown(page, r);
    await shot(page, 'monthly-report-accepted-1366');
    await page.context().close();

    // the 中心校's consolidated table (school rows) on a phone
    const phone = await open('zhongxinxiao', PHONE);
    await phone.goto(`${baseUrl}/reports/monthly/consolidated?month=${MONTH}`);
    await phone.getByTestId('consolidated-total').waitFor();
    await noSidewaysScroll(phone);
    await shot(phone, 'monthly-consolidated-unit-375');
    await phone.context().close();
  });

  it('the county sees the consolidated table with the township and downloads the 汇总表', async () => {
    const county = await apiLogin(baseUrl, 'admin');
    const data = await county.get<Consolidated>(`/api/monthly-reports/consolidated?month=${MONTH}`);
    const r = await report(county);
    const townshipRow = data.rows.find((row) => row.name === r.townshipName)!;
    expect(townshipRow).toBeTruthy();
    expect(data.level).toBe('county');

    const page = await open('admin');
    await page.goto(`${baseUrl}/reports/monthly/consolidated?month=${MONTH}`);
    const table = page.getByTestId('consolidated-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const rows = table.locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBe(data.rows.length + 1);
    const row = rows.filter({ hasText: r.townshipName }).first();
    const cells = (await row.locator('td').allInnerTexts()).map((t) => t.trim());
    expect(cells[0]).toBe(r.townshipName);
    expect(cells.slice(2, 5)).toEqual([
      num(townshipRow.figures.enrolled.count),
      num(townshipRow.figures.attending.count),
      num(townshipRow.figures.gap),
    ]);
    const total = (await rows.last().locator('td').allInnerTexts()).map((t) => t.trim());
    expect(total[0]).toBe(data.total.name);
    expect(total.slice(2, 5)).toEqual([
      num(data.total.figures.enrolled.count),
      num(data.total.figures.attending.count),
      num(data.total.figures.gap),
    ]);
    await shot(page, 'monthly-consolidated-county-1366');

    // the demo's sample month has movements (cases reported, confirmed and returned in the month)
    const movement = (key: string) => data.total.figures.movements.find((m) => m.key === key)!;
    for (const key of ['newSuspected', 'newDropouts', 'returned']) expect(movement(key).count, key).toBeGreaterThan(0);
    // each figure drills down to the children behind it: the township's 在籍, and the county's 本月劝返复学
    await row.locator('[data-figure="enrolled"]').click();
    const drawer = page.locator('.ant-drawer:visible');
    await drawer.getByText(`${r.townshipName} · 在籍学生数（${num(townshipRow.figures.enrolled.count)} 人）`).waitFor();
    await drawer.getByTestId('drill-down-list').waitFor();
    expect(await drawer.locator('.ant-list-item').count()).toBe(Math.min(townshipRow.figures.enrolled.count, 50));
    expect(await drawer.locator('.ant-list-item').first().innerText()).toMatch(/\*/); // ID numbers masked
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    const returned = movement('returned');
    const drill = await county.get<{ count: number; items: { childId: string }[] }>(
      `/api/monthly-reports/consolidated/figures/returned/children?month=${MONTH}`,
    );
    expect(drill.count).toBe(returned.count);
    await rows.last().locator('[data-figure="returned"]').click();
    await page
      .locator('.ant-drawer:visible')
      .getByText(`本月劝返复学（${num(returned.count)} 人）`)
      .waitFor();
    await page.locator('.ant-drawer:visible').getByTestId('drill-down-list').waitFor();
    expect(await page.locator('.ant-drawer:visible .ant-list-item').count()).toBe(Math.min(returned.count, 50));
    await shot(page, 'monthly-consolidated-drill-down-1366');
    await page.locator('.ant-drawer:visible .ant-drawer-close').click();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出汇总表' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await file.path());
    const sheet = book.worksheets[0];
    const texts: string[][] = [];
    sheet.eachRow((xr) => texts.push((xr.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    const flat = texts.map((t) => t.join('|')).join('\n');
    expect(flat).toContain('汇总');
    expect(flat).toMatch(new RegExp(`${YEAR}\\s*年\\s*${MON}\\s*月|${MONTH}`));
    expect(flat).toContain(r.townshipName);
    const totalRow = texts.find((t) => t.some((v) => v.includes('合计')))!;
    expect(totalRow).toBeTruthy();
    expect(totalRow).toContain(String(data.total.figures.enrolled.count));

    const quarterly = page.waitForEvent('download');
    await page.getByRole('button', { name: `导出${YEAR}年第${'一二三四'[QUARTER - 1]}季度汇总` }).click();
    expect((await quarterly).suggestedFilename()).toMatch(new RegExp(`${YEAR}年第${QUARTER}季度.*\\.xlsx$`));
    await page.context().close();

    const phone = await open('admin', PHONE);
    await phone.goto(`${baseUrl}/reports/monthly/consolidated?month=${MONTH}`);
    await phone.getByTestId('consolidated-total').waitFor();
    await noSidewaysScroll(phone);
    await shot(phone, 'monthly-consolidated-county-375');
    await phone.context().close();
  });

  it('the school corrects the accepted report: a new version with its reason, computed live again', async () => {
    const page = await open('xiaozhang');
    await page.goto(`${baseUrl}/reports/monthly/school/${state.schoolId}/${MONTH}`);
    await page.getByTestId('report-actions').getByRole('button', { name: '更正' }).click();
    const modal = await confirmModal(page, '生成更正版本');
    await modal.getByText('请写明更正原因').waitFor();
    await modal.getByRole('textbox', { name: '更正原因' }).fill('月末缺勤学生情况核实有误');
    await modal.getByRole('button', { name: '生成更正版本' }).click();
    await page.getByText('第 2 版为更正版本：月末缺勤学生情况核实有误').waitFor();
    const r = await report(state.school!);
    expect(r.version).toBe(2);
    expect(r.figuresSource).toBe('live');
    expect(r.versions.map((v) => v.version).sort()).toEqual([1, 2]);
    const versions = page.getByTestId('report-versions');
    await versions.getByText('第 2 版').waitFor();
    await versions.getByText('第 1 版').waitFor();
    await page.getByTestId('report-state').getByText(`数据截至 ${r.figures.asOf}`).waitFor();
    await expectFiguresShown(page, r);
    await shot(page, 'monthly-report-correction-1366');

    // the earlier version as it was: its frozen figures, a banner, no actions
    await versions.getByRole('link', { name: /第 1 版/ }).click();
    await page.waitForURL(/\?version=1$/);
    await page.getByTestId('superseded-banner').getByText('您正在查看第 1 版（已被第 2 版更正）').waitFor();
    const v1 = await state.school!.get<MonthlyReport>(`${state.reportPath}?version=1`);
    expect(v1).toMatchObject({ version: 1, supersededBy: 2, status: 'accepted', figuresSource: 'frozen' });
    await expectFiguresShown(page, v1);
    expect(await page.getByTestId('report-actions').getByRole('button').count()).toBe(0);
    await shot(page, 'monthly-report-version-1-1366');
    await page
      .getByTestId('superseded-banner')
      .getByRole('link', { name: /查看当前版本/ })
      .click();
    await page.getByText('第 2 版为更正版本：月末缺勤学生情况核实有误').waitFor();
    await page.context().close();
    expect(errors).toEqual([]);
  });
});
