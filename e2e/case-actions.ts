import type { Locator, Page } from 'playwright-core';

/**
 * After a drawer's submit: the success message, or a failure naming what the drawer says (a field's error or the
 * server's refusal) instead of a 30 s wait for a message that will not come.
 */
export async function submitted(page: Page, drawer: Locator, success: string): Promise<void> {
  const refused = drawer.locator('.ant-form-item-explain-error, .ant-alert-error');
  await page.getByText(success).or(refused).first().waitFor();
  if (await refused.count()) throw new Error(`提交未成功：${(await refused.allInnerTexts()).join('；')}`);
}

/** Open the drawer of one action from the case page and wait for its form. */
export async function openAction(page: Page, label: string): Promise<Locator> {
  await page.getByRole('button', { name: label, exact: true }).click();
  const drawer = page.locator('.ant-drawer-section', { hasText: `${label}：` });
  await drawer.getByText('发生日期').waitFor();
  return drawer;
}

/** Submit an action's drawer and wait for 已记录 and the drawer to close. */
export async function submitAction(page: Page, drawer: Locator, label: string): Promise<void> {
  await drawer.getByRole('button', { name: /提\s*交/ }).click();
  await submitted(page, drawer, `已记录：${label}`);
  await drawer.waitFor({ state: 'hidden' });
}
