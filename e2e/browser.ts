import { expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const SHOTS = path.resolve(import.meta.dirname, '../.tmp/screenshots');

/**
 * Debian's chromium, headless, with the flags this closed network needs. Its pages ask for less motion unless told
 * otherwise: the app then turns Ant Design's animations off (providers.tsx), so that no tap lands on a pop-up still
 * opening (lost taps of that kind failed CI runs).
 */
export async function launch(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  const newContext = browser.newContext.bind(browser); // browser.newPage goes through it too
  browser.newContext = (options = {}) => newContext({ reducedMotion: 'reduce', ...options });
  return browser;
}

export const PHONE = { width: 375, height: 780 };
export const DESKTOP = { width: 1366, height: 860 };

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** A full-page screenshot from the top, once the page's loading spinners are gone. */
export async function settledShot(page: Page, name: string): Promise<void> {
  await page
    .locator('.ant-spin-blur')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  await page.waitForTimeout(300);
  await page.evaluate('window.scrollTo(0, 0)');
  await shot(page, name);
}

export async function loginAs(page: Page, baseUrl: string, username: string, password = 'Demo2026'): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByPlaceholder('请输入用户名').fill(username);
  await page.getByPlaceholder('请输入密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Pages must fit a phone: nothing wider than the viewport (style.md). */
export async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
  expect(overflow).toBeLessThanOrEqual(1);
}
