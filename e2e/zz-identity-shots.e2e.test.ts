// TEMPORARY (not to be committed): screenshots of the identity panel at desktop and 375 px.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { makeIdNumber } from '../packages/shared/src/rules/id-number';
import { apiLogin } from './api';
import { DESKTOP, launch, loginAs, PHONE, shot } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nol-e2e-identity-'));
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
const writeCsv = (name: string, rows: string[][]) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf-8');
  return file;
};
async function importFile(page: Page, cardHint: string, file: string) {
  await page.goto(`${baseUrl}/imports`);
  await page.locator('.ant-card').filter({ hasText: cardHint }).getByRole('button', { name: '上传新文件' }).click();
  const modal = page.locator('.ant-modal');
  await modal.locator('input[type=file]').setInputFiles(file);
  await modal.getByText(path.basename(file)).waitFor();
  await modal.getByRole('button', { name: '上传并预览' }).click();
  await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
  await page.locator('.ant-card').filter({ hasText: '请核对下方' }).getByRole('button', { name: '确认导入' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '确认导入' }).click();
  await page.getByText('导入完成').waitFor({ timeout: 60_000 });
}

it('identity panel screenshots', async () => {
  const admin = await apiLogin(baseUrl, 'admin');
  const school = (await admin.get<{ items: { code: string; name: string }[] }>('/api/schools?pageSize=5')).items[0];
  const id = (seq: number) => makeIdNumber('410182', '2014-04-04', seq);
  const hukou = writeCsv('户籍-身份.csv', [
    ['姓名', '性别', '出生日期', '公民身份号码', '户籍地区划代码'],
    ['周子轩', '男', '2014-04-04', id(201), ''],
    ['周子轩', '男', '2014-04-04', id(203), ''],
  ]);
  const xueji = writeCsv('学籍-身份.csv', [
    ['学籍号', '姓名', '性别', '出生日期', '身份证件号', '学校标识码', '学校名称', '年级', '班级', '学籍状态', '随迁子女'],
    ['L20140001', '周子轩', '男', '2014-04-04', '', school.code, school.name, '6', '1班', '在读', '否'],
  ]);
  const page = await browser.newPage({ viewport: DESKTOP });
  await loginAs(page, baseUrl, 'admin');
  await importFile(page, '公安户籍登记', hukou);
  await importFile(page, '学籍系统导出', xueji);
  const run = await admin.post<{ id: string }>('/api/reconciliation/runs', {});
  for (let i = 0; i < 120; i++) {
    const r = await admin.get<{ status: string }>(`/api/reconciliation/runs/${run.id}`);
    if (r.status !== 'running') break;
    await new Promise((res) => setTimeout(res, 1000));
  }
  const list = await admin.get<{ items: { id: string; category: string }[] }>(`/api/findings?pageSize=50&q=${encodeURIComponent('周子轩')}`);
  const f = list.items.find((x) => x.category === 'NO_HOUSEHOLD')!;
  expect(f).toBeTruthy();
  await page.goto(`${baseUrl}/findings/${f.id}`);
  await page.getByText('身份认定').waitFor();
  await shot(page, 'identity-finding-desktop');
  await page.getByRole('button', { name: '合并为同一人' }).click();
  await page.locator('.ant-modal').getByText('与以下哪一条是同一人').waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.resolve(import.meta.dirname, '../.tmp/screenshots/identity-merge-modal-desktop.png') });
  await page.locator('.ant-modal .ant-radio-wrapper:visible').first().click();
  await page.locator('.ant-modal textarea').fill('家访核实，核对了户口簿');
  await page.getByRole('button', { name: '确认合并' }).click();
  await page.getByText('理由：家访核实，核对了户口簿').waitFor();
  await shot(page, 'identity-decided-desktop');
  const phone = await browser.newPage({ viewport: PHONE });
  await loginAs(phone, baseUrl, 'admin');
  await phone.goto(`${baseUrl}/findings/${f.id}`);
  await phone.getByText('理由：家访核实，核对了户口簿').waitFor();
  await shot(phone, 'identity-decided-phone');
  const overflow = (await phone.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
  expect(overflow).toBeLessThanOrEqual(1);
  await phone.getByRole('button', { name: '撤销' }).click();
  await phone.locator('.ant-popconfirm').getByRole('button', { name: '撤销' }).click();
  await phone.getByText('已撤销', { exact: true }).waitFor();
  await phone.getByRole('button', { name: '合并为同一人' }).click();
  await phone.locator('.ant-modal').getByText('与以下哪一条是同一人').waitFor();
  await phone.waitForTimeout(400);
  await phone.screenshot({ path: path.resolve(import.meta.dirname, '../.tmp/screenshots/identity-merge-modal-phone.png') });
}, 240_000);
