/** Helpers shared by the partnerships browser tests: keyboard reachability and downloads. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * Presses Tab from the top of the page until the element matching `selector` has the focus; false when it
 * never does within `limit` presses (the element cannot be reached with a keyboard).
 */
export async function reachableByTab(page: Page, selector: string, limit = 150): Promise<boolean> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => Boolean(document.activeElement?.matches(s)), selector)) return true;
  }
  return false;
}

/** Clicks a download link and answers the downloaded file's name and text. */
export async function download(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}
