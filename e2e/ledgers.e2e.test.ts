import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiLogin } from './api';
import { DESKTOP, launch, loginAs, PHONE, shot as fullShot, SHOTS } from './browser';

const baseUrl = inject('baseUrl');
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

async function noSidewaysScroll(page: Page) {
  const overflow = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
  expect(overflow).toBeLessThanOrEqual(1);
}

/** The number on a category card of the 人账相符 panel. */
async function cardCount(page: Page, category: string): Promise<number> {
  const card = page.getByRole('button', { name: `只看${category}`, exact: true });
  await card.waitFor();
  const text = (await card.locator('.ant-statistic-content').textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

/** Pick an option of the (only) open Select dropdown. */
async function pickOption(page: Page, text: string) {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

describe('校长 journey (issue 4: 登记疑似辍学 → 认定辍学 → 动态销号, and 人账相符 follows)', () => {
  const state = { childName: '', childId: '', suspectedId: '', dropoutId: '', before: undefined as Balance | undefined };

  it('registers a suspected dropout of his school from the 疑似辍学台账 drawer', async () => {
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
    await drawer.getByRole('combobox').first().fill(state.childName);
    await pickOption(page, state.childName);
    await drawer.getByLabel('情况说明').fill('自本周一起未到校，电话联系不上家长');
    await shot(page, 'ledgers-add-drawer-desktop');
    await drawer.getByRole('button', { name: /登\s*记/ }).click();
    await page.getByText(`已将「${state.childName}」列入疑似辍学台账`).waitFor();
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

    // the same child twice is refused with the server's words
    await page.getByRole('button', { name: '登记疑似辍学' }).click();
    await drawer.getByRole('combobox').first().fill(state.childName);
    await pickOption(page, state.childName);
    await drawer.getByRole('button', { name: /登\s*记/ }).click();
    await drawer.getByText(`${state.childName}已在疑似辍学台账中`).waitFor();
    await drawer.getByRole('button', { name: /取\s*消/ }).click();

    await row.getByRole('link', { name: state.childName }).click();
    await page.waitForURL(/\/ledgers\/entries\/[0-9a-f-]{36}$/);
    state.suspectedId = page.url().split('/').pop()!;
    await page.locator('.ant-timeline').getByText('列入台账').waitFor();
    await page.getByText('自本周一起未到校').first().waitFor();
    await shot(page, 'ledgers-entry-suspected-desktop');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('认定辍学 (厌学) moves the child to the 辍学学生台账: the 辍学 count goes to 1', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await loginAs(page, baseUrl, 'xiaozhang');
    await page.goto(`${baseUrl}/ledgers/entries/${state.suspectedId}`);
    await page.getByRole('button', { name: '认定辍学' }).click();
    const modal = page.locator('.ant-modal');
    await modal.getByText('辍学原因', { exact: true }).waitFor();
    await modal.getByRole('combobox').click();
    await pickOption(page, '厌学');
    await modal.getByLabel('情况说明').fill('成绩落后，不愿上学');
    await modal.getByRole('button', { name: '认定辍学' }).click();
    await page.waitForURL((u) => /\/ledgers\/entries\/[0-9a-f-]{36}$/.test(u.pathname) && !u.pathname.endsWith(state.suspectedId));
    state.dropoutId = page.url().split('/').pop()!;
    await page.getByText(`已认定辍学，${state.childName}已列入辍学学生台账`).waitFor();
    await modal.waitFor({ state: 'hidden' });
    const timeline = page.locator('.ant-timeline');
    await timeline.getByText('认定辍学').waitFor();
    await timeline.getByText('原因：厌学').first().waitFor();
    await expect(page.getByRole('button', { name: '认定辍学' }).count()).resolves.toBe(0);
    await shot(page, 'ledgers-entry-dropout-desktop');

    const principal = await apiLogin(baseUrl, 'xiaozhang');
    const old = await principal.get<Entry>(`/api/ledgers/entries/${state.suspectedId}`);
    expect(old.closedAt).not.toBeNull();
    const balance = await principal.get<Balance>('/api/ledgers/balance');
    expect(balance.byCategory['辍学']).toBe(1);
    expect(balance.byCategory['疑似辍学']).toBe(state.before!.byCategory['疑似辍学']);

    // the 适龄儿童台账 shows it too, and its card lists the child
    await page.getByRole('menuitem', { name: '适龄儿童台账' }).click();
    await page.waitForURL(/\/ledgers\/eligible$/);
    expect(await cardCount(page, '辍学')).toBe(1);
    await page.getByRole('button', { name: '只看辍学', exact: true }).click();
    await page.waitForURL(/category=/);
    await page.locator('.ant-table-tbody tr', { hasText: state.childName }).waitFor();
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await page.getByRole('menuitem', { name: '辍学学生台账' }).click();
    await page.locator('.ant-table-tbody tr', { hasText: state.childName }).getByText('厌学').waitFor();
    await shot(page, 'ledgers-dropout-desktop');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('动态销号 (已复学) needs a reason and evidence, then the 辍学 count is back to 0', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await loginAs(page, baseUrl, 'xiaozhang');
    await page.goto(`${baseUrl}/ledgers/entries/${state.dropoutId}`);
    await page.getByRole('button', { name: '动态销号' }).click();
    const modal = page.locator('.ant-modal');
    await modal.getByText('销号须有依据，做到人账相符').waitFor();
    await modal.getByRole('button', { name: '确认销号' }).click();
    await modal.getByText('请选择销号原因').waitFor();
    await modal.getByText('请填写销号依据').waitFor();
    await modal.getByRole('combobox').click();
    // the dropout ledger's reasons; 转入辍学台账 is never offered
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '核实非辍学' }).waitFor();
    await expect(page.locator('.ant-select-dropdown:visible').getByText('转入辍学台账').count()).resolves.toBe(0);
    await pickOption(page, '已复学');
    await modal.getByLabel('销号依据').fill('经劝返，已于今日回校复学，编入原班级，复学方案已存档');
    await page.waitForTimeout(300); // the dialog's opening animation, for the picture
    await page.screenshot({ path: path.join(SHOTS, 'ledgers-close-modal-desktop.png') });
    await modal.getByRole('button', { name: '确认销号' }).click();
    await page.getByText('已销号：已复学').waitFor();
    await modal.waitFor({ state: 'hidden' });
    await page.locator('.ant-tag', { hasText: '已销号（已复学）' }).first().waitFor();
    await page.locator('.ant-timeline').getByText('依据：经劝返，已于今日回校复学').waitFor();
    await expect(page.getByRole('button', { name: '动态销号' }).count()).resolves.toBe(0);
    await shot(page, 'ledgers-entry-closed-desktop');

    const principal = await apiLogin(baseUrl, 'xiaozhang');
    const balance = await principal.get<Balance>('/api/ledgers/balance');
    expect(balance.byCategory['辍学']).toBe(0);
    expect(balance.byCategory).toEqual(state.before!.byCategory);

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

  it('shows a clear notice when someone else closed the entry first', async () => {
    const principal = await apiLogin(baseUrl, 'xiaozhang');
    const others = await principal.get<Paged<EligibleRow>>(
      `/api/ledgers/eligible?category=${encodeURIComponent('本地在读')}&grade=5&pageSize=5`,
    );
    const other = others.items[0];
    const entry = await principal.post<Entry>('/api/ledgers/entries', { childId: other.childId, ledger: 'suspected', source: 'survey' });

    const page = await browser.newPage({ viewport: DESKTOP });
    await loginAs(page, baseUrl, 'xiaozhang');
    await page.goto(`${baseUrl}/ledgers/entries/${entry.id}`);
    await page.getByRole('button', { name: '动态销号' }).click();
    const modal = page.locator('.ant-modal');
    await modal.getByRole('combobox').click();
    await pickOption(page, '核实在读');
    await modal.getByLabel('销号依据').fill('班主任核实：该生本周在校上课');
    // meanwhile the county closes it
    const admin = await apiLogin(baseUrl, 'admin');
    await admin.post(`/api/ledgers/entries/${entry.id}/close`, { reason: '数据错误', evidence: '县级核对：名单录入有误' });
    await modal.getByRole('button', { name: '确认销号' }).click();
    await page.locator('.ant-alert-warning', { hasText: '已销号' }).waitFor();
    await modal.waitFor({ state: 'hidden' });
    await page.locator('.ant-tag', { hasText: '已销号（数据错误）' }).first().waitFor();
    await expect(page.getByRole('button', { name: '动态销号' }).count()).resolves.toBe(0);
    await shot(page, 'ledgers-entry-conflict-desktop');
    await page.close();
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
  it('the three ledgers and an entry fit the screen', async () => {
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
    await page.waitForTimeout(400); // the drawer's opening animation
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
    await page.locator('.ant-timeline').getByText('动态销号').waitFor();
    await noSidewaysScroll(page);
    await shot(page, 'ledgers-entry-phone');

    // an open suspected entry: both actions, full width
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
    await page.getByRole('button', { name: '认定辍学' }).waitFor();
    await noSidewaysScroll(page);
    await shot(page, 'ledgers-entry-open-phone');
    await page.getByRole('button', { name: '动态销号' }).click();
    await page.locator('.ant-modal').getByText('销号须有依据，做到人账相符').waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SHOTS, 'ledgers-close-modal-phone.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
