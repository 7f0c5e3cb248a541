/**
 * The public portal in a real browser: what residents see, in both languages, and that it is accessible
 * (axe-core: no serious or critical violations on the home and sign-in pages).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/accounts.js';
import { pageProblems, runAxe, screenshot, seriousViolations, startE2E, type E2E } from './harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe('public portal', () => {
  it('shows notices, the city-wide summary, the programs and the staff sign-in link', async () => {
    const page = await e2e.newPage();
    await page.goto('/', { waitUntil: 'load' });
    await expect.poll(() => page.locator('[data-testid=public-notice]').count()).toBeGreaterThan(0);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.textContent('h1')).toContain('Working together for safer neighborhoods');
    for (const pillar of ['Prediction', 'Prevention', 'Pursuit', 'Partnerships']) {
      await expect.poll(() => page.getByRole('heading', { name: new RegExp(`^${pillar}:`) }).count()).toBe(1);
    }
    // The demo's police agencies each get a table of counts (Philadelphia shootings, Sacramento 2006).
    await page.waitForSelector('[data-testid=summary-philadelphia-pd] table');
    await page.waitForSelector('[data-testid=summary-sacramento-pd] table');
    const rows = await page.locator('[data-testid=summary-philadelphia-pd] tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid=program-list] li').allTextContents()).toContainEqual(expect.stringContaining('Community notices'));
    expect(await page.getAttribute('[data-testid=staff-sign-in]', 'href')).toBe('/console/sign-in');
    // Landmarks a screen-reader user jumps between.
    for (const selector of ['header', 'nav', 'main', 'footer', 'a.usa-skipnav']) expect(await page.locator(selector).count()).toBeGreaterThan(0);
    await screenshot(page, 'portal-home');
    expect(pageProblems(page)).toEqual([]);
  });

  it('passes axe-core on the home page without serious or critical violations', async () => {
    const page = await e2e.newPage();
    await page.goto('/', { waitUntil: 'load' });
    await page.waitForSelector('[data-testid=public-notice]');
    await page.waitForSelector('[data-testid=summary-philadelphia-pd] table');
    await page.waitForSelector('[data-testid=program-list]');
    const violations = await runAxe(page);
    expect(seriousViolations(violations)).toEqual([]);
  });

  it('passes axe-core on the sign-in page, both steps', async () => {
    const page = await e2e.newPage();
    await page.goto('/console/sign-in', { waitUntil: 'load' });
    await page.waitForSelector('#sign-in-username');
    expect(seriousViolations(await runAxe(page))).toEqual([]);
    await screenshot(page, 'sign-in');
    expect(await page.locator('h1').count()).toBe(1);
    // Every input has a label the browser associates with it.
    for (const id of ['sign-in-username', 'sign-in-password']) expect(await page.locator(`label[for=${id}]`).count()).toBe(1);

    // The code step (the password is right; no code is sent, so nothing is used up).
    await page.fill('#sign-in-username', 'demo.volunteers');
    await page.fill('#sign-in-password', DEMO_PASSWORD);
    await page.click('[data-testid=password-form] button[type=submit]');
    await page.waitForSelector('#sign-in-code');
    expect(await page.locator('label[for=sign-in-code]').count()).toBe(1);
    expect(seriousViolations(await runAxe(page))).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
  });

  it('switches to Spanish, sets <html lang> and remembers the choice after a reload', async () => {
    const page = await e2e.newPage();
    await page.goto('/', { waitUntil: 'load' });
    await page.waitForSelector('[data-testid=public-notice]');
    await page.selectOption('[data-testid=language-select]', 'es');
    await expect.poll(() => page.textContent('h1')).toContain('Juntos por barrios más seguros');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    // Server-sent text follows too: notices and category labels come in both languages.
    await expect.poll(() => page.locator('[data-testid=public-notice]').first().textContent()).toMatch(/Aviso de demostración|Demo:/);
    expect(await page.textContent('#notices-heading')).toBe('Avisos a la comunidad');

    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => page.textContent('h1')).toContain('Juntos por barrios más seguros');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(await page.inputValue('[data-testid=language-select]')).toBe('es');
    await page.waitForSelector('[data-testid=summary-philadelphia-pd] table');
    expect(await page.textContent('[data-testid=summary-philadelphia-pd] thead')).toContain('Tipo de incidente');
    expect(seriousViolations(await runAxe(page))).toEqual([]);
    await screenshot(page, 'portal-home-es');
    expect(pageProblems(page)).toEqual([]);
  });
});
