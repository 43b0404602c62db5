import { addCalendarDays, cohortEntryYearForSchoolYear, shanghaiToday, type BriefPreview, type CountySettings } from '@notoneless/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eBaseUrl } from './base-url';
import { apiLogin } from './api';
import { DESKTOP, launch, loginAs, PHONE, shot, noSidewaysScroll } from './browser';
import { demoSchoolYear, schoolYearLabel } from '../apps/server/src/db/seed/demo-year';

/**
 * Issue 7 item 4: the county enters its 历史入学人数 once (县级设置与校历 › 历史入学人数); the brief computes
 * 九年义务教育巩固率 from the cohort of the school year's graduating class. The demo county has the ten entry years up
 * to that of this school year's graduating class (2009–2018 in 2026—2027).
 */
const baseUrl = e2eBaseUrl();
const Y = demoSchoolYear(shanghaiToday(new Date()));
const LAST = cohortEntryYearForSchoolYear(Y); // 2018 in 2026—2027
const NEXT = LAST + 1;
/** The school year in which the class that entered 一年级 in `entryYear` graduates from 九年级 ('2026—2027学年'). */
const graduating = (entryYear: number) => schoolYearLabel(entryYear + 8);
let browser: Browser;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(viewport = DESKTOP): Promise<Page> {
  const phone = viewport === PHONE;
  const context = await browser.newContext({ viewport, isMobile: phone, hasTouch: phone });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

type Settings = { settings: CountySettings };

describe('历史入学人数 and 巩固率', () => {
  it('the demo brief and county dashboard show the same computed 巩固率, the brief with its basis', async () => {
    const leader = await apiLogin(baseUrl, 'leader');
    const s = await leader.get<Settings>('/api/settings');
    expect(s.settings.cohorts.map((c) => c.entryYear)).toEqual(Array.from({ length: 10 }, (_, i) => LAST - 9 + i));
    // last month's brief, or this month's in September: a brief's indicators are those of its month's school year
    const today = shanghaiToday(new Date());
    const prev = addCalendarDays(`${today.slice(0, 7)}-01`, -1);
    const month = demoSchoolYear(prev) === Y ? prev.slice(0, 7) : today.slice(0, 7);
    const brief = await leader.get<BriefPreview>(`/api/briefs/${month}/preview`);
    const cons = brief.indicators.find((i) => i.key === 'consolidation')!;
    expect(cons.value).toMatch(/^9\d\.\d\d%$/);
    // the county dashboard of this school year computes it from the same cohort and the same graduates
    const board = await leader.get<{ indicators: { key: string; display: string }[] }>('/api/dashboards?level=county');
    expect(board.indicators.find((i) => i.key === 'consolidation')!.display).toBe(cons.value);
    expect(cons.basis).toMatch(
      new RegExp(`^（初中毕业生[\\d,]+人 ÷ ${LAST}年一年级入学[\\d,]+人＋转入[\\d,]+人－转出[\\d,]+人－死亡[\\d,]+人）$`),
    );
  });

  it('the county admin adds an entry year at 1366 px; a repeated year is refused on its field', async () => {
    const page = await newPage(DESKTOP);
    await loginAs(page, baseUrl, 'admin');
    await page.goto(`${baseUrl}/settings`);
    await page.getByRole('tab', { name: '历史入学人数' }).click();
    await page.getByText('历史入学人数（用于计算九年义务教育巩固率）').waitFor();
    await page.getByText('九年义务教育巩固率 ＝ 本学年初中毕业生数', { exact: false }).waitFor();
    await page.getByRole('button', { name: '添加入学年份' }).click();
    const row = page.locator('.ant-table-tbody tr.ant-table-row').last();
    const inputs = row.locator('input');
    await expect.poll(() => inputs.nth(0).inputValue()).toBe(String(NEXT));
    await inputs.nth(1).fill('1234');
    await inputs.nth(2).fill('12');
    await inputs.nth(3).fill('20');
    await inputs.nth(5).fill(`${NEXT}年教育事业统计年报`);
    await row.getByText('1,226').waitFor(); // 1,234 + 12 − 20 − 0
    await row.getByText(`${graduating(NEXT)}毕业`).waitFor();
    await page.getByRole('button', { name: '保存历史入学人数' }).click();
    await page.getByText('历史入学人数已保存').waitFor();
    const admin = await apiLogin(baseUrl, 'admin');
    const saved = (await admin.get<Settings>('/api/settings')).settings.cohorts;
    expect(saved.find((c) => c.entryYear === NEXT)).toEqual({
      entryYear: NEXT,
      entered: 1234,
      transfersIn: 12,
      transfersOut: 20,
      deaths: 0,
      note: `${NEXT}年教育事业统计年报`,
    });
    await shot(page, 'settings-cohorts-desktop');

    // a second row for the last entry year: refused on its 入学年份, nothing saved
    await page.getByRole('button', { name: '添加入学年份' }).click();
    const dup = page.locator('.ant-table-tbody tr.ant-table-row').last().locator('input');
    await dup.nth(0).fill(String(LAST));
    await dup.nth(1).fill('10');
    await page.getByRole('button', { name: '保存历史入学人数' }).click();
    await page.getByText(`入学年份 ${LAST} 重复，每个年份只能录入一次`).first().waitFor();
    expect((await admin.get<Settings>('/api/settings')).settings.cohorts).toHaveLength(11);
    await page.context().close();
  });

  it('the county leader reads them on a phone (375 px): no sideways scroll, nothing to edit', async () => {
    const page = await newPage(PHONE);
    await loginAs(page, baseUrl, 'leader');
    await page.goto(`${baseUrl}/settings`);
    await page.getByRole('tab', { name: '历史入学人数' }).click();
    await page.getByText(`${LAST}年入学 · ${graduating(LAST)}毕业`).waitFor();
    await expect(page.getByRole('button', { name: '保存历史入学人数' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: '添加入学年份' }).count()).resolves.toBe(0);
    await page
      .getByText(new RegExp(`^一年级入学 [\\d,]+ · 转入 [\\d,]+ · 转出 [\\d,]+ · 死亡 [\\d,]+ · 调整后 [\\d,]+；${LAST}年教育事业统计年报`))
      .waitFor();
    await expect(page.locator('.ant-tabs-tabpane-active input:not([disabled])').count()).resolves.toBe(0);
    await noSidewaysScroll(page);
    await shot(page, 'settings-cohorts-phone');
    await page.context().close();

    // the county admin edits on a phone too: one card of inputs per entry year
    const admin = await newPage(PHONE);
    await loginAs(admin, baseUrl, 'admin');
    await admin.goto(`${baseUrl}/settings`);
    await admin.getByRole('tab', { name: '历史入学人数' }).click();
    await admin.getByText(`${LAST}年入学 · ${graduating(LAST)}毕业`).waitFor();
    await admin.getByRole('button', { name: '添加入学年份' }).waitFor();
    await expect(admin.getByLabel('一年级入学人数').first().isEditable()).resolves.toBe(true);
    await noSidewaysScroll(admin);
    await shot(admin, 'settings-cohorts-phone-admin');
    await admin.context().close();
    expect(errors).toEqual([]);
  });
});
