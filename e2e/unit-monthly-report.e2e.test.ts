import { shanghaiToday, type Consolidated, type MonthlyReport, type UnitReport } from '@notoneless/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eBaseUrl } from './base-url';
import { apiLogin, type Api } from './api';
import { DESKTOP, launch, loginAs, PHONE, settledShot as shot, noSidewaysScroll } from './browser';
import { demoSampleMonth } from '../apps/server/src/db/seed/demo-year';

/**
 * (The 待办 of the unit report are for last month, which the demo's sample month need not be: the integration tests
 * check them.)
 * 乡镇月报 (seed 002 二: 各乡镇中心校…每月上报): the demo 中心校 (zhongxinxiao) sees its own report to the county wait for
 * its schools, accepts the last school's report, submits the township's month to the county with one click (nothing
 * typed: the schools' frozen figures are summed), and the county (admin) sees it in its table and accepts it.
 */
const baseUrl = e2eBaseUrl();
const MONTH = demoSampleMonth(shanghaiToday(new Date()));
const PASSWORD = 'Demo2026x';
let browser: Browser;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const state: { unit?: Api; county?: Api; unitId?: string; lastSchool?: { id: string; name: string; reportId: string } } = {};

/** A school submits its month, explaining each child the platform cannot explain (as a school would). */
async function submitSchool(school: Api, schoolId: string): Promise<MonthlyReport> {
  const path = `/api/monthly-reports/school/${schoolId}/${MONTH}`;
  const r = await school.get<MonthlyReport>(path);
  if (r.figures.unexplained.count > 0) {
    const drill = await school.get<{ items: { childId: string }[] }>(
      `/api/monthly-reports/${r.id ?? `${schoolId}_${MONTH}`}/figures/gap.unexplained/children`,
    );
    await school.put(`${path}/explanations`, {
      note: r.explanations.note,
      children: { ...r.explanations.children, ...Object.fromEntries(drill.items.map((i) => [i.childId, '已电话核实，随父母外出'])) },
    });
  }
  return school.post<MonthlyReport>(`${path}/submit`, { confirm: true });
}

async function open(username: string, viewport = DESKTOP): Promise<Page> {
  const phone = viewport === PHONE;
  const context = await browser.newContext({ viewport, isMobile: phone, hasTouch: phone });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${username}: ${e.message}`));
  await loginAs(page, baseUrl, username);
  return page;
}

async function confirmModal(page: Page, button: string) {
  const modal = page.locator('.ant-modal:visible');
  await modal.waitFor();
  await modal.getByRole('button', { name: button }).click();
  return modal;
}

const unitReport = () => state.unit!.get<UnitReport>(`/api/monthly-reports/unit/${state.unitId}/${MONTH}`);

describe('乡镇月报 journey: schools accepted → 中心校 上报县教育局 → county 接收', () => {
  it('every school but one is in and accepted; the 中心校 sees its report wait for the last school', async () => {
    const county = await apiLogin(baseUrl, 'admin');
    const unit = await apiLogin(baseUrl, 'zhongxinxiao');
    const me = await unit.get<{ roles: { role: string; scopeId: string }[] }>('/api/auth/me');
    const unitId = me.roles.find((r) => r.role === 'unit_admin')!.scopeId;
    Object.assign(state, { unit, county, unitId });
    const principal = await apiLogin(baseUrl, 'xiaozhang');
    const ownSchool = (await principal.get<{ roles: { role: string; scopeId: string }[] }>('/api/auth/me')).roles.find(
      (r) => r.role === 'school_admin',
    )!.scopeId;

    const before = await unitReport();
    expect(before).toMatchObject({ status: 'not_submitted', statusLabel: '未上报' });
    expect(before.schools.length).toBeGreaterThan(1);
    expect(before.can).toMatchObject({ prepare: true, submit: false });
    // each school's head submits (an account for each school but the principal's), the 中心校 accepts all but the last
    for (const [i, s] of before.schools.entries()) {
      let school: Api;
      if (s.schoolId === ownSchool) school = principal;
      else {
        const username = `e2e.unit.sa${i}`;
        await county.post('/api/users', {
          username,
          displayName: `${s.schoolName}校长`,
          password: PASSWORD,
          roles: [{ role: 'school_admin', scopeKind: 'school', scopeId: s.schoolId }],
        });
        school = await apiLogin(baseUrl, username, PASSWORD);
      }
      const submitted = await submitSchool(school, s.schoolId);
      if (i < before.schools.length - 1)
        await unit.post(`/api/monthly-reports/${submitted.id}/review`, { decision: 'accept', comment: '' });
      else state.lastSchool = { id: s.schoolId, name: s.schoolName, reportId: submitted.id! };
    }
    const waiting = await unitReport();
    expect(waiting.notAccepted.map((s) => [s.schoolName, s.statusLabel])).toEqual([[state.lastSchool!.name, '已上报']]);
    expect(waiting.can.submit).toBe(false);

    // the 中心校's page: its report to the county, waiting for the one school, on a desktop and a phone
    const page = await open('zhongxinxiao');
    await page.goto(`${baseUrl}/reports/monthly?month=${MONTH}`);
    const card = page.getByTestId('unit-report-card');
    await card.getByTestId('unit-report-waiting').getByText(`${state.lastSchool!.name} · 已上报`).waitFor();
    await card.getByText('未上报').first().waitFor();
    expect(await card.getByRole('button', { name: '上报县教育局' }).isDisabled()).toBe(true);
    await shot(page, 'unit-report-waiting-1366');
    await page.context().close();
    const phone = await open('zhongxinxiao', PHONE);
    await phone.goto(`${baseUrl}/reports/monthly?month=${MONTH}`);
    await phone.getByTestId('unit-report-waiting').waitFor();
    await noSidewaysScroll(phone);
    await shot(phone, 'unit-report-waiting-375');
    await phone.context().close();
  });

  it('the 中心校 accepts the last school and submits the township to the county: the frozen sums of its schools', async () => {
    const page = await open('zhongxinxiao');
    await page.goto(`${baseUrl}/reports/monthly/school/${state.lastSchool!.id}/${MONTH}`);
    await page.getByTestId('report-actions').getByRole('button', { name: '审核通过' }).click();
    await confirmModal(page, '审核通过');
    await page.locator('.ant-message').getByText('已审核通过').waitFor();

    await page.goto(`${baseUrl}/reports/monthly?month=${MONTH}`);
    const card = page.getByTestId('unit-report-card');
    const submit = card.getByRole('button', { name: '上报县教育局' });
    await expect.poll(() => submit.isEnabled()).toBe(true);
    expect(await card.getByTestId('unit-report-waiting').count()).toBe(0);
    await submit.click();
    await confirmModal(page, '确认上报');
    await page.locator('.ant-message').getByText('已上报县教育局').waitFor();
    await card.getByText('已上报').first().waitFor();
    const r = await unitReport();
    expect(r).toMatchObject({ status: 'submitted', version: 1, outdated: false });
    // nothing re-typed: the sums of the schools' frozen figures, as the 中心校's consolidated table has them
    const table = await state.unit!.get<Consolidated>(`/api/monthly-reports/consolidated?month=${MONTH}`);
    expect(table.pendingSchools).toEqual([]);
    expect(r.figures).toEqual(table.total.figures);
    const figures = card.getByTestId('unit-report-figures');
    await expect.poll(() => figures.innerText()).toContain(new Intl.NumberFormat('zh-CN').format(r.figures!.enrolled.count));
    await shot(page, 'unit-report-submitted-1366');
    await page.context().close();

    const phone = await open('zhongxinxiao', PHONE);
    await phone.goto(`${baseUrl}/reports/monthly?month=${MONTH}`);
    await phone.getByTestId('unit-report-figures').waitFor();
    await noSidewaysScroll(phone);
    await shot(phone, 'unit-report-submitted-375');
    await phone.context().close();
  });

  it('the county sees 已上报 in its table, opens the township and accepts it', async () => {
    const r = await unitReport();
    const data = await state.county!.get<Consolidated>(`/api/monthly-reports/consolidated?month=${MONTH}`);
    const row = data.rows.find((x) => x.unitReports.some((u) => u.unitId === state.unitId))!;
    expect(row.unitReports.find((u) => u.unitId === state.unitId)).toMatchObject({ status: 'submitted', at: r.submittedAt });

    const page = await open('admin');
    await page.goto(`${baseUrl}/reports/monthly/consolidated?month=${MONTH}`);
    const tableRow = page.getByTestId('consolidated-table').locator('tbody tr.ant-table-row').filter({ hasText: row.name }).first();
    await tableRow.getByTestId('unit-report-tag').getByText('已上报').waitFor();
    // the township's 局属 schools (if any) report to the county directly: not in the 中心校's report
    const direct = row.schools - row.unitReports.reduce((k, u) => k + u.schoolCount, 0);
    expect(await tableRow.getByTestId('direct-schools').count()).toBe(direct > 0 ? 1 : 0);
    if (direct > 0) expect(await tableRow.getByTestId('direct-schools').innerText()).toBe(`另有局属 ${direct} 所直报`);
    await shot(page, 'unit-report-county-table-1366');
    await tableRow.getByRole('link', { name: row.name }).click();
    await page.waitForURL(`**/reports/monthly/consolidated?month=${MONTH}&townshipCode=${row.key}`);
    const card = page.getByTestId('unit-report-card');
    await card.getByRole('button', { name: '接收' }).click();
    await confirmModal(page, '确认接收');
    await page.locator('.ant-message').getByText('已接收').waitFor();
    await card.getByText('已接收').first().waitFor();
    const accepted = await unitReport();
    expect(accepted).toMatchObject({ status: 'accepted', statusLabel: '已接收' });
    expect(accepted.events.map((e) => e.action)).toEqual(['submit', 'accept']);
    await shot(page, 'unit-report-accepted-1366');
    await page.goto(`${baseUrl}/reports/monthly/consolidated?month=${MONTH}`);
    await tableRow.getByTestId('unit-report-tag').getByText('已接收').waitFor();
    await page.context().close();
    expect(errors).toEqual([]);
  });
});
