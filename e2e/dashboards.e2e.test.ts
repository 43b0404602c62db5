import { settledOptions } from './select';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { e2eBaseUrl } from './base-url';
import { apiLogin } from './api';
import { DESKTOP, launch, loginAs, noSidewaysScroll, PHONE, shot } from './browser';

/** 数据看板 (issue 7, item 5): the county, a township and a school; every figure opens its list; phone and desktop. */
const baseUrl = e2eBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(username: string, viewport: { width: number; height: number }, path = '/reports/dashboard'): Promise<Page> {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await loginAs(page, baseUrl, username);
  await page.goto(`${baseUrl}${path}`);
  return page;
}

describe('数据看板', () => {
  it('shows the county with its freshness, and every figure opens the list behind it', async () => {
    const api = await apiLogin(baseUrl, 'admin');
    const d = await api.get<{ ledgers: { dropout: { count: number } }; indicators: { key: string; value: number | null }[] }>(
      '/api/dashboards',
    );
    const page = await open('admin', DESKTOP);
    await page.getByText('数据更新于').waitFor();
    await page.waitForTimeout(800); // the charts' first animation
    await noSidewaysScroll(page);
    await shot(page, 'dashboard-county-1366');

    // the 辍学 count of the ledgers card is the 辍学学生台账
    const dropout = page.getByRole('link', { name: new RegExp(`^辍学\\s*${d.ledgers.dropout.count.toLocaleString('zh-CN')}$`) });
    await dropout.click();
    await page.waitForURL((u) => u.pathname === '/ledgers/dropout');
    await page.goBack();

    // an indicator card opens the cases behind it
    await page.getByTestId('indicator-overdueCases').click();
    await page.waitForURL((u) => u.pathname === '/cases' && u.searchParams.get('overdue') === 'true');
    await page.goBack();

    // a bar of the ledgers chart: the first category (本地在读, the longest bar) opens the 适龄儿童台账 of that category
    const chart = page.getByRole('img', { name: '适龄儿童台账各类人数' });
    await chart.waitFor();
    const box = (await chart.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.5, box.y + 22);
    await page.waitForURL((u) => u.pathname === '/ledgers/eligible' && u.searchParams.get('category') === '本地在读');
    await page.context().close();
  });

  it('goes from a township down to a school for a 中心校', async () => {
    const page = await open('zhongxinxiao', DESKTOP);
    await page.getByText('学校排名').waitFor();
    await page.getByRole('combobox', { name: '进入学校看板' }).click();
    const option = settledOptions(page).first();
    const schoolName = (await option.textContent())!.trim();
    await option.click();
    await page.waitForURL((u) => u.searchParams.get('level') === 'school');
    await page.getByRole('heading', { name: `数据看板 · ${schoolName}` }).waitFor();
    await page.getByText('数据更新于').waitFor();
    await shot(page, 'dashboard-school-1366');
    await page.context().close();
  });

  it('fits a phone, and a school cannot open the county', async () => {
    const page = await open('zhongxinxiao', PHONE);
    await page.getByText('数据更新于').waitFor();
    await page.waitForTimeout(800);
    await noSidewaysScroll(page);
    await shot(page, 'dashboard-township-375');
    await page.context().close();

    const school = await open('xiaozhang', PHONE, '/reports/dashboard?level=county');
    await school.getByText('您只能查看本辖区的数据看板').waitFor();
    await school.context().close();
  });
});
