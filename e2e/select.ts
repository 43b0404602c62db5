import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/**
 * A shown pop-up whose animation is over: rc-motion marks an animating one with `…-appear` / `…-enter` / `…-leave`
 * classes, and a click inside it while they are on can be lost (it failed CI runs). The journeys' pages ask for less
 * motion (browser.ts), so the app opens pop-ups without animation and no fixed waits are needed; these checks remain
 * for a page that opts back in (`reducedMotion: 'no-preference'`).
 */
const SETTLED = ':visible:not([class*="-appear"]):not([class*="-enter"]):not([class*="-leave"])';

/** Whether the wait ends in time (false on its timeout). */
const holds = (wait: Promise<unknown>): Promise<boolean> => wait.then(() => true).catch(() => false);

/** The options of the open Select dropdown once its opening animation is over. */
export function settledOptions(page: Page, text?: string | RegExp): Locator {
  const options = page.locator(`.ant-select-dropdown${SETTLED} .ant-select-item-option`);
  return text === undefined ? options : options.filter({ hasText: text });
}

/**
 * Choose an option of an Ant Design Select (`select` is its `.ant-select` element) and wait until the Select shows it.
 * With `search`, the text is typed into the Select first (remote search); otherwise the Select is clicked open. A
 * click that did not take is tried again, up to three times. Returns with the dropdown closed.
 */
export async function chooseOption(
  page: Page,
  select: Locator,
  text: string,
  opts: { search?: string; title?: boolean } = {},
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (opts.search !== undefined) await select.getByRole('combobox').fill(opts.search);
    else if ((await settledOptions(page).count()) === 0) await select.click();
    const option = opts.title ? settledOptions(page).and(page.locator(`[title="${text}"]`)) : settledOptions(page, text).first();
    await option.waitFor();
    await option.click();
    if (await holds(select.filter({ hasText: text }).waitFor({ timeout: 3000 }))) {
      // leave the dropdown closed, as a user's next tap elsewhere would (an open one covers the fields below it)
      const closed = () => holds(page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden', timeout: 2000 }));
      if (!(await closed())) {
        await select.getByRole('combobox').blur(); // not Escape: in a drawer or modal that would close it
        await closed();
      }
      return;
    }
    if (attempt === 3) throw new Error(`选择「${text}」三次都没有生效`);
  }
}

/**
 * Pick a day in an Ant Design DatePicker (`input` is its input): open the panel, page forward to the month, click the
 * day and wait until the input shows it (a click during the panel's opening animation can be lost on a busy machine:
 * then try again, up to three times).
 */
export async function chooseDate(page: Page, input: Locator, iso: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await input.click();
    const panel = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').last();
    await panel.waitFor();
    const day = panel.locator(`td.ant-picker-cell-in-view[title="${iso}"]`);
    for (let i = 0; i < 24 && (await day.count()) === 0; i++) await panel.locator('.ant-picker-header-next-btn').click();
    await day.first().click();
    if (await holds(expect.poll(() => input.inputValue(), { timeout: 3000 }).toBe(iso))) {
      return;
    }
    if (attempt === 3) throw new Error(`选择日期 ${iso} 三次都没有生效`);
  }
}

/**
 * Press a button of the open Popconfirm once its opening animation is over, and wait until it closes (a click that
 * was lost during the animation is tried again, up to three times).
 */
export async function confirmPopover(page: Page, button: string): Promise<void> {
  const settled = page.locator(`.ant-popover${SETTLED}:not(.ant-popover-hidden)`);
  for (let attempt = 1; ; attempt++) {
    const target = settled.getByRole('button', { name: new RegExp(`^${[...button].join('\\s*')}$`) });
    await target.waitFor();
    await target.click();
    if (await holds(settled.waitFor({ state: 'hidden', timeout: 3000 }))) return;
    if (attempt === 3) throw new Error(`「${button}」按了三次都没有生效`);
  }
}

/**
 * Press a button of the open confirm dialog (`modal.confirm`) and wait until it closes, its action done (an async
 * onOk keeps it open, the button loading, until the server answers). An error dialog that opens instead fails at once
 * with its words.
 */
export async function confirmModal(page: Page, button: string): Promise<void> {
  const dialog = page.locator(`.ant-modal-confirm-confirm${SETTLED}`);
  await dialog.getByRole('button', { name: button }).click();
  const error = page.locator('.ant-modal-confirm-error:visible');
  const outcome = await Promise.race([
    dialog.waitFor({ state: 'hidden', timeout: 30_000 }).then(() => null),
    error.waitFor({ timeout: 30_000 }).then(() => error.innerText()),
  ]);
  if (outcome !== null) throw new Error(`「${button}」未成功：${outcome}`);
}
