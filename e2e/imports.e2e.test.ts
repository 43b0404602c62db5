import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { chooseOption, confirmPopover } from './select';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eBaseUrl } from './base-url';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launch, loginAs, PHONE, shot as fullShot, SHOTS, noSidewaysScroll } from './browser';

const baseUrl = e2eBaseUrl();

/** Full-page screenshots from the top (a scrolled page shows the sticky header mid-way in them). */
async function shot(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  await fullShot(page, name);
}
const COUNTY = '410182';
let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nol-e2e-imports-'));
});
afterAll(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** An 18-character ID number (GB 11643) with its check digit; `wrongCheck` gives it a wrong one. */
function idNumber(birth: string, seq: string, wrongCheck = false): string {
  const body = `${COUNTY}${birth.replaceAll('-', '')}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  const checks = '10X98765432';
  const right = checks[sum % 11];
  return body + (wrongCheck ? checks[(sum + 1) % 11] : right);
}

function writeCsv(name: string, rows: string[][], encoding: 'utf-8' | 'gb18030'): string {
  const text = rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
  const file = path.join(dir, name);
  fs.writeFileSync(file, encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf-8'));
  return file;
}

/** Open the upload dialog from the 户籍 card and send the file; lands on the preview page. */
async function uploadHukou(page: Page, file: string): Promise<string> {
  await page.goto(`${baseUrl}/imports`);
  const card = page.locator('.ant-card').filter({ hasText: '公安户籍登记' });
  await card.getByRole('button', { name: '上传新文件' }).click();
  const modal = page.locator('.ant-modal');
  await modal.getByText('点击或拖拽文件到此处').waitFor();
  await modal.locator('input[type=file]').setInputFiles(file);
  await modal.getByText(path.basename(file)).waitFor();
  await modal.getByRole('button', { name: '上传并预览' }).click();
  await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop()!;
}

async function confirmImport(page: Page) {
  await page.locator('.ant-card').filter({ hasText: '请核对下方' }).getByRole('button', { name: '确认导入' }).click();
  await confirmPopover(page, '确认导入');
  await page.getByText('导入完成').waitFor({ timeout: 30_000 });
  await page.locator('.ant-tag', { hasText: '当前使用' }).first().waitFor();
}

async function findChild(page: Page, name: string) {
  await page.goto(`${baseUrl}/children?q=${encodeURIComponent(name)}`);
  await page.locator('.ant-table-tbody').getByText(name, { exact: true }).waitFor();
}

const HEADER = ['姓名', '性别', '出生日期', '公民身份号码', '民族', '户籍地址', '监护人姓名', '监护人电话'];

describe('县级管理员 imports a 户籍 file (issue 3: preview, problems, commit, children)', () => {
  it('uploads a GB18030 CSV, sees the encoding and the wrong check digit, confirms, finds the new child', async () => {
    const file = writeCsv(
      '户籍-城关镇.csv',
      [
        HEADER,
        ['导入甲童', '男', '2017-05-12', idNumber('2017-05-12', '915'), '汉族', '荥阳市城关镇广武路1号', '导入甲父', '13800000001'],
        ['导入乙童', '女', '2016/3/5', idNumber('2016-03-05', '926', true), '回族', '荥阳市城关镇广武路2号', '导入乙母', '13800000002'],
        ['导入丙童', '女', '2015年9月1日', idNumber('2015-09-01', '948'), '汉族', '荥阳市城关镇广武路3号', '导入丙父', '13800000003'],
      ],
      'gb18030',
    );
    const page = await browser.newPage({ viewport: DESKTOP });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await loginAs(page, baseUrl, 'admin');

    await page.getByRole('menuitem', { name: '数据导入' }).click();
    await page.waitForURL(/\/imports$/);
    await page.getByText('导入历史').waitFor();
    await shot(page, 'imports-list-empty-desktop');

    await uploadHukou(page, file);
    await page.getByText('GB18030').first().waitFor();
    const problems = page.locator('.ant-card').filter({ hasText: '问题（' });
    const warning = problems.locator('tr', { hasText: '第 2 行' });
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toMatch(/公民身份号码.*警告.*校验位/);
    await expect(page.locator('.ant-statistic', { hasText: '总行数' }).textContent()).resolves.toContain('3');
    await expect(page.locator('.ant-statistic', { hasText: '有警告' }).textContent()).resolves.toContain('1');
    await page.getByText('导入甲童').first().waitFor(); // preview rows
    await shot(page, 'imports-preview-desktop');

    await confirmImport(page);
    await shot(page, 'imports-committed-desktop');

    await findChild(page, '导入甲童');
    await shot(page, 'imports-child-found-desktop');

    await page.goto(`${baseUrl}/imports`);
    const history = page.locator('.ant-table-tbody tr', { hasText: '户籍-城关镇.csv' });
    await history.waitFor();
    await expect(history.textContent()).resolves.toContain('当前使用');
    await page.locator('.ant-card').filter({ hasText: '公安户籍登记' }).getByText('户籍-城关镇.csv').waitFor();
    await shot(page, 'imports-list-desktop');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('maps an unrecognised 学生名字 column to 姓名 in the preview, then commits', async () => {
    const file = writeCsv(
      '户籍-补录.csv',
      [
        ['学生名字', '性别', '出生日期', '公民身份号码'],
        ['映射丁童', '男', '20140305', idNumber('2014-03-05', '957')],
        ['映射戊童', '女', '2018.07.09', idNumber('2018-07-09', '968')],
      ],
      'utf-8',
    );
    const page = await browser.newPage({ viewport: DESKTOP });
    await loginAs(page, baseUrl, 'admin');
    await uploadHukou(page, file);

    await page.getByText('缺少必需的列：「姓名」').waitFor();
    await expect(page.getByRole('button', { name: '确认导入' }).count()).resolves.toBe(0);
    await shot(page, 'imports-missing-column-desktop');

    const mapping = page.locator('.ant-select', { has: page.getByLabel('「学生名字」对应的列') });
    await chooseOption(page, mapping, '姓名', { title: true });
    // the button is enabled once the choice is taken
    await expect.poll(() => page.getByRole('button', { name: '应用列对应' }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: '应用列对应' }).click();
    await page.getByText('已按新的列对应重新读取文件').waitFor();
    await expect(page.getByText('缺少必需的列：「姓名」').count()).resolves.toBe(0);
    await expect(page.locator('.ant-statistic', { hasText: '可导入' }).textContent()).resolves.toContain('2');
    await shot(page, 'imports-mapped-desktop');

    await confirmImport(page);
    await findChild(page, '映射丁童');
    await page.close();
  });
});

describe('数据导入 on a phone (375 px)', () => {
  it('lists, uploads, previews and cancels without sideways scrolling', async () => {
    const file = writeCsv(
      '户籍-手机上传.csv',
      [HEADER, ['手机己童', '男', '2016-10-01', idNumber('2016-10-01', '979'), '汉族', '荥阳市豫龙镇1号', '手机己父', '13800000009']],
      'gb18030',
    );
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await loginAs(page, baseUrl, 'admin');
    await page.goto(`${baseUrl}/imports`);
    await page.locator('.ant-table-tbody tr', { hasText: '户籍-补录.csv' }).waitFor();
    await noSidewaysScroll(page);
    await shot(page, 'imports-list-phone');

    await page.locator('.ant-card').filter({ hasText: '公安户籍登记' }).getByRole('button', { name: '上传新文件' }).click();
    await page.locator('.ant-modal input[type=file]').setInputFiles(file);
    await page.locator('.ant-modal').getByText('户籍-手机上传.csv').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'imports-upload-phone.png') }); // the dialog as the phone shows it
    await page.locator('.ant-modal').getByRole('button', { name: '上传并预览' }).click();
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    await page.getByText('GB18030').first().waitFor();
    await page.getByText('手机己童').first().waitFor();
    await noSidewaysScroll(page);
    await shot(page, 'imports-preview-phone');

    await page.getByRole('button', { name: '取消导入' }).click();
    await confirmPopover(page, '取消导入');
    await page.locator('.ant-tag', { hasText: '已取消' }).first().waitFor();
    await noSidewaysScroll(page);
    await shot(page, 'imports-cancelled-phone');
    expect(errors).toEqual([]);
    await page.close();
  });
});
