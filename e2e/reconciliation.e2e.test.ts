import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eBaseUrl } from './base-url';
import type { Browser, Page } from 'playwright-core';
import { makeIdNumber } from '../packages/shared/src/rules/id-number';
import { chooseOption, confirmPopover } from './select';
import { apiLogin } from './api';
import { DESKTOP, launch, loginAs, PHONE, shot as fullShot, SHOTS, noSidewaysScroll } from './browser';

const baseUrl = e2eBaseUrl();
const COUNTY = '410182';
let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nol-e2e-reconciliation-'));
});
afterAll(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

type Paged<T> = { items: T[]; total: number };
type Finding = { id: string; category: string; name: string; status: string };

/** Full-page screenshots from the top (a scrolled page shows the sticky header mid-way in them), loading finished. */
async function shot(page: Page, name: string) {
  await page.locator('.ant-spin-blur').first().waitFor({ state: 'detached' });
  await page.waitForTimeout(200); // the loading veil's fade
  await page.evaluate('window.scrollTo(0, 0)');
  await fullShot(page, name);
}

function writeCsv(name: string, rows: string[][]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf-8');
  return file;
}

/** The children of the journey: who is in which registry, and so what the comparison finds. */
const KIDS = {
  present1: { name: '比对在校甲', birth: '2015-03-11', seq: 881, gender: '男' }, // 学籍 + 名册: nothing to find
  present2: { name: '比对在校乙', birth: '2014-06-21', seq: 882, gender: '女' }, // 学籍 + 名册
  absent: { name: '比对缺勤丙', birth: '2013-09-02', seq: 883, gender: '男' }, // 学籍, not on the roster: 籍在人不在
  out: { name: '比对失学丁', birth: '2016-01-15', seq: 884, gender: '女' }, // no 学籍: 适龄失学 (closed: 外地就读)
  poor: { name: '比对贫困戊', birth: '2014-11-30', seq: 885, gender: '男' }, // no 学籍, 脱贫户: 适龄失学 + 脱贫户辍学
  moved1: { name: '比对迁出己', birth: '2017-04-04', seq: 886, gender: '女' }, // no 学籍: closed in bulk
  moved2: { name: '比对迁出庚', birth: '2015-08-08', seq: 887, gender: '男' }, // no 学籍: closed in bulk
};
type Kid = (typeof KIDS)[keyof typeof KIDS];
const idOf = (k: Kid) => makeIdNumber(COUNTY, k.birth, k.seq);

/** Upload a file from its registry's card on /imports, preview it, confirm the import. */
async function importFile(page: Page, cardHint: string, file: string) {
  await page.goto(`${baseUrl}/imports`);
  await page.locator('.ant-card').filter({ hasText: cardHint }).getByRole('button', { name: '上传新文件' }).click();
  const modal = page.locator('.ant-modal');
  await modal.locator('input[type=file]').setInputFiles(file);
  await modal.getByText(path.basename(file)).waitFor();
  await modal.getByRole('button', { name: '上传并预览' }).click();
  await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
  await page.locator('.ant-card').filter({ hasText: '请核对下方' }).getByRole('button', { name: '确认导入' }).click();
  await confirmPopover(page, '确认导入');
  await page.getByText('导入完成').waitFor({ timeout: 30_000 });
}

/** 运行比对 on /reconciliation and wait for the run to finish; returns the finished alert's text. */
async function runReconciliation(page: Page, screenshot?: string): Promise<string> {
  await page.goto(`${baseUrl}/reconciliation`);
  await page.getByRole('button', { name: '运行比对' }).click();
  const pop = page.locator('.ant-popconfirm');
  await pop.getByText('对全县运行四查三比对？').waitFor();
  await pop.getByText('户籍-比对.csv').waitFor(); // the committed snapshots it will read
  if (screenshot) await page.screenshot({ path: path.join(SHOTS, `${screenshot}.png`) });
  await confirmPopover(page, '运行比对');
  const done = page.locator('.ant-alert', { hasText: '比对完成' });
  await done.getByText(/新增 \d+ 条/).waitFor({ timeout: 30_000 });
  return (await done.textContent()) ?? '';
}

/** Open a finding from the list by the child's name (and category). */
async function openFinding(page: Page, name: string, category: string) {
  await page.goto(`${baseUrl}/findings?status=all&q=${encodeURIComponent(name)}`);
  await page.locator('.ant-table-tbody tr', { hasText: category }).getByRole('link', { name }).click();
  await page.waitForURL(/\/findings\/[0-9a-f-]{36}$/);
  await page.getByText('记录对照').waitFor();
}

describe('四查三比对 journey (issue 4: import → run → review → run again keeps the decisions)', () => {
  it('imports the four registries, runs, confirms one, closes others, runs again', async () => {
    const admin = await apiLogin(baseUrl, 'admin');
    // away from the first township, where the demo's 校长, 中心校 and township accounts work (their journeys expect
    // their ledgers as the demo left them)
    const me = await (await apiLogin(baseUrl, 'xiangzhen')).get<{ roles: { scopeId: string }[] }>('/api/auth/me');
    const demoTownship = me.roles[0].scopeId;
    const schools = (await admin.get<Paged<{ code: string; name: string; townshipCode: string }>>('/api/schools?pageSize=200')).items;
    const school = schools.find((s) => s.townshipCode !== demoTownship)!;
    const villages = (
      await admin.get<Paged<{ code: string; parentCode: string }>>('/api/divisions?level=village&pageSize=200')
    ).items.filter((v) => v.parentCode === school.townshipCode);
    expect(villages.length).toBeGreaterThan(2);
    const all = Object.values(KIDS);
    const hukou = writeCsv('户籍-比对.csv', [
      ['姓名', '性别', '出生日期', '公民身份号码', '户籍地区划代码', '监护人姓名', '监护人电话'],
      ...all.map((k, i) => [k.name, k.gender, k.birth, idOf(k), villages[i % 3].code, `${k.name}家长`, `1390000000${i}`]),
    ]);
    const enrolled = [KIDS.present1, KIDS.present2, KIDS.absent];
    const xueji = writeCsv('学籍-比对.csv', [
      ['学籍号', '姓名', '性别', '出生日期', '身份证件号', '学校标识码', '学校名称', '年级', '班级', '学籍状态'],
      ...enrolled.map((k) => [`G${idOf(k)}`, k.name, k.gender, k.birth, idOf(k), school.code, school.name, '5', '1班', '在读']),
    ]);
    const roster = writeCsv('名册-比对.csv', [
      ['学校标识码', '年级', '班级', '姓名', '身份证件号', '学籍号'],
      ...[KIDS.present1, KIDS.present2].map((k) => [school.code, '5', '1班', k.name, idOf(k), `G${idOf(k)}`]),
    ]);
    const poverty = writeCsv('脱贫户-比对.csv', [
      ['姓名', '公民身份号码', '户类型', '户主姓名', '与户主关系'],
      [KIDS.poor.name, idOf(KIDS.poor), '脱贫户', `${KIDS.poor.name}家长`, '子女'],
    ]);

    const page = await browser.newPage({ viewport: DESKTOP });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await loginAs(page, baseUrl, 'admin');
    await importFile(page, '公安户籍登记', hukou);
    await importFile(page, '学籍系统导出', xueji);
    await importFile(page, '实际在校的学生名单', roster);
    await importFile(page, '脱贫户、监测户', poverty);

    // 四查三比对: from the menu, run, follow the progress to the end
    await page.getByRole('menuitem', { name: '四查三比对' }).click();
    await page.waitForURL(/\/reconciliation$/);
    await page.getByText('还没有运行过比对').waitFor();
    await shot(page, 'reconciliation-empty-desktop');
    const first = await runReconciliation(page, 'reconciliation-confirm-desktop');
    expect(first).toMatch(/新增 [1-9]\d* 条/);
    const row = page.locator('.ant-table-tbody tr.ant-table-row').first();
    await row.getByText('完成', { exact: true }).waitFor();
    for (const label of ['脱贫户辍学 1', '适龄失学 4', '籍在人不在 1']) await row.getByText(label).waitFor();
    await shot(page, 'reconciliation-done-desktop');

    // 比对结果: 待核实 by default, tabs by priority with counts
    await page.getByRole('link', { name: '查看新增的比对结果' }).click();
    await page.waitForURL(/\/findings\?runId=/);
    await page.getByText('只看某次比对新发现的结果').waitFor();
    await page.getByRole('menuitem', { name: '比对结果' }).click();
    await page.waitForURL(/\/findings$/);
    for (const tab of [/^脱贫户辍学\s*1$/, /^适龄失学\s*4$/, /^籍在人不在\s*1$/]) await page.getByRole('tab', { name: tab }).waitFor();
    await expect(page.getByRole('tab').nth(1).textContent()).resolves.toMatch(/^脱贫户辍学/); // highest priority first
    const body = page.locator('.ant-table-tbody');
    for (const k of [KIDS.absent, KIDS.out, KIDS.poor]) await body.getByRole('link', { name: k.name }).first().waitFor();
    await expect(body.getByText(KIDS.present1.name).count()).resolves.toBe(0);
    await expect(body.locator('tr', { hasText: KIDS.poor.name }).first().textContent()).resolves.toContain('脱贫户辍学');
    await shot(page, 'reconciliation-findings-desktop');

    // 籍在人不在 → 确认并列入台账 (疑似辍学台账)
    await openFinding(page, KIDS.absent.name, '籍在人不在');
    const compare = page.locator('.ant-card', { hasText: '记录对照' });
    const head = compare.locator('thead');
    await head.getByText('户籍', { exact: true }).waitFor();
    await head.getByText('学籍', { exact: true }).waitFor();
    await head.getByText('学籍-比对.csv · 第 3 行').waitFor();
    await shot(page, 'reconciliation-finding-desktop');
    await page.getByRole('button', { name: '确认并列入台账' }).click();
    const confirmModal = page.locator('.ant-modal', { hasText: '确认并列入台账：' });
    await confirmModal.getByText('疑似辍学台账').waitFor();
    await confirmModal.getByRole('radio', { name: /辍学学生台账/ }).check();
    await confirmModal.getByRole('button', { name: '确认列入' }).click();
    await confirmModal.getByText('认定辍学须选择辍学原因').waitFor(); // cause required for 辍学
    await confirmModal.getByRole('radio', { name: /疑似辍学台账/ }).check();
    await confirmModal.locator('textarea').fill('电话联系不上家长，已安排家访');
    await confirmModal.getByRole('button', { name: '确认列入' }).click();
    await page.locator('.ant-alert', { hasText: '已确认并列入台账' }).waitFor();
    await expect(page.getByRole('button', { name: '确认并列入台账' }).count()).resolves.toBe(0);
    await shot(page, 'reconciliation-confirmed-desktop');
    await page.getByRole('link', { name: '查看台账记录' }).click();
    await page.waitForURL(/\/ledgers\/entries\/[0-9a-f-]{36}$/);
    await page.getByText(KIDS.absent.name).first().waitFor();

    // 适龄失学 → 核实说明并关闭 (外地就读 + evidence)
    await openFinding(page, KIDS.out.name, '适龄失学');
    await page.getByRole('button', { name: '核实说明并关闭' }).click();
    const closeModal = page.locator('.ant-modal', { hasText: '核实说明并关闭：' });
    await chooseOption(page, closeModal.locator('.ant-select'), '外地就读');
    await closeModal.getByText('需提供：就读学校名称和学籍号').waitFor();
    await closeModal.getByRole('button', { name: '核实关闭' }).click();
    await closeModal.getByText('请填写核实依据').waitFor(); // evidence required
    await closeModal.locator('textarea').fill('在郑州市金水区纬五路小学就读，学籍号 G410105201601150012');
    await closeModal.getByRole('button', { name: '核实关闭' }).click();
    await page.locator('.ant-alert', { hasText: '已核实关闭：外地就读' }).waitFor();
    await shot(page, 'reconciliation-closed-desktop');

    // two more 适龄失学 closed together: 批量核实关闭, with the result listed
    await page.goto(`${baseUrl}/findings?category=OUT_OF_SCHOOL&q=${encodeURIComponent('比对迁出')}`);
    for (const k of [KIDS.moved1, KIDS.moved2]) await body.locator('tr', { hasText: k.name }).locator('.ant-checkbox-input').check();
    await page.getByText('已选 2 条').waitFor();
    await page.getByRole('button', { name: '批量核实关闭' }).click();
    const bulkModal = page.locator('.ant-modal', { hasText: '已选择 2 条' });
    await chooseOption(page, bulkModal.locator('.ant-select'), '户籍迁出');
    await bulkModal.locator('textarea').fill('户籍已迁往郑州市中原区，派出所出具迁出证明');
    await page.waitForTimeout(300); // the dropdown closing
    await page.screenshot({ path: path.join(SHOTS, 'reconciliation-bulk-close-desktop.png') });
    await bulkModal.getByRole('button', { name: '核实关闭' }).click();
    const outcome = page.locator('.ant-modal', { hasText: '知道了' });
    await outcome.getByText('已处理 2 条').waitFor();
    await shot(page, 'reconciliation-bulk-desktop');
    await outcome.getByRole('button', { name: '知道了' }).click();
    await page.getByText('没有符合条件的比对结果').waitFor();

    // run again: nothing new, the decisions stay
    const second = await runReconciliation(page);
    expect(second).toContain('新增 0 条');
    await expect(page.locator('.ant-table-tbody tr.ant-table-row').count()).resolves.toBe(2);
    await shot(page, 'reconciliation-rerun-desktop');

    for (const [kid, category, status] of [
      [KIDS.absent, '籍在人不在', '已列入台账'],
      [KIDS.out, '适龄失学', '已核实关闭'],
    ] as const) {
      await page.goto(`${baseUrl}/findings?status=all&q=${encodeURIComponent(kid.name)}`);
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await rows.first().waitFor();
      await expect(rows.count()).resolves.toBe(1);
      await expect(rows.first().textContent()).resolves.toMatch(new RegExp(`${category}.*${status}`));
    }
    await shot(page, 'reconciliation-kept-desktop');
    const findings = (await admin.get<Paged<Finding>>('/api/findings?pageSize=200&q=' + encodeURIComponent('比对'))).items;
    const keys = findings.map((f) => `${f.name}|${f.category}`);
    expect(new Set(keys).size).toBe(keys.length); // no duplicates
    expect(findings.filter((f) => f.name === KIDS.absent.name).map((f) => f.status)).toEqual(['confirmed']);
    expect(findings.filter((f) => f.name === KIDS.out.name).map((f) => f.status)).toEqual(['closed']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works on a phone (375 px): runs, findings, a finding side by side', async () => {
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await loginAs(page, baseUrl, 'admin');
    await page.goto(`${baseUrl}/reconciliation`);
    await page.locator('.ant-table-tbody tr.ant-table-row').nth(1).waitFor();
    await noSidewaysScroll(page);
    await shot(page, 'reconciliation-runs-phone');

    await page.goto(`${baseUrl}/findings`);
    await page.locator('.ant-table-tbody').getByRole('link', { name: KIDS.poor.name }).first().waitFor();
    await noSidewaysScroll(page);
    await shot(page, 'reconciliation-findings-phone');

    await page.locator('.ant-table-tbody tr', { hasText: '脱贫户辍学' }).getByRole('link', { name: KIDS.poor.name }).click();
    await page.getByText('记录对照').waitFor();
    await page.locator('.ant-card', { hasText: '记录对照' }).locator('thead').getByText('脱贫户/监测户', { exact: true }).waitFor();
    await noSidewaysScroll(page);
    await shot(page, 'reconciliation-finding-phone');

    await page.getByRole('button', { name: '核实说明并关闭' }).click();
    await chooseOption(page, page.locator('.ant-modal .ant-select'), '死亡');
    await page.locator('.ant-modal').getByText('需提供：死亡证明或户籍注销证明').waitFor();
    await page.waitForTimeout(300); // the dropdown closing
    await page.screenshot({ path: path.join(SHOTS, 'reconciliation-close-phone.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a run in progress (the stream and the list played back), desktop and phone', async () => {
    // a real run of this small county takes a few milliseconds: play a running one back to see the progress bar
    const run = {
      id: '0193a000-0000-7000-8000-000000000001',
      scopeKind: 'county',
      scopeId: COUNTY,
      status: 'running',
      summary: {},
      inputs: {},
      startedAt: new Date().toISOString(),
      finishedAt: null,
      message: null,
      job: null,
    };
    const job = {
      phase: 'loading',
      rowsDone: 12345,
      rowsTotal: 12345,
      bytesDone: 0,
      bytesTotal: 0,
      rowsPerSecond: 0,
      secondsLeft: null,
      message: null,
    };
    for (const [viewport, suffix] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const page = await browser.newPage({ viewport, isMobile: suffix === 'phone', hasTouch: suffix === 'phone' });
      await loginAs(page, baseUrl, 'admin');
      await page.route(/\/api\/reconciliation\/runs\?/, (route) =>
        route.fulfill({ json: { items: [run], total: 1, page: 1, pageSize: 20 } }),
      );
      await page.route(/\/api\/reconciliation\/runs\/[^/]+\/events$/, (route) =>
        route.fulfill({
          headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
          body: `event: progress\ndata: ${JSON.stringify(job)}\n\n`,
        }),
      );
      await page.goto(`${baseUrl}/reconciliation`);
      await page.getByText('正在比对：全县').waitFor();
      await page.getByTestId('run-progress-text').getByText('已读取 12,345 条记录').waitFor();
      await expect(page.getByRole('button', { name: '比对运行中' }).isDisabled()).resolves.toBe(true);
      if (suffix === 'phone') await noSidewaysScroll(page);
      await shot(page, `reconciliation-progress-${suffix}`);
      await page.close();
    }
  });

  it('a 中心校 and a township official run for their own township only', async () => {
    for (const username of ['zhongxinxiao', 'xiangzhen']) {
      const page = await browser.newPage({ viewport: DESKTOP });
      await loginAs(page, baseUrl, username);
      await page.getByRole('menuitem', { name: '四查三比对' }).click();
      const scope = page.getByText(/^运行范围：.+（只比对本乡镇的儿童和学校）。$/);
      await scope.waitFor();
      const township = /^运行范围：(.+)（/.exec((await scope.textContent()) ?? '')![1];
      await page.getByRole('button', { name: '运行比对' }).click();
      await page.locator('.ant-popconfirm').getByText(`对${township}运行四查三比对？`).waitFor();
      await confirmPopover(page, '取消');
      await page.close();
    }
  });
});
