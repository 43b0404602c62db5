import type { Locator, Page } from 'playwright-core';

/**
 * The options of the open Select dropdown once its opening animation is over. rc-motion marks an animating popup with
 * `…-appear` / `…-enter` / `…-leave` classes; a click on an option while they are on can be lost (it failed CI runs).
 */
export function settledOptions(page: Page, text?: string | RegExp): Locator {
  const options = page.locator(
    '.ant-select-dropdown:visible:not([class*="-appear"]):not([class*="-enter"]):not([class*="-leave"]) .ant-select-item-option',
  );
  return text === undefined ? options : options.filter({ hasText: text });
}

/**
 * Choose an option of an Ant Design Select (`select` is its `.ant-select` element) and wait until the Select shows it.
 * With `search`, the text is typed into the Select first (remote search); otherwise the Select is clicked open. A
 * click that did not take is tried again, up to three times.
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
    await page.waitForTimeout(100);
    await option.click();
    const shown = select.filter({ hasText: text });
    const ok = await shown
      .waitFor({ timeout: 3000 })
      .then(() => true)
      .catch(() => false);
    if (ok) return;
    if (attempt === 3) throw new Error(`选择「${text}」三次都没有生效`);
  }
}
