/** Helpers shared by the partnerships browser tests: keyboard reachability and downloads. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * Starts at the page's first focusable element (the skip link) and presses Tab until the element matching
 * `selector` has the focus; false when it never does within `limit` presses (it cannot be reached by keyboard).
 */
export async function reachableByTab(page: Page, selector: string, limit = 150): Promise<boolean> {
  await page.evaluate(() => document.querySelector<HTMLElement>('a.usa-skipnav')?.focus());
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

/**
 * Moves to another page of the app the way its own links do (history API, no reload). Loading every page
 * afresh would fetch the whole app each time and soon meet the server's per-address rate limit.
 */
export async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}
