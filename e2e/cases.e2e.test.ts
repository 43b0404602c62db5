import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eBaseUrl } from './base-url';
import { chooseOption } from './select';
import { openAction, submitAction } from './case-actions';
import { apiLogin, importCsv, passServerDays, resetServerClock } from './api';
import { DESKTOP, launch, loginAs, PHONE, settledShot as shot, SHOTS, noSidewaysScroll } from './browser';

/**
 * Issue 5's journey: a confirmed finding opens the case → the 班主任 records a home visit with a photo on a phone →
 * the school issues the 劝返通知书 (DOCX checked) and records its delivery → the deadline passes in the test clock →
 * the 中心校 sees the escalated item in its 待办 → the child returns with a 复学方案 → follow-up → 巩固跟踪 ends →
 * 申请销号 → the 中心校 confirms 销号.
 */
const baseUrl = e2eBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await resetServerClock(baseUrl);
});

type Paged<T> = { items: T[]; total: number };
type Child = {
  id: string;
  name: string;
  gender: string;
  birthDate: string | null;
  schoolId: string | null;
  grade: number | null;
  className: string | null;
};
type CaseItem = { id: string; name: string; status: string; version: number; actions: string[]; nextDeadline: { dueOn: string } | null };

/** Move the server's clock forward (NOL_TEST_CLOCK=1) and the browser pages' clocks with it. */
async function passDays(days: number, pages: Page[] = []): Promise<Date> {
  const now = await passServerDays(baseUrl, days);
  for (const p of pages) await p.clock.setSystemTime(now);
  return now;
}

/** A fresh page for a user, its clock at the server's time. */
async function open(username: string, viewport = DESKTOP, now?: Date): Promise<Page> {
  const phone = viewport === PHONE;
  const context = await browser.newContext({ viewport, isMobile: phone, hasTouch: phone, acceptDownloads: true });
  const page = await context.newPage();
  if (now) await page.clock.setSystemTime(now);
  page.on('pageerror', (e) => errors.push(`${username}: ${e.message}`));
  await loginAs(page, baseUrl, username);
  return page;
}

async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

const PHOTO = path.join(SHOTS, '..', 'e2e-home-visit-photo.png');
const errors: string[] = [];
const state: { child?: Child; caseId?: string; deadline?: string; now?: Date } = {};

describe('个案 journey (issue 5): finding → case → home visit → 劝返通知书 → escalation → 复学 → 销号', () => {
  it('a confirmed finding opens the case (籍在人不在 for a child of the 班主任 class)', async () => {
    const admin = await apiLogin(baseUrl, 'admin');
    const teacher = await apiLogin(baseUrl, 'banzhuren');
    const me = await teacher.get<{ roles: { role: string; scopeId: string }[] }>('/api/auth/me');
    const classId = me.roles.find((r) => r.role === 'head_teacher')!.scopeId;
    const kids = (await teacher.get<Paged<Child>>(`/api/children?classId=${classId}&pageSize=50`)).items;
    expect(kids.length).toBeGreaterThan(2);
    const [target, other] = kids;
    state.child = target;
    const idOf = async (c: Child) => (await admin.post<{ value: string }>(`/api/children/${c.id}/reveal`, { field: 'idNumber' })).value;
    const [targetId, otherId] = [await idOf(target), await idOf(other)];
    const school = (await admin.get<Paged<{ id: string; code: string; name: string }>>('/api/schools?pageSize=200')).items.find(
      (s) => s.id === target.schoolId,
    )!;
    const xueji = [target, other].map((c, i) => [
      `G${[targetId, otherId][i]}`,
      c.name,
      c.gender,
      c.birthDate ?? '',
      [targetId, otherId][i],
      school.code,
      school.name,
      String(c.grade),
      c.className ?? '',
      '在读',
    ]);
    await importCsv(baseUrl, admin, 'xueji', '学籍-个案.csv', [
      ['学籍号', '姓名', '性别', '出生日期', '身份证件号', '学校标识码', '学校名称', '年级', '班级', '学籍状态'],
      ...xueji,
    ]);
    await importCsv(
      baseUrl,
      admin,
      'roster',
      '名册-个案.csv',
      [
        ['学校标识码', '年级', '班级', '姓名', '身份证件号', '学籍号'],
        [school.code, String(other.grade), other.className ?? '', other.name, otherId, `G${otherId}`],
      ],
      school.id,
    );
    const run = await admin.post<{ id: string }>('/api/reconciliation/runs', {});
    await expect
      .poll(async () => (await admin.get<{ status: string }>(`/api/reconciliation/runs/${run.id}`)).status, { timeout: 60_000 })
      .toBe('done');
    const findings = await admin.get<Paged<{ id: string; category: string; childId: string | null }>>(
      `/api/findings?q=${encodeURIComponent(target.name)}&category=ENROLLED_ABSENT`,
    );
    const finding = findings.items.find((f) => f.childId === target.id)!;
    expect(finding).toBeTruthy();

    // confirm it in the browser straight into the 辍学学生台账 (cause 厌学)
    const page = await open('admin');
    await page.goto(`${baseUrl}/findings/${finding.id}`);
    await page.getByRole('button', { name: '确认并列入台账' }).click();
    const modal = page.locator('.ant-modal', { hasText: '确认并列入台账：' });
    await modal.getByRole('radio', { name: /辍学学生台账/ }).check();
    await chooseOption(page, modal.locator('.ant-select'), '厌学');
    await modal.locator('textarea').fill('班主任反映该生已两周未到校，电话中家长称孩子不愿上学');
    await modal.getByRole('button', { name: '确认列入' }).click();
    await page.locator('.ant-alert', { hasText: '已确认并列入台账' }).waitFor();

    // the case is open, 已认定辍学, in the 个案列表 (未结案 by default)
    await page.goto(`${baseUrl}/cases?q=${encodeURIComponent(target.name)}`);
    const row = page.locator('.ant-table-tbody tr', { hasText: target.name });
    await row.getByText('已认定辍学').waitFor();
    await row.getByRole('link', { name: target.name }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    state.caseId = page.url().split('/').pop()!;
    await page.getByText('办理经过').waitFor();
    await page.close();
  });

  it('the 班主任 records a home visit with a photo on a phone (375 px); a dropped network keeps it queued', async () => {
    // a small PNG to stand for the camera's photo
    fs.mkdirSync(path.dirname(PHOTO), { recursive: true });
    fs.writeFileSync(
      PHOTO,
      Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64'),
    );
    const page = await open('banzhuren', PHONE);
    await page.goto(`${baseUrl}/cases`);
    const card = page.locator('.ant-card', { hasText: state.child!.name });
    await card.waitFor();
    await noSidewaysScroll(page);
    await shot(page, 'cases-list-phone');
    await card.getByRole('link', { name: state.child!.name }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.getByText('法定时限').waitFor();
    await noSidewaysScroll(page);
    await shot(page, 'case-detail-phone');

    const drawer = await openAction(page, '入户走访');
    await drawer.getByLabel('见到的人').fill('父亲 张某');
    await drawer.getByRole('radio', { name: '考虑中' }).check();
    await drawer.getByLabel('走访情况').fill('孩子在家玩手机，父亲称孩子不愿上学；讲明了义务教育法规定，父亲答应再做孩子工作');
    await drawer.locator('input[type=file]').setInputFiles(PHOTO);
    await drawer.locator('.ant-upload-list-item-done').first().waitFor();
    await expect(drawer.locator('input[type=file]').getAttribute('capture')).resolves.toBe('environment');
    await shot(page, 'case-home-visit-phone');

    // the network drops as the form is sent: it is kept on the phone and queued
    await page.context().setOffline(true);
    await drawer.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('已离线保存，恢复网络后自动提交').first().waitFor();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByText(/有 1 条记录已离线保存/).waitFor();
    await shot(page, 'case-offline-queued-phone');
    // back online: sent once, and the story shows it with the photo
    await page.context().setOffline(false);
    await page.evaluate("window.dispatchEvent(new Event('online'))");
    await page.getByText(/离线保存的「入户走访」.*已提交/).waitFor();
    const timeline = page.locator('.ant-timeline').first();
    await timeline.getByText(/入户走访，见到父亲 张某，结果：考虑中/).waitFor();
    await timeline.locator('img').first().waitFor();
    await expect(page.getByText(/有 1 条记录已离线保存/).count()).resolves.toBe(0);
    await page.close();

    const teacher = await apiLogin(baseUrl, 'banzhuren');
    const detail = await teacher.get<CaseItem & { events: { type: string }[] }>(`/api/cases/${state.caseId}`);
    expect(detail.events.filter((e) => e.type === 'home_visit')).toHaveLength(1);
    expect(detail.status).toBe('persuading');
  });

  it('the school issues the 劝返通知书 (DOCX with the name and the deadline) and records its delivery', async () => {
    const page = await open('xiaozhang');
    await page.goto(`${baseUrl}/cases/${state.caseId}`);
    // two people at once: the county writes a note while the school's form is open; the school's answer is a conflict
    let drawer = await openAction(page, '情况说明');
    await drawer.getByLabel('说明').fill('学校已联系村委会了解情况');
    const admin = await apiLogin(baseUrl, 'admin');
    const seen = await admin.get<CaseItem>(`/api/cases/${state.caseId}`);
    await admin.post(`/api/cases/${state.caseId}/actions`, {
      type: 'note',
      occurredOn: new Date().toISOString().slice(0, 10),
      version: seen.version,
      text: '县教育局已电话督办',
    });
    await drawer.getByRole('button', { name: /提\s*交/ }).click();
    await page.locator('.ant-alert-warning', { hasText: '该个案已被他人更新' }).waitFor();
    await page.locator('.ant-timeline').getByText('县教育局已电话督办').waitFor();

    drawer = await openAction(page, '发放劝返通知书');
    const guardian = drawer.getByLabel('监护人姓名');
    if (!(await guardian.inputValue())) await guardian.fill('张某');
    await submitAction(page, drawer, '发放劝返通知书');
    drawer = await openAction(page, '劝返通知书送达');
    await drawer.getByLabel('说明').fill('当面送达，监护人签收');
    await submitAction(page, drawer, '劝返通知书送达');
    await page
      .locator('.ant-timeline')
      .getByText(/《劝返通知书》送达，签收人/)
      .waitFor();
    const principal = await apiLogin(baseUrl, 'xiaozhang');
    const detail = await principal.get<CaseItem & { deadlines: { kind: string; dueOn: string; met: boolean }[] }>(
      `/api/cases/${state.caseId}`,
    );
    const returnBy = detail.deadlines.find((d) => d.kind === 'notice_return' && !d.met);
    expect(returnBy).toBeTruthy();
    state.deadline = returnBy!.dueOn;
    await page.getByText(`${state.deadline}`).first().waitFor();
    await shot(page, 'case-detail-desktop');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载劝返通知书' }).click();
    const file = await (await download).path();
    const text = await docxText(file);
    expect(text).toContain(state.child!.name);
    const [y, m, d] = state.deadline.split('-').map(Number);
    expect(text.includes(state.deadline) || text.includes(`${y}年${m}月${d}日`)).toBe(true);
    expect(text).toContain('义务教育法');
    await page.close();
  });

  it('the deadline passes: after 7 days overdue the item is in the 中心校 inbox too', async () => {
    const days = Math.round((Date.parse(`${state.deadline}T00:00:00Z`) - Date.now()) / 86_400_000) + 9;
    state.now = await passDays(Math.max(days, 9));
    const page = await open('zhongxinxiao', DESKTOP, state.now);
    await page.goto(`${baseUrl}/inbox`);
    const item = page.getByRole('link', { name: new RegExp(state.child!.name) }).first();
    await item.waitFor();
    await expect(item.textContent()).resolves.toMatch(/逾期/);
    await expect(item.textContent()).resolves.toMatch(/已升级/);
    await shot(page, 'case-inbox-escalated-desktop');
    await item.click();
    await page.waitForURL(new RegExp(`/cases/${state.caseId}`));
    await page.getByText('已逾期').first().waitFor();
    await page.close();
  });

  it('the child returns with a 复学方案, is followed up, and after 巩固跟踪 the 中心校 confirms 销号', async () => {
    const page = await open('xiaozhang', DESKTOP, state.now);
    await page.goto(`${baseUrl}/cases/${state.caseId}`);
    let drawer = await openAction(page, '复学（复学方案）');
    await drawer.getByText('建议方案：').waitFor();
    await drawer.getByLabel('复学安排').fill('即日返校，编入原班级；班主任一对一帮扶，每周与家长沟通一次');
    await shot(page, 'case-return-drawer-desktop');
    await submitAction(page, drawer, '复学（复学方案）');
    await page.getByText('已复学·巩固跟踪').first().waitFor();

    drawer = await openAction(page, '巩固跟踪回访');
    await drawer.getByLabel('回访情况').fill('按时到校，上课认真，与同学相处融洽');
    await submitAction(page, drawer, '巩固跟踪回访');
    await page.close();

    // the 巩固跟踪 period (90 days by default) ends
    const principal = await apiLogin(baseUrl, 'xiaozhang');
    const returned = await principal.get<CaseItem & { followUpUntil: string }>(`/api/cases/${state.caseId}`);
    const left = Math.ceil((Date.parse(`${returned.followUpUntil}T00:00:00Z`) - (state.now?.getTime() ?? Date.now())) / 86_400_000) + 1;
    state.now = await passDays(Math.max(left, 1));

    const school = await open('xiaozhang', DESKTOP, state.now);
    await school.goto(`${baseUrl}/cases/${state.caseId}`);
    drawer = await openAction(school, '申请销号');
    await drawer.getByLabel('巩固情况与销号理由').fill('复学后巩固跟踪期满，出勤正常，申请销号');
    await submitAction(school, drawer, '申请销号');
    await school.getByText('待销号确认').first().waitFor();
    await school.close();

    const centre = await open('zhongxinxiao', DESKTOP, state.now);
    await centre.goto(`${baseUrl}/cases/${state.caseId}`);
    drawer = await openAction(centre, '确认销号');
    await submitAction(centre, drawer, '确认销号');
    await centre.getByText('已销号').first().waitFor();
    await shot(centre, 'case-closed-desktop');
    await centre.goto(`${baseUrl}/cases?status=closed_all&q=${encodeURIComponent(state.child!.name)}`);
    await centre.locator('.ant-table-tbody tr', { hasText: state.child!.name }).getByText('已销号').waitFor();
    await shot(centre, 'cases-list-desktop');
    await centre.close();
  });

  it("the child's page shows the case story; the ledger entry links to the case", async () => {
    for (const [viewport, suffix] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const page = await open('xiaozhang', viewport, state.now);
      await page.goto(`${baseUrl}/children/${state.child!.id}`);
      const card = page.locator('.ant-card', { hasText: '个案（一生一表一档案）' });
      await card.getByText('已销号').waitFor();
      await card.getByRole('link', { name: '查看个案' }).waitFor();
      await card.getByRole('button', { name: '报告疑似辍学' }).waitFor(); // no open case: a new report is possible
      if (suffix === 'phone') await noSidewaysScroll(page);
      await shot(page, `case-child-page-${suffix}`);
      await page.close();
    }
    const page = await open('xiaozhang', DESKTOP, state.now);
    await page.goto(`${baseUrl}/ledgers/dropout?state=all&q=${encodeURIComponent(state.child!.name)}`);
    await page.locator('.ant-table-tbody tr', { hasText: state.child!.name }).getByRole('link', { name: state.child!.name }).click();
    await page.waitForURL(/\/ledgers\/entries\//);
    await expect(page.getByRole('button', { name: '认定辍学' }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: '查看个案' }).click();
    await page.waitForURL(new RegExp(`/cases/${state.caseId}$`));
    await page.close();
    expect(errors).toEqual([]);
  });
});
