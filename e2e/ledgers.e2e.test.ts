import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eBaseUrl } from './base-url';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiLogin } from './api';
import { chooseOption } from './select';
import { openAction, submitAction, submitted } from './case-actions';
import { DESKTOP, launch, loginAs, PHONE, shot as fullShot, SHOTS, noSidewaysScroll } from './browser';

const baseUrl = e2eBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Balance = { total: number; byCategory: Record<string, number>; balanced: boolean; unexplained: number };
type EligibleRow = { childId: string; name: string; category: string; schoolName: string | null };
type Paged<T> = { items: T[]; total: number };
type Entry = { id: string; name: string; ledger: string; closedAt: string | null };

/** Full-page screenshots from the top (a scrolled page shows the sticky header mid-way in them). */
async function shot(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  await fullShot(page, name);
}

/** The number on a category card of the 人账相符 panel. */
async function cardCount(page: Page, category: string): Promise<number> {
  const card = page.getByRole('button', { name: `只看${category}`, exact: true });
  await card.waitFor();
  const text = (await card.locator('.ant-statistic-content').textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

type ChildCase = { id: string; status: string };

/** The child's open case (registering a suspected dropout opens one). */
async function openCaseOf(childId: string): Promise<string> {
  const principal = await apiLogin(baseUrl, 'xiaozhang');
  const cases = await principal.get<{ items: ChildCase[] }>(`/api/children/${childId}/cases`);
  const open = cases.items.find((c) => !['closed', 'not_dropout'].includes(c.status));
  expect(open).toBeTruthy();
  return open!.id;
}

/** 核实结果 → 认定辍学/失学 (辍学, cause) in an open drawer. */
async function fillDropout(page: Page, drawer: Locator, cause: string, text: string) {
  await drawer.getByRole('radio', { name: '认定辍学/失学' }).check();
  await drawer.locator('.ant-radio-button-wrapper', { hasText: /^辍学$/ }).click(); // 辍学 (not 失学)
  await chooseOption(page, drawer.locator('.ant-form-item', { hasText: '辍学原因' }).locator('.ant-select'), cause);
  await drawer.getByLabel('核实情况').fill(text);
}

describe('校长 journey (issue 4/5: 登记疑似辍学 → 个案核实认定辍学 → 复学销号, and 人账相符 follows)', () => {
  const state = { childName: '', childId: '', suspectedId: '', dropoutId: '', caseId: '', before: undefined as Balance | undefined };

  it('registers a suspected dropout of his school from the 疑似辍学台账 drawer, which opens the child’s case', async () => {
    const principal = await apiLogin(baseUrl, 'xiaozhang');
    state.before = await principal.get<Balance>('/api/ledgers/balance');
    expect(state.before.byCategory['辍学']).toBe(0);
    // a child of his school, studying here, whose name finds only them
    const studying = await principal.get<Paged<EligibleRow>>(
      `/api/ledgers/eligible?category=${encodeURIComponent('本地在读')}&grade=4&pageSize=50`,
    );
    let child: EligibleRow | undefined;
    for (const c of studying.items) {
      const found = await principal.get<Paged<unknown>>(`/api/children?q=${encodeURIComponent(c.name)}`);
      if (found.total === 1) {
        child = c;
        break;
      }
    }
    expect(child).toBeTruthy();
    state.childName = child!.name;
    state.childId = child!.childId;

    const page = await browser.newPage({ viewport: DESKTOP });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await loginAs(page, baseUrl, 'xiaozhang');
    await page.getByRole('menuitem', { name: '疑似辍学台账' }).click();
    await page.waitForURL(/\/ledgers\/suspected$/);
    await page.getByText('没有符合条件的记录').waitFor();
    await shot(page, 'ledgers-suspected-empty-desktop');

    await page.getByRole('button', { name: '登记疑似辍学' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('线索来源').waitFor();
    // submitting without a child says so on the field
    await drawer.getByRole('button', { name: /登\s*记/ }).click();
    await drawer.getByText('请选择儿童').waitFor();
    await chooseOption(page, drawer.locator('.ant-select').first(), state.childName, { search: state.childName });
    await drawer.getByText('请选择儿童').waitFor({ state: 'hidden' }); // the field took the child
    await drawer.getByLabel('情况说明').fill('自本周一起未到校，电话联系不上家长');
    await shot(page, 'ledgers-add-drawer-desktop');
    await drawer.getByRole('button', { name: /登\s*记/ }).click();
    await submitted(page, drawer, `已将「${state.childName}」列入疑似辍学台账`);
    await drawer.waitFor({ state: 'hidden' });
    const row = page.locator('.ant-table-tbody tr', { hasText: state.childName });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('教师报告');
    await expect(row.textContent()).resolves.toContain('孙国庆');
    await shot(page, 'ledgers-suspected-desktop');

    const after = await principal.get<Balance>('/api/ledgers/balance');
    expect(after.byCategory['疑似辍学']).toBe(state.before.byCategory['疑似辍学'] + 1);
    expect(after.byCategory['本地在读']).toBe(state.before.byCategory['本地在读'] - 1);
    expect(after.total).toBe(state.before.total);
    state.caseId = await openCaseOf(state.childId);

    // the same child twice is refused with the server's words
    await page.getByRole('button', { name: '登记疑似辍学' }).click();
    await chooseOption(page, drawer.locator('.ant-select').first(), state.childName, { search: state.childName });
    await drawer.getByRole('button', { name: /登\s*记/ }).click();
    await drawer.getByText(`${state.childName}已在疑似辍学台账中`).waitFor();
    await drawer.getByRole('button', { name: /取\s*消/ }).click();

    // the entry tells where the work is done and leads to the case
    await row.getByRole('link', { name: state.childName }).click();
    await page.waitForURL(/\/ledgers\/entries\/[0-9a-f-]{36}$/);
    state.suspectedId = page.url().split('/').pop()!;
    await page.locator('.ant-timeline').getByText('列入台账').waitFor();
    await page.getByText('自本周一起未到校').first().waitFor();
    await page.getByText('核实、认定辍学、劝返和销号都在该儿童的个案中办理').waitFor();
    await expect(page.getByRole('button', { name: '认定辍学' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: '动态销号' }).count()).resolves.toBe(0);
    await shot(page, 'ledgers-entry-suspected-desktop');
    await page.getByRole('link', { name: '查看个案' }).click();
    await page.waitForURL(new RegExp(`/cases/${state.caseId}$`));
    await page.locator('.ant-tag', { hasText: '疑似辍学' }).first().waitFor();
    await page.getByRole('button', { name: '核实结果', exact: true }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on the case, 核实结果 辍学 (厌学) moves the child to the 辍学学生台账: the 辍学 count goes to 1', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await loginAs(page, baseUrl, 'xiaozhang');
    await page.goto(`${baseUrl}/cases/${state.caseId}`);
    const drawer = await openAction(page, '核实结果');
    // a result of 辍学 needs its kind and cause
    await drawer.getByRole('radio', { name: '认定辍学/失学' }).check();
    await drawer.getByLabel('核实情况').fill('成绩落后，不愿上学');
    await drawer.getByRole('button', { name: /提\s*交/ }).click();
    await drawer.getByText('请选择辍学原因').waitFor();
    await fillDropout(page, drawer, '厌学', '成绩落后，不愿上学；家长称孩子在家');
    await shot(page, 'ledgers-case-verify-drawer-desktop');
    await submitAction(page, drawer, '核实结果');
    await page.locator('.ant-tag', { hasText: '已认定辍学' }).first().waitFor();
    await expect(page.getByRole('button', { name: '核实结果', exact: true }).count()).resolves.toBe(0);

    const principal = await apiLogin(baseUrl, 'xiaozhang');
    const old = await principal.get<Entry>(`/api/ledgers/entries/${state.suspectedId}`);
    expect(old.closedAt).not.toBeNull();
    const balance = await principal.get<Balance>('/api/ledgers/balance');
    expect(balance.byCategory['辍学']).toBe(1);
    expect(balance.byCategory['疑似辍学']).toBe(state.before!.byCategory['疑似辍学']);
    expect(balance.total).toBe(state.before!.total);
    expect(balance.unexplained).toBe(state.before!.unexplained);

    // the 适龄儿童台账 shows it too (人账相符 still holds), and its card lists the child
    await page.getByRole('menuitem', { name: '适龄儿童台账' }).click();
    await page.waitForURL(/\/ledgers\/eligible$/);
    expect(await cardCount(page, '辍学')).toBe(1);
    if (balance.balanced) await page.locator('.ant-tag', { hasText: '人账相符' }).waitFor();
    await page.getByRole('button', { name: '只看辍学', exact: true }).click();
    await page.waitForURL(/category=/);
    await page.locator('.ant-table-tbody tr', { hasText: state.childName }).waitFor();
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await page.getByRole('menuitem', { name: '辍学学生台账' }).click();
    const row = page.locator('.ant-table-tbody tr', { hasText: state.childName });
    await row.getByText('厌学').waitFor();
    await shot(page, 'ledgers-dropout-desktop');

    // the dropout entry came from the suspected one and leads to the same case
    await row.getByRole('link', { name: state.childName }).click();
    await page.waitForURL(/\/ledgers\/entries\/[0-9a-f-]{36}$/);
    state.dropoutId = page.url().split('/').pop()!;
    expect(state.dropoutId).not.toBe(state.suspectedId);
    const timeline = page.locator('.ant-timeline');
    await timeline.getByText('认定辍学').waitFor();
    await timeline.getByText('原因：厌学').first().waitFor();
    await shot(page, 'ledgers-entry-dropout-desktop');
    await page.getByRole('link', { name: '查看个案' }).click();
    await page.waitForURL(new RegExp(`/cases/${state.caseId}$`));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the child returns (复学 with the suggested 复学方案): off the ledger, the 辍学 count is back to 0', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await loginAs(page, baseUrl, 'xiaozhang');
    await page.goto(`${baseUrl}/cases/${state.caseId}`);
    const drawer = await openAction(page, '复学（复学方案）');
    await drawer.getByText('建议方案：').waitFor();
    await drawer.getByLabel('复学安排').fill('经劝返，已于今日回校复学，编入原班级，复学方案已存档');
    await page.screenshot({ path: path.join(SHOTS, 'ledgers-case-return-drawer-desktop.png') });
    await submitAction(page, drawer, '复学（复学方案）');
    await page.getByText('已复学·巩固跟踪').first().waitFor();

    const principal = await apiLogin(baseUrl, 'xiaozhang');
    const balance = await principal.get<Balance>('/api/ledgers/balance');
    expect(balance.byCategory['辍学']).toBe(0);
    expect(balance.byCategory).toEqual(state.before!.byCategory);

    // "劝返一个、销号一个": the dropout entry is closed with 已复学
    await page.goto(`${baseUrl}/ledgers/entries/${state.dropoutId}`);
    await page.locator('.ant-tag', { hasText: '已销号（已复学）' }).first().waitFor();
    await page.locator('.ant-timeline').getByText('动态销号').waitFor();
    await page.getByRole('link', { name: '查看个案' }).waitFor();
    await shot(page, 'ledgers-entry-closed-desktop');

    await page.getByRole('menuitem', { name: '适龄儿童台账' }).click();
    expect(await cardCount(page, '辍学')).toBe(0);
    await page.getByTestId('ledger-identity').waitFor();
    await page.getByRole('menuitem', { name: '辍学学生台账' }).click();
    await page.getByRole('tab', { name: /已销号/ }).click();
    const closed = page.locator('.ant-table-tbody tr', { hasText: state.childName });
    await closed.waitFor();
    await expect(closed.textContent()).resolves.toContain('已复学');
    expect(page.url()).toContain('state=closed');
    await page.waitForTimeout(300); // the tab's ink bar slides over
    await shot(page, 'ledgers-dropout-closed-desktop');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a clear notice when someone else acted on the case first (two pages, one version)', async () => {
    const principal = await apiLogin(baseUrl, 'xiaozhang');
    const others = await principal.get<Paged<EligibleRow>>(
      `/api/ledgers/eligible?category=${encodeURIComponent('本地在读')}&grade=5&pageSize=5`,
    );
    const other = others.items[0];
    const entry = await principal.post<Entry>('/api/ledgers/entries', { childId: other.childId, ledger: 'suspected', source: 'survey' });
    const caseId = await openCaseOf(other.childId);

    const school = await browser.newContext({ viewport: DESKTOP });
    const county = await browser.newContext({ viewport: DESKTOP });
    const page = await school.newPage();
    const first = await county.newPage();
    await loginAs(page, baseUrl, 'xiaozhang');
    await loginAs(first, baseUrl, 'admin');
    await page.goto(`${baseUrl}/cases/${caseId}`);
    await first.goto(`${baseUrl}/cases/${caseId}`);
    // both open 核实结果 on the same version of the case
    const mine = await openAction(page, '核实结果');
    await fillDropout(page, mine, '厌学', '班主任反映该生已三天未到校');
    const theirs = await openAction(first, '核实结果');
    await theirs.getByRole('radio', { name: '核实非辍学' }).check();
    await chooseOption(first, theirs.locator('.ant-form-item', { hasText: '非辍学原因' }).locator('.ant-select'), '数据错误');
    await theirs.getByLabel('依据', { exact: true }).fill('县级核对：名单录入有误，该生本周在校上课');
    await theirs.getByLabel('核实情况').fill('县教育局核对学籍与到校情况');
    await submitAction(first, theirs, '核实结果');
    await first.locator('.ant-tag', { hasText: '核实非辍学' }).first().waitFor();

    // the county was first: the school is told, and sees the case as it is now
    await mine.getByRole('button', { name: /提\s*交/ }).click();
    await page.locator('.ant-alert-warning', { hasText: '该个案已被他人更新' }).waitFor();
    await mine.waitFor({ state: 'hidden' });
    await page.locator('.ant-tag', { hasText: '核实非辍学' }).first().waitFor();
    await expect(page.getByRole('button', { name: '核实结果', exact: true }).count()).resolves.toBe(0);
    await shot(page, 'ledgers-case-conflict-desktop');

    // the ledger followed the county's result, not the school's
    await page.goto(`${baseUrl}/ledgers/entries/${entry.id}`);
    await page.locator('.ant-tag', { hasText: '已销号（数据错误）' }).first().waitFor();
    const balance = await principal.get<Balance>('/api/ledgers/balance');
    expect(balance.byCategory['辍学']).toBe(0);
    await school.close();
    await county.close();
  });
});

describe('县级管理员 sees the 人账相符 identity on the 适龄儿童台账', () => {
  it('reads the identity, follows the 未说明 warning, exports XLSX', async () => {
    const admin = await apiLogin(baseUrl, 'admin');
    const balance = await admin.get<Balance>('/api/ledgers/balance');
    const page = await browser.newPage({ viewport: DESKTOP });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await loginAs(page, baseUrl, 'admin');
    await page.getByRole('menuitem', { name: '适龄儿童台账' }).click();
    await page.waitForURL(/\/ledgers\/eligible$/);
    const identity = page.getByTestId('ledger-identity');
    await identity.waitFor();
    const text = (await identity.textContent()) ?? '';
    expect(text).toMatch(
      /^适龄儿童 [\d,]+ = 本地在读 [\d,]+ \+ 外地就读 [\d,]+ \+ 送教上门 [\d,]+ \+ 延缓入学\/休学 [\d,]+ \+ 疑似辍学 [\d,]+ \+ 辍学 [\d,]+ \+ 已核实离开 [\d,]+/,
    );
    expect(text).toContain(`适龄儿童 ${balance.total.toLocaleString('zh-CN')} =`);
    await page.getByText(/学年：出生于 \d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    if (balance.balanced) {
      await page.locator('.ant-tag', { hasText: '人账相符' }).waitFor();
    } else {
      await page.getByText(`有 ${balance.unexplained} 名儿童去向未说明`).waitFor();
    }
    await shot(page, 'ledgers-eligible-desktop');

    if (!balance.balanced) {
      await page.getByText(`有 ${balance.unexplained} 名儿童去向未说明`).click();
      await page.waitForURL(/category=/);
      await page.locator('.ant-table-tbody .ant-tag', { hasText: '未说明' }).first().waitFor();
      await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(balance.unexplained);
      await shot(page, 'ledgers-eligible-unexplained-desktop');
    }

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 XLSX' }).click();
    expect((await download).suggestedFilename()).toMatch(/^适龄儿童台账.*\.xlsx$/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('台账 on a phone (375 px)', () => {
  it('the three ledgers, an entry and its case fit the screen', async () => {
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await loginAs(page, baseUrl, 'xiaozhang');
    await page.goto(`${baseUrl}/ledgers/eligible`);
    await page.getByTestId('ledger-identity').waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await page.waitForLoadState('networkidle');
    await noSidewaysScroll(page);
    await shot(page, 'ledgers-eligible-phone');

    await page.goto(`${baseUrl}/ledgers/suspected?state=all`);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await noSidewaysScroll(page);
    await shot(page, 'ledgers-suspected-phone');

    await page.getByRole('button', { name: '登记疑似辍学' }).click();
    await page.locator('.ant-drawer').getByText('线索来源').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'ledgers-add-drawer-phone.png') });
    await page
      .locator('.ant-drawer')
      .getByRole('button', { name: /取\s*消/ })
      .click();

    await page.goto(`${baseUrl}/ledgers/dropout?state=closed`);
    const row = page.locator('.ant-table-tbody tr.ant-table-row').first();
    await row.waitFor();
    await noSidewaysScroll(page);
    await shot(page, 'ledgers-dropout-phone');

    await row.getByRole('link').first().click();
    await page.waitForURL(/\/ledgers\/entries\/[0-9a-f-]{36}$/);
    await page.locator('.ant-timeline').getByText('动态销号').first().waitFor();
    await noSidewaysScroll(page);
    await shot(page, 'ledgers-entry-phone');

    // an open suspected entry: 查看个案 full width, and the case's 核实结果 form fits too
    const principal = await apiLogin(baseUrl, 'xiaozhang');
    const someone = await principal.get<Paged<EligibleRow>>(
      `/api/ledgers/eligible?category=${encodeURIComponent('本地在读')}&grade=6&pageSize=5`,
    );
    const entry = await principal.post<Entry>('/api/ledgers/entries', {
      childId: someone.items[0].childId,
      ledger: 'suspected',
      source: 'report',
      note: '连续三天未到校',
    });
    await page.goto(`${baseUrl}/ledgers/entries/${entry.id}`);
    const toCase = page.getByRole('link', { name: '查看个案' });
    await toCase.waitFor();
    await noSidewaysScroll(page);
    await shot(page, 'ledgers-entry-open-phone');
    await toCase.click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: '核实结果', exact: true }).waitFor();
    await noSidewaysScroll(page);
    await shot(page, 'ledgers-case-phone');
    const drawer = await openAction(page, '核实结果');
    await drawer.getByRole('radio', { name: '认定辍学/失学' }).check();
    await drawer.getByText('辍学原因').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'ledgers-case-verify-phone.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
