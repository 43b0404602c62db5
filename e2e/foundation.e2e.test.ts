import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eBaseUrl } from './base-url';
import type { Browser } from 'playwright-core';
import { DESKTOP, launch, loginAs, PHONE, shot } from './browser';
import { apiLogin } from './api';

const baseUrl = e2eBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type ChildItem = { id: string; name: string; schoolName: string | null; className: string | null; grade: number | null };

describe('班主任 journey (issue 2: sees own class, cannot open another school’s child)', () => {
  it('logs in, sees only the own class, and gets “not found” for another school’s child', async () => {
    const teacherApi = await apiLogin(baseUrl, 'banzhuren');
    const me = await teacherApi.get<{ roles: { scopeName: string }[] }>('/api/auth/me');
    const own = await teacherApi.get<{ items: ChildItem[]; total: number }>('/api/children?pageSize=200');
    expect(own.total).toBeGreaterThan(10);
    const admin = await apiLogin(baseUrl, 'admin');
    const all = await admin.get<{ items: ChildItem[] }>('/api/children?pageSize=200&grade=5');
    const ownSchool = own.items[0].schoolName;
    const foreign = all.items.find((c) => c.schoolName !== ownSchool)!;
    expect(foreign).toBeTruthy();

    const page = await browser.newPage({ viewport: DESKTOP });
    await loginAs(page, baseUrl, 'banzhuren');
    await page.getByText(me.roles[0].scopeName).first().waitFor();
    await shot(page, 'teacher-home-desktop');

    await page.goto(`${baseUrl}/children`);
    await page.getByText(own.items[0].name).first().waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    expect(await rows.count()).toBe(Math.min(own.total, 20));
    await expect(page.getByText(foreign.name, { exact: true }).count()).resolves.toBe(0);
    await shot(page, 'teacher-children-desktop');

    await page.goto(`${baseUrl}/children/${foreign.id}`);
    await page.getByText('未找到该儿童，或您无权查看').waitFor();
    await shot(page, 'teacher-foreign-child');

    await page.goto(`${baseUrl}/children/${own.items[0].id}`);
    await page.getByText(own.items[0].name).first().waitFor();
    expect(await page.getByText(/\d{6}\*{8}\d{3}[\dX]/).count()).toBeGreaterThan(0);
    await shot(page, 'teacher-child-detail');
    await page.close();
  });

  it('drops the animations for a user who asks the system for less motion, and keeps them for the others', async () => {
    // prefers-reduced-motion (WCAG 2.3.3): Ant Design's motion token off, so its transitions last 0 s
    const duration = async (reducedMotion?: 'reduce' | 'no-preference') => {
      const page = await browser.newPage({ viewport: PHONE, ...(reducedMotion ? { reducedMotion } : {}) });
      await page.goto(`${baseUrl}/login`);
      await page.getByRole('button', { name: /登\s*录/ }).waitFor();
      const seconds = (await page.evaluate(`getComputedStyle(document.querySelector('button[type=submit]')).transitionDuration`)) as string;
      await page.close();
      return seconds.split(',').map((s: string) => parseFloat(s));
    };
    expect(await duration('reduce')).toSatisfy((d: number[]) => d.every((s) => s === 0));
    expect(await duration('no-preference')).toSatisfy((d: number[]) => d.some((s) => s > 0));
    // the journeys' Chromium asks for it by default (launch in browser.ts)
    expect(await duration()).toSatisfy((d: number[]) => d.every((s) => s === 0));
  });

  it('works on a phone-sized screen', async () => {
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await loginAs(page, baseUrl, 'banzhuren');
    await page.waitForLoadState('networkidle');
    await shot(page, 'teacher-home-phone');
    await page.goto(`${baseUrl}/children`);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await shot(page, 'teacher-children-phone');
    const overflow = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
    expect(overflow).toBeLessThanOrEqual(1);
    await page.close();
  });
});

describe('县级管理员 journey: every master-data page opens (desktop and phone)', () => {
  const pages = [
    ['home', '/'],
    ['divisions', '/divisions'],
    ['units', '/units'],
    ['schools', '/schools'],
    ['classes', '/classes'],
    ['users', '/users'],
    ['children', '/children'],
    ['settings', '/settings'],
    ['audit', '/audit'],
  ] as const;
  for (const [viewportName, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`admin pages on ${viewportName}`, async () => {
      const page = await browser.newPage({ viewport });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await loginAs(page, baseUrl, 'admin');
      for (const [name, path] of pages) {
        await page.goto(`${baseUrl}${path}`);
        await page.waitForLoadState('networkidle');
        expect(await page.getByText('页面出错了').count(), `${name} shows an error`).toBe(0);
        await shot(page, `admin-${name}-${viewportName}`);
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
