import fs from 'node:fs';
import { chooseOption } from './select';
import { shanghaiToday, type BriefPreview, type CaseListItem, type Page as ListPage, type PublicDisclosure } from '@notoneless/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxPart, textOf } from '../apps/server/src/modules/documents/test-support';
import { maskChildName } from '../apps/server/src/modules/briefs/brief-text';
import { demoSampleMonth, demoSchoolYear, schoolYearLabel } from '../apps/server/src/db/seed/demo-year';
import { e2eBaseUrl } from './base-url';
import { apiLogin } from './api';
import { DESKTOP, launch, loginAs, PHONE, shot, noSidewaysScroll } from './browser';

/**
 * Issue 7 items 6 and 7: the public 信息公开 page of the demo county (no login, phone, no child's data), the county
 * admin's edit → 发布, and the leader's 《控辍保学简报》 with a typical case picked, downloaded and read back.
 */
const baseUrl = e2eBaseUrl();
const today = shanghaiToday(new Date());
/** The demo's page is that of the school year it was built in ('2026—2027学年'). */
const YEAR = schoolYearLabel(demoSchoolYear(today));
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
  const context = await browser.newContext({ viewport, isMobile: phone, hasTouch: phone, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

describe('信息公开 and 控辍保学简报', () => {
  it('the public page opens without login on a phone: the published text and aggregate numbers only', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${baseUrl}/public/410182`);
    await page.getByRole('heading', { name: `荥阳市${YEAR}义务教育控辍保学工作信息公开` }).waitFor();
    await page.getByText('四包一联合劝返').waitFor();
    await page.getByText('四、本学年控辍保学数据').waitFor();
    expect(page.url()).not.toContain('/login');
    await page.locator('details summary').first().click();
    await expect.poll(() => page.locator('details[open] td', { hasText: '<5' }).count()).toBeGreaterThan(0);
    await noSidewaysScroll(page);
    await shot(page, 'disclosure-public-phone');
    // no child's name on the page: the names of every case of the county (the county admin's list)
    const admin = await apiLogin(baseUrl, 'admin');
    const list = await admin.get<ListPage<CaseListItem>>('/api/cases?pageSize=200');
    expect(list.items.length).toBeGreaterThan(0);
    const text = await page.locator('main').innerText();
    for (const c of list.items) expect(text).not.toContain(c.name);
    await page.context().close();
  });

  it('the county admin edits the page: saved changes stay private until 发布', async () => {
    const page = await newPage(DESKTOP);
    await loginAs(page, baseUrl, 'admin');
    await page.goto(`${baseUrl}/settings/disclosure`);
    await page.getByText('已发布', { exact: true }).waitFor();
    const title = page.getByLabel('标题');
    await title.fill(`荥阳市${YEAR}控辍保学信息公开（修订）`);
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('有未发布的修改').waitFor();
    const before = (await (await fetch(`${baseUrl}/api/public/410182`)).json()) as PublicDisclosure;
    expect(before.content.title).toBe(`荥阳市${YEAR}义务教育控辍保学工作信息公开`);
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByText('已发布，公众无需登录即可查看').waitFor();
    await expect
      .poll(async () => ((await (await fetch(`${baseUrl}/api/public/410182`)).json()) as PublicDisclosure).content.title)
      .toBe(`荥阳市${YEAR}控辍保学信息公开（修订）`);
    await shot(page, 'disclosure-edit-desktop');
    await page.context().close();
  });

  it('the leader picks a typical case and downloads the brief: figures as previewed, the child as 某某', async () => {
    const leader = await apiLogin(baseUrl, 'leader');
    const month = demoSampleMonth(today); // a month of the demo's history that is over (2026-10 in 2026—2027)
    const preview = await leader.get<BriefPreview>(`/api/briefs/${month}/preview`);
    const list = await leader.get<ListPage<CaseListItem>>('/api/cases?pageSize=20');
    const pick = list.items[0];

    const page = await newPage(PHONE);
    await loginAs(page, baseUrl, 'leader');
    await page.goto(`${baseUrl}/reports/brief?month=${month}`);
    await page.getByText('二、主要指标').waitFor();
    const enrolled = preview.headline.find((h) => h.key === 'enrolled')!;
    await page.getByText(enrolled.value).first().waitFor();
    const cases = page.locator('.ant-select', { has: page.getByLabel('典型案例') });
    await chooseOption(page, cases, pick.name, { search: pick.name });
    await noSidewaysScroll(page);
    await shot(page, 'brief-phone');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载简报' }).click()]);
    expect(download.suggestedFilename()).toBe(`控辍保学简报-${month.slice(0, 4)}年${Number(month.slice(5))}月.docx`);
    const text = textOf(await docxPart(fs.readFileSync((await download.path())!)));
    expect(text).toContain(`在籍学生${enrolled.value}`);
    expect(text).toContain(`1. ${maskChildName(pick.name)}，`);
    expect(text).not.toContain(pick.name);
    expect(text).not.toContain(pick.id);
    await page.context().close();
    expect(errors).toEqual([]);
  });
});
